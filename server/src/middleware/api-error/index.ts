/**
 * The one error type routes throw: a status, a code from the contract, a message and optional issues.
 * The app's error handler turns it into the contract's error body; anything else is a logged 500
 * whose details stay in the log.
 */
import type { ApiIssue } from '@brandlock/core/api';
import { formatPath } from '@brandlock/core';
import type { z } from 'zod';

export class ApiError extends Error {
  override name = 'ApiError';
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 409 | 413 | 415 | 422 | 429 | 500 | 503,
    readonly code: string,
    message: string,
    readonly issues?: ApiIssue[],
    /** Sent as Retry-After: when trying again may succeed (429, 503). */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
  }
}

/** zod issues as contract issues: the path as `a.b[2]`, zod's code and message, what was expected. */
export function zodIssues(issues: readonly z.core.$ZodIssue[], prefix: PropertyKey[] = []): ApiIssue[] {
  return issues.map((i) => {
    const path = formatPath([...prefix, ...i.path]);
    if (i.code === 'unrecognized_keys') return { code: 'unknown_field', path, message: `unknown field${i.keys.length > 1 ? 's' : ''} ${i.keys.map((k) => `"${k}"`).join(', ')}` };
    if (i.code === 'invalid_type') return { code: 'invalid_type', path, message: i.message, expected: String(i.expected) };
    return { code: i.code, path, message: i.message };
  });
}

/** Parses with a schema or throws a 400 that names every bad field. */
export function parseOr400<S extends z.ZodType>(schema: S, value: unknown, what: string): z.output<S> {
  const res = schema.safeParse(value);
  if (!res.success) throw new ApiError(400, 'invalid_request', `invalid ${what}: ${zodIssues(res.error.issues).map((i) => `${i.path}: ${i.message}`).join('; ')}`, zodIssues(res.error.issues));
  return res.data;
}
