/**
 * Reference and uniqueness checks on a lock document. They run on the raw input, so a lock with
 * schema errors still gets its dangling references reported in the same pass.
 */
import { CHANNEL_PRESET_IDS } from '../channels/catalog';
import { VIDEO_CHANNEL_PRESET_IDS } from '../channels/video-catalog';
import { formatPath, type LockIssue } from './lock-issue';
import { suggest } from './suggest';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

function idsOf(items: unknown[]): string[] {
  return items.flatMap((it) => (isObj(it) && typeof it.id === 'string' ? [it.id] : []));
}

function duplicateIssues(items: unknown[], path: (string | number)[], what: string): LockIssue[] {
  const seen = new Map<string, number>();
  const out: LockIssue[] = [];
  items.forEach((it, i) => {
    if (!isObj(it) || typeof it.id !== 'string') return;
    const first = seen.get(it.id);
    if (first === undefined) seen.set(it.id, i);
    else
      out.push({
        path: formatPath([...path, i, 'id']),
        code: 'duplicate_id',
        message: `${what} id "${it.id}" is already used by ${formatPath([...path, first])}`,
        found: JSON.stringify(it.id),
        expected: 'a unique id',
      });
  });
  return out;
}

function refIssue(path: (string | number)[], what: string, id: unknown, known: readonly string[]): LockIssue | null {
  if (typeof id !== 'string' || known.includes(id)) return null;
  const guess = suggest(id, known);
  return {
    path: formatPath(path),
    code: 'dangling_reference',
    message: `no ${what} with id "${id}"${guess ? `; did you mean "${guess}"?` : ''}`,
    found: JSON.stringify(id),
    expected: known.length ? `one of ${known.join(', ')}` : `a ${what} defined in the lock (there are none)`,
  };
}

/** Every duplicate id and dangling reference in a lock document. */
export function checkLockReferences(doc: unknown): LockIssue[] {
  if (!isObj(doc)) return [];
  const issues: LockIssue[] = [];
  const lists: [string, string][] = [
    ['models', 'model profile'],
    ['lighting', 'lighting preset'],
    ['luts', 'LUT'],
    ['poseSets', 'pose set'],
    ['categories', 'category'],
    ['channels', 'channel'],
    ['videoChannels', 'video channel'],
  ];
  for (const [key, what] of lists) issues.push(...duplicateIssues(list(doc[key]), [key], what));
  const palette = isObj(doc.palette) ? doc.palette : {};
  issues.push(...duplicateIssues(list(palette.swatches), ['palette', 'swatches'], 'swatch'));
  list(doc.poseSets).forEach((ps, i) => isObj(ps) && issues.push(...duplicateIssues(list(ps.views), ['poseSets', i, 'views'], 'view')));

  const models = idsOf(list(doc.models));
  const lighting = idsOf(list(doc.lighting));
  const luts = idsOf(list(doc.luts));
  const poseSets = idsOf(list(doc.poseSets));
  const channels = idsOf(list(doc.channels));

  list(doc.categories).forEach((cat, i) => {
    if (!isObj(cat)) return;
    const at = (...rest: (string | number)[]) => ['categories', i, ...rest];
    const found = [
      refIssue(at('lighting'), 'lighting preset', cat.lighting, lighting),
      cat.lut === null ? null : refIssue(at('lut'), 'LUT', cat.lut, luts),
      refIssue(at('poseSet'), 'pose set', cat.poseSet, poseSets),
      ...list(cat.models).map((m, j) => refIssue(at('models', j), 'model profile', m, models)),
      ...list(cat.channels).map((c, j) => refIssue(at('channels', j), 'channel', c, channels)),
    ];
    issues.push(...found.filter((x): x is LockIssue => x !== null));
  });
  list(doc.channels).forEach((ch, i) => {
    if (!isObj(ch) || ch.preset === undefined) return;
    const issue = refIssue(['channels', i, 'preset'], 'built-in channel preset', ch.preset, CHANNEL_PRESET_IDS);
    if (issue) issues.push(issue);
  });
  list(doc.videoChannels).forEach((ch, i) => {
    if (!isObj(ch) || ch.preset === undefined) return;
    const issue = refIssue(['videoChannels', i, 'preset'], 'built-in video channel preset', ch.preset, VIDEO_CHANNEL_PRESET_IDS);
    if (issue) issues.push(issue);
  });
  return issues;
}
