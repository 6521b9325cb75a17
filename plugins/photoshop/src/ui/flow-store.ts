/**
 * The panel's running work, kept above the tabs: one flow per tab (progress, Cancel, the last error),
 * so switching tabs never loses a running job's progress or its Cancel, and a tab cannot start a
 * second run of its own while one is going. The activity strip above the tabs lists what runs.
 */
import { useMemo, useRef, useState } from 'preact/hooks';
import { PanelError, isCancelled } from '../errors/panel-error';
import { asPanelError } from './as-panel-error';
import type { ProgressState } from './widgets/progress';

export type FlowKey = 'connect' | 'generate' | 'lut' | 'cleanup' | 'qc' | 'export' | 'review';

export const FLOW_KEYS: FlowKey[] = ['connect', 'generate', 'lut', 'cleanup', 'qc', 'export', 'review'];

export interface FlowControl {
  running: boolean;
  cancelling: boolean;
  /** What is running, e.g. "Generate NF-WV-1001 front". */
  title: string;
  progress: ProgressState | null;
  error: PanelError | null;
  run<T>(title: string, fn: (signal: AbortSignal, report: (p: ProgressState) => void) => Promise<T>): Promise<T | undefined>;
  cancel(): void;
  clearError(): void;
}

interface FlowState {
  running: boolean;
  cancelling: boolean;
  title: string;
  progress: ProgressState | null;
  error: PanelError | null;
}

const idle: FlowState = { running: false, cancelling: false, title: '', progress: null, error: null };

export function useFlowStore(): Record<FlowKey, FlowControl> {
  const [states, setStates] = useState<Record<FlowKey, FlowState>>(() => Object.fromEntries(FLOW_KEYS.map((k) => [k, idle])) as Record<FlowKey, FlowState>);
  const controllers = useRef(new Map<FlowKey, AbortController>());
  const update = (key: FlowKey, change: Partial<FlowState>) => setStates((all) => ({ ...all, [key]: { ...all[key], ...change } }));

  const actions = useMemo(() => {
    const make = (key: FlowKey) => ({
      async run<T>(title: string, fn: (signal: AbortSignal, report: (p: ProgressState) => void) => Promise<T>): Promise<T | undefined> {
        if (controllers.current.has(key)) return undefined;
        const c = new AbortController();
        controllers.current.set(key, c);
        update(key, { running: true, cancelling: false, title, error: null, progress: { fraction: null, label: 'Starting…' } });
        try {
          return await fn(c.signal, (progress) => update(key, { progress }));
        } catch (e) {
          const err = asPanelError(e);
          update(key, { error: isCancelled(err) ? new PanelError('cancelled', err.message, err.hint || 'Nothing was left half-done in the document.') : err });
          return undefined;
        } finally {
          controllers.current.delete(key);
          update(key, { running: false, cancelling: false, progress: null });
        }
      },
      cancel() {
        const c = controllers.current.get(key);
        if (!c) return;
        update(key, { cancelling: true });
        c.abort();
      },
      clearError: () => update(key, { error: null }),
    });
    return Object.fromEntries(FLOW_KEYS.map((k) => [k, make(k)])) as Record<FlowKey, Pick<FlowControl, 'run' | 'cancel' | 'clearError'>>;
  }, []);

  return Object.fromEntries(FLOW_KEYS.map((k) => [k, { ...states[k], ...actions[k] }])) as Record<FlowKey, FlowControl>;
}
