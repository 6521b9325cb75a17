/**
 * The few web platform types the API client uses. core compiles without the DOM lib (it must run in
 * hosts that lack most of it), so these are declared structurally here; a browser's, UXP's or Node's
 * `fetch` and `Response` fit them. Nothing here is global.
 */

export interface WebHeaders {
  get(name: string): string | null;
}

export interface ByteStreamReader {
  read(): Promise<{ done: boolean; value?: Uint8Array }>;
  releaseLock(): void;
}

/** A ReadableStream of bytes, as `response.body` is. */
export interface ByteStream {
  getReader(): ByteStreamReader;
}

export interface WebResponse {
  readonly ok: boolean;
  readonly status: number;
  readonly statusText: string;
  readonly headers: WebHeaders;
  readonly body: ByteStream | null;
  json(): Promise<unknown>;
  text(): Promise<string>;
  arrayBuffer(): Promise<ArrayBuffer>;
}

export interface WebAbortSignal {
  readonly aborted: boolean;
  readonly reason?: unknown;
  addEventListener(type: 'abort', listener: () => void, options?: { once?: boolean }): void;
}

/** A Blob-like body (a File from an input, a canvas export). */
export interface WebBlob {
  readonly size: number;
  readonly type: string;
  arrayBuffer(): Promise<ArrayBuffer>;
}

export type WebFetch = (input: any, init?: any) => Promise<WebResponse>;

interface WebGlobals {
  fetch?: WebFetch;
  ReadableStream?: unknown;
  TextDecoder: new () => { decode(bytes?: Uint8Array, options?: { stream?: boolean }): string };
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(timer: unknown): void;
}

/** The host's globals, typed as far as the client needs them. */
export const webGlobals = globalThis as unknown as WebGlobals;

/** An AbortError the way hosts make them (`name` is what callers check). */
export function abortError(reason?: unknown): Error {
  if (reason instanceof Error) return reason;
  const e = new Error(typeof reason === 'string' ? reason : 'aborted');
  e.name = 'AbortError';
  return e;
}
