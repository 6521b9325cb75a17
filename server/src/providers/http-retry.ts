/**
 * The retry loop every provider call goes through. It retries 429, 5xx and transport errors with
 * exponential backoff and jitter, honours Retry-After (and `retry-after-ms`, `x-should-retry`),
 * retries a POST that creates a job only on 429 or a connection that never opened (so a paid job
 * is never created twice because of a 5xx or a lost answer), and never retries a cancel by the caller or
 * fal's "user" start timeout. What it cannot recover becomes a ProviderCallError whose `retryable`
 * tells the queue whether trying again later makes sense.
 */
import { ProviderCallError, type ProviderName } from './provider';

export interface RetryPolicy {
  /** Retries after the first attempt. */
  maxRetries: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** A Retry-After longer than this is not waited for in-call; the error carries it to the queue. */
  maxRetryAfterSeconds: number;
  /** Timeout of one attempt, body included. */
  requestTimeoutMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxRetries: 4,
  baseDelayMs: 500,
  maxDelayMs: 30_000,
  maxRetryAfterSeconds: 60,
  requestTimeoutMs: 60_000,
};

/** `create` submits a paid job; `read` and `idempotent` may be repeated freely. */
export type CallKind = 'create' | 'read' | 'idempotent';

/** Thrown by a `read` callback when a 2xx body cannot be parsed; reads retry it, creates do not. */
export class MalformedBodyError extends Error {
  override name = 'MalformedBodyError';
}

export interface RetryCall<T> {
  provider: ProviderName;
  /** "GET /v1/predictions/abc": names the call in errors; never contains a secret. */
  label: string;
  kind: CallKind;
  send(signal: AbortSignal): Promise<Response>;
  /** Reads the final response (any status that is not retried). */
  read(response: Response, signal: AbortSignal): Promise<T>;
  /** A transient-looking answer that is in fact final (fal's result of a request that failed for good). */
  isFinal?(response: Response): boolean;
  policy: RetryPolicy;
  signal?: AbortSignal;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

const RETRYABLE_5XX = new Set([500, 502, 503, 504]);

export async function callWithRetry<T>(call: RetryCall<T>): Promise<T> {
  const { policy, provider, label } = call;
  const sleep = call.sleep ?? abortableSleep;
  for (let attempt = 0; ; attempt++) {
    const last = attempt >= policy.maxRetries;
    const signal = attemptSignal(call.signal, policy.requestTimeoutMs);
    let response: Response;
    try {
      response = await call.send(signal);
    } catch (err) {
      throwIfCallerAborted(call, !isConnectError(err));
      if (err instanceof ProviderCallError) throw err;
      // A create is repeated only when the connection never opened: then the provider cannot have
      // seen it. A timeout or reset after sending may have created the job.
      if (last || (call.kind === 'create' && !isConnectError(err))) throw transportError(provider, label, err, call.kind);
      await sleep(backoffMs(attempt, policy), call.signal);
      continue;
    }

    if (response.status === 504 && response.headers.get('x-fal-request-timeout-type') === 'user') {
      await response.body?.cancel();
      throw new ProviderCallError(provider, {
        code: 'start_timeout',
        message: `${label}: the request did not start before its start timeout (504, user timeout); not retried`,
        retryable: false,
      });
    }

    const shouldRetryHeader = response.headers.get('x-should-retry');
    const retryAfter = retryAfterSeconds(response.headers);
    const transient = (response.status === 429 || response.status === 408 || RETRYABLE_5XX.has(response.status)) && !call.isFinal?.(response);
    if (transient) {
      const mayRepeat =
        shouldRetryHeader === 'false' ? false : response.status === 429 || call.kind !== 'create' || shouldRetryHeader === 'true';
      const waitTooLong = retryAfter !== undefined && retryAfter > policy.maxRetryAfterSeconds;
      if (mayRepeat && !last && !waitTooLong) {
        await response.body?.cancel();
        const wait = Math.max(backoffMs(attempt, policy), (retryAfter ?? 0) * 1000);
        await sleep(wait, call.signal);
        continue;
      }
      await response.body?.cancel();
      throw new ProviderCallError(provider, {
        code: response.status === 429 ? 'rate_limited' : `http_${response.status}`,
        message: `${label}: ${response.status === 429 ? 'rate limited' : 'provider error'} (${response.status})${
          call.kind === 'create' && response.status !== 429 ? '; a create is not repeated in-call' : ''
        }${attempt > 0 ? ` after ${attempt + 1} attempts` : ''}`,
        retryable: true,
        ...(retryAfter !== undefined ? { retryAfterSeconds: retryAfter } : {}),
      });
    }

    try {
      return await call.read(response, signal);
    } catch (err) {
      throwIfCallerAborted(call, true);
      if (err instanceof ProviderCallError) throw err;
      const malformed = err instanceof MalformedBodyError;
      if (!malformed && !isTransportError(err)) throw err;
      if (call.kind === 'create') {
        throw new ProviderCallError(provider, {
          code: 'submit_outcome_unknown',
          message: `${label}: the provider answered ${response.status} but the body could not be read (${
            malformed ? (err as Error).message : 'connection lost'
          }); the job may exist at the provider, so it is not submitted again automatically`,
          retryable: false,
        });
      }
      if (last) {
        throw malformed
          ? new ProviderCallError(provider, { code: 'malformed_response', message: `${label}: ${(err as Error).message}`, retryable: true })
          : transportError(provider, label, err, call.kind);
      }
      await sleep(backoffMs(attempt, policy), call.signal);
    }
  }
}

/** Parses Retry-After (seconds or an HTTP date) or retry-after-ms; undefined when absent or invalid. */
export function retryAfterSeconds(headers: Headers, now = Date.now()): number | undefined {
  const ms = headers.get('retry-after-ms');
  if (ms && /^\d+(\.\d+)?$/.test(ms.trim())) return Number(ms) / 1000;
  const value = headers.get('retry-after')?.trim();
  if (!value) return undefined;
  if (/^\d+(\.\d+)?$/.test(value)) return Number(value);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, (date - now) / 1000);
}

/** Exponential backoff with ±25 % jitter, capped. */
export function backoffMs(attempt: number, policy: RetryPolicy): number {
  const base = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** attempt);
  return Math.round(base * (0.75 + Math.random() * 0.5));
}

function attemptSignal(caller: AbortSignal | undefined, timeoutMs: number): AbortSignal {
  const timeout = AbortSignal.timeout(timeoutMs);
  return caller ? AbortSignal.any([caller, timeout]) : timeout;
}

/**
 * The caller's signal fired. A cancel is final; the caller's own time limit (a TimeoutError reason,
 * e.g. the queue's step timeout) is a timeout like any other, worth another try later.
 */
function throwIfCallerAborted(call: RetryCall<unknown>, sent = false): void {
  const signal = call.signal;
  if (!signal?.aborted) return;
  if ((signal.reason as Error | undefined)?.name === 'TimeoutError') {
    const maybeCreated = sent && call.kind === 'create';
    throw new ProviderCallError(call.provider, {
      code: 'timeout',
      message: `${call.label}: the caller's time limit ran out${maybeCreated ? ' after the request was sent; the job may exist at the provider' : ''}`,
      retryable: true,
      ...(maybeCreated ? { maybeCreated } : {}),
    });
  }
  throw new ProviderCallError(call.provider, { code: 'aborted', message: `${call.label}: cancelled by the caller`, retryable: false });
}

/** fetch's own failures: undici raises TypeError ("fetch failed", "terminated"), aborts and socket codes. */
function isTransportError(err: unknown): boolean {
  const name = (err as Error | undefined)?.name;
  const code = (err as { code?: unknown })?.code;
  return name === 'TypeError' || name === 'AbortError' || name === 'TimeoutError' || (typeof code === 'string' && /^(E[A-Z]+|UND_ERR)/.test(code));
}

const CONNECT_ERRORS = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'UND_ERR_CONNECT_TIMEOUT']);

/** True when fetch failed while connecting, before a byte of the request was sent. */
export function isConnectError(err: unknown): boolean {
  const cause = (err as { cause?: { code?: unknown } })?.cause;
  return typeof cause?.code === 'string' && CONNECT_ERRORS.has(cause.code);
}

function transportError(provider: ProviderName, label: string, err: unknown, kind?: CallKind): ProviderCallError {
  const e = err as Error & { cause?: { code?: string } };
  const reason =
    e?.name === 'TimeoutError' || e?.name === 'AbortError' ? 'timed out' : (e?.cause?.code ?? e?.message ?? 'connection failed');
  const maybeCreated = kind === 'create' && !isConnectError(err);
  return new ProviderCallError(provider, {
    code: 'transport',
    message: `${label}: ${reason}${maybeCreated ? ' after the request was sent; the job may exist at the provider' : ''}`,
    retryable: true,
    ...(maybeCreated ? { maybeCreated } : {}),
  });
}

function abortableSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
  });
}
