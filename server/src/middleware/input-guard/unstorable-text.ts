/**
 * Text Postgres cannot store: a NUL character (U+0000) or half of a UTF-16 surrogate pair (a lone
 * `\ud800` from JSON). Requests carrying either are refused at the boundary with the place named,
 * instead of failing deep in a query as a 500.
 */
import type { ApiIssue } from '@brandlock/core/api';
import { formatPath } from '@brandlock/core';

const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

export const STORABLE_TEXT = 'text without NUL characters (U+0000) or unpaired UTF-16 surrogates';

/** What is wrong with `text` and where ("a NUL character (U+0000) at line 3, column 7"), or null. */
export function unstorableText(text: string): string | null {
  const m = UNSTORABLE.exec(text);
  if (!m) return null;
  const what = m[0] === '\u0000' ? 'a NUL character (U+0000)' : `an unpaired UTF-16 surrogate (\\u${m[0].charCodeAt(0).toString(16)})`;
  const before = text.slice(0, m.index);
  const line = before.split('\n').length;
  const where = line > 1 ? `line ${line}, column ${m.index - before.lastIndexOf('\n')}` : `character ${m.index + 1}`;
  return `${what} at ${where}`;
}

/** Every string and key in a parsed JSON value that Postgres cannot store, with its path. */
export function unstorableTextIn(value: unknown, path: (string | number)[] = [], out: ApiIssue[] = [], limit = 20): ApiIssue[] {
  if (out.length >= limit) return out;
  if (typeof value === 'string') {
    const problem = unstorableText(value);
    if (problem) out.push({ code: 'invalid_text', path: formatPath(path) || '$', message: `contains ${problem}`, expected: STORABLE_TEXT });
  } else if (Array.isArray(value)) {
    value.forEach((v, i) => unstorableTextIn(v, [...path, i], out, limit));
  } else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      const problem = unstorableText(k);
      if (problem) out.push({ code: 'invalid_text', path: formatPath(path) || '$', message: `has a field name that contains ${problem}`, expected: STORABLE_TEXT });
      unstorableTextIn(v, [...path, k], out, limit);
    }
  }
  return out;
}

const UNSTORABLE_ALL = new RegExp(UNSTORABLE.source, 'g');

/** A copy with every NUL and unpaired surrogate in its strings and keys replaced by U+FFFD. */
export function storableCopy<T>(value: T): T {
  if (typeof value === 'string') return value.replace(UNSTORABLE_ALL, '\ufffd') as T;
  if (Array.isArray(value)) return value.map(storableCopy) as T;
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [storableCopy(k), storableCopy(v)])) as T;
  return value;
}
