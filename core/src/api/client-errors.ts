/**
 * Errors the API client throws, as a small hierarchy in the style of ky's: a base class, subclasses that
 * carry their data, messages that name the method and URL. Guards check `name`, because `instanceof`
 * fails between the Figma iframe and main thread, and in UXP.
 */
import type { ApiIssue } from './common';

export class BrandlockError extends Error {
  override name: string = 'BrandlockError';
}

/** The server answered with an error status. */
export class BrandlockHttpError extends BrandlockError {
  override name: string = 'BrandlockHttpError';
  /** The server's Retry-After in seconds (429, 503), when it sent one: when trying again may succeed. */
  retryAfterSeconds: number | null = null;
  constructor(
    readonly method: string,
    readonly url: string,
    readonly status: number,
    /** The server's error code (`unauthorized`, `locked_parameter`...), or `http_<status>` when it sent none. */
    readonly code: string,
    readonly serverMessage: string,
    readonly issues: ApiIssue[] = [],
  ) {
    super(`${method.toUpperCase()} ${url}: ${status} ${serverMessage}`);
  }
}

/** 401: no token, or a token the server does not know or has revoked. */
export class BrandlockAuthError extends BrandlockHttpError {
  override name = 'BrandlockAuthError';
}

/** 403: the token's role may not do this. */
export class BrandlockForbiddenError extends BrandlockHttpError {
  override name = 'BrandlockForbiddenError';
}

/** 400/422: the request (or the lock or brief in it) is invalid; `issues` says where. */
export class BrandlockValidationError extends BrandlockHttpError {
  override name = 'BrandlockValidationError';
}

/** The server could not be reached (DNS, refused connection, TLS, CORS). */
export class BrandlockNetworkError extends BrandlockError {
  override name = 'BrandlockNetworkError';
  constructor(
    readonly method: string,
    readonly url: string,
    readonly causeMessage: string,
  ) {
    super(`${method.toUpperCase()} ${url}: server unreachable (${causeMessage})`);
  }
}

/** No answer within the client's timeout. */
export class BrandlockTimeoutError extends BrandlockError {
  override name = 'BrandlockTimeoutError';
  constructor(
    readonly method: string,
    readonly url: string,
    readonly timeoutMs: number,
  ) {
    super(`${method.toUpperCase()} ${url}: no answer within ${timeoutMs} ms`);
  }
}

/** The server answered 2xx with something this client does not understand (a version mismatch). */
export class BrandlockResponseError extends BrandlockError {
  override name = 'BrandlockResponseError';
  constructor(
    readonly method: string,
    readonly url: string,
    readonly detail: string,
  ) {
    super(`${method.toUpperCase()} ${url}: unexpected response (${detail})`);
  }
}

const HTTP_NAMES = new Set(['BrandlockHttpError', 'BrandlockAuthError', 'BrandlockForbiddenError', 'BrandlockValidationError']);
const ALL_NAMES = new Set([...HTTP_NAMES, 'BrandlockError', 'BrandlockNetworkError', 'BrandlockTimeoutError', 'BrandlockResponseError']);

const nameOf = (e: unknown): string | undefined => (e && typeof e === 'object' && typeof (e as { name?: unknown }).name === 'string' ? (e as { name: string }).name : undefined);

/** Any error from the brandlock client. */
export function isBrandlockError(e: unknown): e is BrandlockError {
  return ALL_NAMES.has(nameOf(e) ?? '');
}
/** An error status from the server (including auth, forbidden and validation). */
export function isBrandlockHttpError(e: unknown): e is BrandlockHttpError {
  return HTTP_NAMES.has(nameOf(e) ?? '');
}
export function isBrandlockAuthError(e: unknown): e is BrandlockAuthError {
  return nameOf(e) === 'BrandlockAuthError';
}
export function isBrandlockForbiddenError(e: unknown): e is BrandlockForbiddenError {
  return nameOf(e) === 'BrandlockForbiddenError';
}
export function isBrandlockValidationError(e: unknown): e is BrandlockValidationError {
  return nameOf(e) === 'BrandlockValidationError';
}
export function isBrandlockNetworkError(e: unknown): e is BrandlockNetworkError {
  return nameOf(e) === 'BrandlockNetworkError';
}
export function isBrandlockTimeoutError(e: unknown): e is BrandlockTimeoutError {
  return nameOf(e) === 'BrandlockTimeoutError';
}

/** The subclass for a status. */
export function httpErrorFor(method: string, url: string, status: number, code: string, message: string, issues: ApiIssue[] = []): BrandlockHttpError {
  const Cls = status === 401 ? BrandlockAuthError : status === 403 ? BrandlockForbiddenError : status === 400 || status === 422 ? BrandlockValidationError : BrandlockHttpError;
  return new Cls(method, url, status, code, message, issues);
}
