/**
 * Turns zod issues into LockIssues that name the path, what was found and what was expected.
 * Unknown keys become one issue each, with the allowed keys and a "did you mean".
 */
import type { z } from 'zod';
import { describeValue, formatPath, type LockIssue } from './lock-issue';
import { suggest } from './suggest';

type AnySchema = z.ZodType;

/** The keys an object schema found at `path` accepts, or null when the schema there is not an object. */
export function allowedKeysAt(schema: AnySchema, path: readonly PropertyKey[]): string[] | null {
  let nodes: AnySchema[] = [schema];
  for (const key of [...path, null]) {
    const next: AnySchema[] = [];
    for (const node of nodes.flatMap(unwrap)) {
      const def = (node as any)._zod?.def;
      if (key === null) {
        if (def?.type === 'object') next.push(node);
        continue;
      }
      if (def?.type === 'object' && typeof key === 'string' && def.shape[key]) next.push(def.shape[key]);
      else if (def?.type === 'array' && typeof key === 'number') next.push(def.element);
      else if (def?.type === 'record') next.push(def.valueType);
    }
    nodes = next;
    if (!nodes.length) return null;
  }
  const keys = new Set<string>();
  for (const n of nodes) for (const k of Object.keys((n as any)._zod.def.shape)) keys.add(k);
  return [...keys];
}

function unwrap(node: AnySchema): AnySchema[] {
  const def = (node as any)._zod?.def;
  switch (def?.type) {
    case 'optional':
    case 'default':
    case 'nullable':
    case 'prefault':
    case 'readonly':
    case 'catch':
      return unwrap(def.innerType);
    case 'pipe':
      return unwrap(def.in);
    case 'union':
      return def.options.flatMap(unwrap);
    default:
      return [node];
  }
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let v: any = root;
  for (const k of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = v[k as any];
  }
  return v;
}

/** Converts the issues of a failed safeParse of `input` against `schema`. */
export function zodIssuesToLockIssues(schema: AnySchema, input: unknown, issues: readonly z.core.$ZodIssue[]): LockIssue[] {
  const out: LockIssue[] = [];
  for (const issue of issues) {
    if (issue.code === 'invalid_union' && (issue as any).errors?.length) {
      // Report the branch that got furthest, rather than a bare "invalid input".
      const branches: z.core.$ZodIssue[][] = (issue as any).errors;
      const best = branches.reduce((a, b) => (b.length < a.length ? b : a));
      out.push(...zodIssuesToLockIssues(schema, input, best.map((i) => ({ ...i, path: [...issue.path, ...i.path] }))));
      continue;
    }
    if (issue.code === 'unrecognized_keys') {
      const allowed = allowedKeysAt(schema, issue.path) ?? [];
      for (const key of issue.keys) {
        const guess = suggest(key, allowed);
        out.push({
          path: formatPath([...issue.path, key]),
          code: 'unknown_key',
          message: `unknown key "${key}"${guess ? `; did you mean "${guess}"?` : ''}`,
          expected: allowed.length ? `one of ${allowed.join(', ')}` : undefined,
        });
      }
      continue;
    }
    const found = valueAt(input, issue.path);
    const lockIssue: LockIssue = {
      path: formatPath(issue.path),
      code: issue.code,
      message: issue.message.replace(/^Invalid input: /, ''),
      found: describeValue(found),
    };
    if (issue.code === 'invalid_type') {
      lockIssue.expected = issue.expected;
      lockIssue.message = found === undefined ? 'missing required field' : 'wrong type';
    } else if (issue.code === 'too_small' || issue.code === 'too_big') {
      lockIssue.expected = boundText(issue);
      lockIssue.message = issue.code === 'too_small' ? 'too small' : 'too large';
    } else if (issue.code === 'invalid_value') {
      lockIssue.expected = `one of ${(issue as any).values.map((v: unknown) => JSON.stringify(v)).join(', ')}`;
      lockIssue.message = 'not an allowed value';
    }
    out.push(lockIssue);
  }
  return out;
}

const UNITS: Record<string, string> = { string: ' characters', array: ' items', set: ' items', file: ' bytes' };

/**
 * What a size limit asks for, in words: "at most 15", "more than 0", "at most 1000 characters",
 * "exactly 3 items".
 * zod's own message ("Too big: expected number to be <=15") would read "expected expected ..." after
 * the "expected" a LockIssue is printed with.
 */
function boundText(issue: z.core.$ZodIssueTooSmall | z.core.$ZodIssueTooBig): string {
  const unit = UNITS[issue.origin] ?? '';
  if (issue.exact) return `exactly ${issue.code === 'too_small' ? issue.minimum : issue.maximum}${unit}`;
  if (issue.code === 'too_small') return `${issue.inclusive === false ? 'more than' : 'at least'} ${issue.minimum}${unit}`;
  return `${issue.inclusive === false ? 'less than' : 'at most'} ${issue.maximum}${unit}`;
}
