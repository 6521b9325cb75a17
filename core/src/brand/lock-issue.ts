/**
 * Problems found in a lock, as data: where (a JSON path like `categories[2].recipe.steps`), what was
 * found, what was expected. A loader collects all of them before reporting.
 */

export interface LockIssue {
  /** JSON path into the lock, `$` for the root. */
  path: string;
  /** A machine-readable kind: invalid_type, unknown_key, dangling_reference, duplicate_id, ... */
  code: string;
  message: string;
  found?: string;
  expected?: string;
}

/** Formats a path of keys and indices as `a.b[2].c`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else {
      const k = String(key);
      out += /^[A-Za-z_$][\w$]*$/.test(k) ? (out ? `.${k}` : k) : `[${JSON.stringify(k)}]`;
    }
  }
  return out || '$';
}

/** A short, safe rendering of a found value for messages. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return `an array of ${value.length}`;
  if (typeof value === 'object') return 'an object';
  const text = typeof value === 'string' ? JSON.stringify(value) : String(value);
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

/** One line per issue: `path: message (found X, expected Y)`. */
export function formatLockIssue(issue: LockIssue): string {
  const extra = [issue.found !== undefined ? `found ${issue.found}` : '', issue.expected ? `expected ${issue.expected}` : '']
    .filter(Boolean)
    .join('; ');
  return `${issue.path}: ${issue.message}${extra ? ` (${extra})` : ''}`;
}
