/**
 * A minimal cancellation signal. Figma's main-thread sandbox has no AbortController, so handlers get
 * this instead; it is set when the caller cancels the request.
 */
import { CanceledError } from './bus-errors';

export interface CancelSignal {
  readonly canceled: boolean;
  /** Runs `listener` once when canceled (at once if already canceled). */
  onCancel(listener: () => void): void;
  /** Throws a CanceledError if canceled; call it between chunks of work. */
  throwIfCanceled(): void;
}

export interface CancelSource {
  readonly signal: CancelSignal;
  cancel(): void;
}

export function createCancelSource(): CancelSource {
  let canceled = false;
  const listeners: (() => void)[] = [];
  const signal: CancelSignal = {
    get canceled() {
      return canceled;
    },
    onCancel(listener) {
      if (canceled) listener();
      else listeners.push(listener);
    },
    throwIfCanceled() {
      if (canceled) throw new CanceledError();
    },
  };
  return {
    signal,
    cancel() {
      if (canceled) return;
      canceled = true;
      for (const l of listeners.splice(0)) l();
    },
  };
}
