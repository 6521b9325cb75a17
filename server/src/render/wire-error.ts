/**
 * Errors crossing from a render process to the server: sent as data and rebuilt with the same name
 * and fields, so the step runner tells a provider's refusal (ProviderCallError) from a decode error
 * or a crash exactly as it does when the work runs in its own thread. A `serverFault` (the blob store
 * failed, a render process died) is the server's own failure: the queue retries the step, and a step
 * that keeps failing ends in the dead-letter queue as an internal error, never as a provider's.
 */
import { ProviderCallError, type ProviderError, type ProviderName } from '../providers/provider';

export interface WireError {
  name: string;
  message: string;
  code?: string;
  provider?: ProviderName;
  error?: ProviderError;
  serverFault?: boolean;
}

/** Marks an error as the server's own failure (see the file comment). */
export function serverFault<E extends Error>(error: E): E & { serverFault: true } {
  return Object.assign(error, { serverFault: true as const });
}

export function isServerFault(e: unknown): boolean {
  return (e as { serverFault?: unknown })?.serverFault === true;
}

export function toWireError(e: unknown): WireError {
  const err = e as Partial<WireError> & { name?: string; message?: string };
  return { name: err?.name ?? 'Error', message: err?.message ?? String(e), code: typeof err?.code === 'string' ? err.code : undefined, provider: err?.provider, error: err?.error, serverFault: isServerFault(e) || undefined };
}

export function fromWireError(wire: WireError): Error {
  if (wire.name === 'ProviderCallError' && wire.provider && wire.error) return new ProviderCallError(wire.provider, wire.error);
  const err = new Error(wire.message) as Error & { code?: string };
  err.name = wire.name;
  if (wire.code) err.code = wire.code;
  return wire.serverFault ? serverFault(err) : err;
}
