/**
 * Runs one panel flow at a time from a tab: progress, cancel (an AbortSignal the flow honours), and
 * the error as a PanelError the tab shows with its hint.
 */
import { useRef, useState } from 'preact/hooks';
import { PanelError, isCancelled, isPanelError } from '../errors/panel-error';
import type { ProgressState } from './widgets/progress';

export function asPanelError(error: unknown): PanelError {
  if (isPanelError(error)) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new PanelError('host-command-failed', `Something went wrong: ${message}`, 'Try again; if it keeps happening, send this message to your brandlock admin.', { cause: error });
}

export interface FlowControl {
  running: boolean;
  cancelling: boolean;
  progress: ProgressState | null;
  error: PanelError | null;
  run<T>(fn: (signal: AbortSignal, report: (p: ProgressState) => void) => Promise<T>): Promise<T | undefined>;
  cancel(): void;
  clearError(): void;
}

export function useFlow(): FlowControl {
  const [running, setRunning] = useState(false);
  const [cancelling, setCancelling] = useState(false);
  const [progress, setProgress] = useState<ProgressState | null>(null);
  const [error, setError] = useState<PanelError | null>(null);
  const controller = useRef<AbortController | null>(null);

  return {
    running,
    cancelling,
    progress,
    error,
    async run(fn) {
      if (controller.current) return undefined;
      const c = new AbortController();
      controller.current = c;
      setRunning(true);
      setCancelling(false);
      setError(null);
      setProgress({ fraction: null, label: 'Starting…' });
      try {
        return await fn(c.signal, setProgress);
      } catch (e) {
        const err = asPanelError(e);
        setError(isCancelled(err) ? new PanelError('cancelled', err.message, 'Nothing was left half-done in the document.') : err);
        return undefined;
      } finally {
        controller.current = null;
        setRunning(false);
        setCancelling(false);
        setProgress(null);
      }
    },
    cancel() {
      if (!controller.current) return;
      setCancelling(true);
      controller.current.abort();
    },
    clearError: () => setError(null),
  };
}
