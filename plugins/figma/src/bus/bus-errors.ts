/**
 * Errors that cross the bus. `instanceof` does not survive the trip between the Figma main thread and
 * the iframe, so everything is recognised by `name` (see the guards).
 */

/** A failure the user should read: thrown by handlers with a stable `code` and a plain-words message. */
export class PluginError extends Error {
  override readonly name = 'PluginError';
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** What a caller receives when the other side's handler failed; keeps the remote name and code. */
export class BusRequestError extends Error {
  override readonly name = 'BusRequestError';
  constructor(
    readonly method: string,
    readonly remoteName: string,
    message: string,
    readonly code?: string,
  ) {
    super(message);
  }
}

/** The operation was canceled by the caller before it finished. */
export class CanceledError extends Error {
  override readonly name = 'CanceledError';
  constructor(message = 'Canceled') {
    super(message);
  }
}

/** No reply arrived in time (the other side is gone or stuck). */
export class BusTimeoutError extends Error {
  override readonly name = 'BusTimeoutError';
  constructor(
    readonly method: string,
    readonly timeoutMs: number,
  ) {
    super(`${method}: no reply after ${timeoutMs} ms`);
  }
}

export function isBusRequestError(e: unknown): e is BusRequestError {
  return (e as { name?: unknown } | null)?.name === 'BusRequestError';
}

/** True when an operation ended because it was canceled, on either side of the bus. */
export function isCanceled(e: unknown): boolean {
  const err = e as { name?: unknown; remoteName?: unknown } | null;
  return err?.name === 'CanceledError' || err?.remoteName === 'CanceledError' || err?.name === 'AbortError';
}

/** The message to show a person for any error. */
export function errorMessage(e: unknown): string {
  if (e instanceof Error || (e && typeof e === 'object' && 'message' in e)) return String((e as Error).message);
  return String(e);
}
