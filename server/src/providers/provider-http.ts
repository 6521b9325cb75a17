/**
 * A provider's HTTP client: base URL, auth headers, the shared retry loop, size-capped JSON reads,
 * and errors that name the call and the provider's own message with every secret removed.
 */
import { callWithRetry, MalformedBodyError, type CallKind, type RetryPolicy } from './http-retry';
import { ProviderCallError, type ProviderName } from './provider';
import { createSecretRedactor, type SecretRedactor } from '../secrets/secret-redactor';

/** JSON answers larger than this are refused rather than buffered. */
const MAX_JSON_BYTES = 8 * 1024 * 1024;

export interface ProviderHttpOptions {
  provider: ProviderName;
  baseUrl: string;
  /** Sent with every call (auth, API version). Never echoed in errors. */
  headers: Record<string, string>;
  /** Values to strip from every message (keys, tokens, webhook secrets). */
  secrets: readonly (string | undefined)[];
  policy: RetryPolicy;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** The fetch to use (the server may inject one); the global fetch by default. */
  fetch?: typeof fetch;
}

export interface JsonCall {
  kind: CallKind;
  /** A JSON body (serialised here) or a ready body such as FormData. */
  json?: unknown;
  body?: RequestInit['body'];
  query?: Record<string, string>;
  headers?: Record<string, string>;
  /** Non-2xx statuses the caller handles itself instead of getting an error. */
  accept?: readonly number[];
  /** Marks a 429/5xx answer as final: read, not retried. */
  isFinal?: (response: Response) => boolean;
  signal?: AbortSignal;
}

export interface JsonAnswer {
  status: number;
  /** Parsed body, or null when it was empty. */
  data: unknown;
  headers: Headers;
}

export class ProviderHttp {
  private readonly redactor: SecretRedactor;

  constructor(readonly options: ProviderHttpOptions) {
    this.redactor = createSecretRedactor(options.secrets);
  }

  url(path: string, query?: Record<string, string>): string {
    const url = new URL(this.options.baseUrl.replace(/\/+$/, '') + path);
    for (const [k, v] of Object.entries(query ?? {})) url.searchParams.set(k, v);
    return url.toString();
  }

  async call(method: string, path: string, call: JsonCall): Promise<JsonAnswer> {
    const { provider, headers, policy, sleep } = this.options;
    const label = `${method} ${path}`;
    const url = this.url(path, call.query);
    const body = call.json !== undefined ? JSON.stringify(call.json) : call.body;
    const init: RequestInit = {
      method,
      headers: {
        accept: 'application/json',
        ...(call.json !== undefined ? { 'content-type': 'application/json' } : {}),
        ...headers,
        ...call.headers,
      },
      body,
      redirect: 'error',
    };
    return callWithRetry({
      provider,
      label,
      kind: call.kind,
      policy,
      signal: call.signal,
      sleep,
      isFinal: call.isFinal,
      send: (signal) => (this.options.fetch ?? fetch)(url, { ...init, signal }),
      read: async (res) => {
        const accepted = res.ok || call.accept?.includes(res.status);
        const text = await readCappedText(res, MAX_JSON_BYTES, label);
        if (!accepted) throw this.errorFor(label, res.status, text);
        if (!text.trim()) return { status: res.status, data: null, headers: res.headers };
        try {
          return { status: res.status, data: JSON.parse(text), headers: res.headers };
        } catch {
          throw new MalformedBodyError(`${res.status} answer is not JSON: ${this.clip(text, 80)}`);
        }
      },
    });
  }

  redact(text: string): string {
    return this.redactor.redact(text);
  }

  /** Provider text for a message: secrets out first, then cut to `max` characters. */
  clip(text: string, max: number): string {
    return this.redactor.clip(text, max);
  }

  /** A non-retryable error naming the call, the status and the provider's own explanation. */
  errorFor(label: string, status: number, text: string, code = `http_${status}`): ProviderCallError {
    return new ProviderCallError(this.options.provider, {
      code,
      message: `${label}: ${status} ${this.clip(explain(text), 300)}`.trim(),
      retryable: false,
    });
  }
}

/** The human part of an error body: `detail`, `error`, `message` or `failure`, else the raw text. */
export function explain(text: string): string {
  try {
    const body = JSON.parse(text) as Record<string, unknown>;
    const value = body.detail ?? body.error ?? body.message ?? body.failure ?? body.title;
    if (typeof value === 'string') return value;
    if (Array.isArray(value)) {
      return value
        .map((d: { loc?: unknown[]; msg?: string }) => (d?.loc ? `${d.loc.join('.')}: ${d.msg ?? ''}` : JSON.stringify(d)))
        .join('; ');
    }
    if (value && typeof value === 'object') return JSON.stringify(value);
  } catch {
    // not JSON: fall through to the text itself
  }
  return text.replace(/\s+/g, ' ');
}

/** Reads a body as text, refusing more than `max` bytes. */
export async function readCappedText(res: Response, max: number, label: string): Promise<string> {
  const declared = Number(res.headers.get('content-length') ?? NaN);
  if (declared > max) {
    await res.body?.cancel();
    throw new MalformedBodyError(`${label}: answer of ${declared} bytes is over the ${max}-byte limit`);
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  if (res.body) {
    for await (const chunk of res.body as AsyncIterable<Uint8Array>) {
      size += chunk.byteLength;
      if (size > max) throw new MalformedBodyError(`${label}: answer is over the ${max}-byte limit`);
      chunks.push(chunk);
    }
  }
  return Buffer.concat(chunks).toString('utf8');
}
