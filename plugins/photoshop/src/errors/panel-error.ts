/**
 * The errors a retoucher meets in the panel, each with a code the UI can act on and a message that
 * says what happened and what to do. Guards use `name`, not instanceof, so they hold across realms.
 */

export type PanelErrorCode =
  | 'server-unreachable'
  | 'bad-token'
  | 'forbidden'
  | 'server-error'
  | 'origin-not-allowed'
  | 'not-connected'
  | 'no-document'
  | 'unsupported-mode'
  | 'unsupported-depth'
  | 'modal-busy'
  | 'cancelled'
  | 'host-command-failed'
  | 'host-feature-missing'
  | 'needs-confirmation'
  | 'bad-input';

export class PanelError extends Error {
  override readonly name = 'PanelError';
  readonly code: PanelErrorCode;
  /** What to do about it, shown under the message. */
  readonly hint: string;
  /** The underlying host or HTTP error, for the log. */
  readonly underlying: unknown;

  constructor(code: PanelErrorCode, message: string, hint = '', options?: { cause?: unknown }) {
    super(message);
    this.code = code;
    this.hint = hint;
    this.underlying = options?.cause;
  }
}

/** True for a PanelError from any realm. */
export function isPanelError(error: unknown): error is PanelError {
  return (error as { name?: unknown } | null)?.name === 'PanelError';
}

/** True when the user (or Photoshop on the user's behalf) cancelled. */
export function isCancelled(error: unknown): boolean {
  return isPanelError(error) && error.code === 'cancelled';
}

/** The error thrown when a flow stops because the user cancelled. */
export function cancelledError(what: string): PanelError {
  return new PanelError('cancelled', `${what} was cancelled.`);
}

/** Throws the cancel error if the signal has fired: flows call this between steps. */
export function throwIfAborted(signal: AbortSignal | undefined, what: string): void {
  if (signal?.aborted) throw cancelledError(what);
}
