/**
 * Refuses a request whose path or query string holds text the database cannot store (NUL, or bytes
 * that are not UTF-8 once percent-decoded) with a 400 naming the parameter, before any route runs.
 * Path parameters are named from the contract's route table (`/v1/jobs/{id}` -> "id"), so a route
 * added to the table is covered without more code. JSON bodies get the same check in `readJson`.
 */
import type { MiddlewareHandler } from 'hono';
import { API_ROUTES, type ApiIssue } from '@brandlock/core/api';
import { ApiError } from '../api-error';
import { STORABLE_TEXT, unstorableText } from './unstorable-text';

const TEMPLATES = API_ROUTES.map((r) => r.path.split('/'));

/** The name of path segment `index` in the route whose template fits these segments, if any. */
function paramName(segments: string[], index: number): string | null {
  for (const template of TEMPLATES) {
    if (template.length !== segments.length) continue;
    if (template.every((t, i) => i === index || /^\{\w+\}$/.test(t) || t === segments[i])) {
      const m = /^\{(\w+)\}$/.exec(template[index]);
      if (m) return m[1];
    }
  }
  return null;
}

function decode(raw: string, plusIsSpace: boolean): string | null {
  try {
    return decodeURIComponent(plusIsSpace ? raw.replace(/\+/g, ' ') : raw);
  } catch {
    return null;
  }
}

function problemOf(raw: string, plusIsSpace: boolean): string | null {
  const text = decode(raw, plusIsSpace);
  if (text === null) return `is not valid percent-encoded UTF-8 (${JSON.stringify(raw.length > 60 ? `${raw.slice(0, 57)}...` : raw)})`;
  const problem = unstorableText(text);
  return problem ? `contains ${problem}` : null;
}

export function inputGuard(): MiddlewareHandler {
  return async (c, next) => {
    const url = c.req.url;
    const queryAt = url.indexOf('?');
    const pathname = new URL(url).pathname;
    const issues: ApiIssue[] = [];
    const segments = pathname.split('/');
    segments.forEach((segment, i) => {
      const problem = segment && problemOf(segment, false);
      if (!problem) return;
      const name = paramName(segments, i);
      issues.push({ code: 'invalid_text', path: name ?? `path segment ${i}`, message: `${name ? `path parameter ${name}` : `path segment ${i}`} ${problem}`, expected: STORABLE_TEXT });
    });
    if (queryAt >= 0) {
      for (const pair of url.slice(queryAt + 1).split('#')[0].split('&')) {
        if (!pair) continue;
        const eq = pair.indexOf('=');
        const rawKey = eq < 0 ? pair : pair.slice(0, eq);
        const key = decode(rawKey, true) ?? rawKey;
        const keyProblem = problemOf(rawKey, true);
        const problem = keyProblem ?? (eq < 0 ? null : problemOf(pair.slice(eq + 1), true));
        if (problem) issues.push({ code: 'invalid_text', path: key, message: `query parameter ${JSON.stringify(key)} ${keyProblem ? 'has a name that ' : ''}${problem}`, expected: STORABLE_TEXT });
      }
    }
    if (issues.length) throw new ApiError(400, 'invalid_request', `invalid request: ${issues.map((i) => i.message).join('; ')}`, issues);
    await next();
  };
}
