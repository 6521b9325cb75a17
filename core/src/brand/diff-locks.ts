/**
 * What changed between two versions of a lock, by path, in words a brand manager can read:
 * lists of things with ids (models, presets, swatches, categories, channels) are matched by id, so a
 * reordered list is not a change and a renamed field reads "changed from X to Y".
 */
import type { BrandLock } from './brand-lock';

export interface LockChange {
  /** Path with ids, e.g. `categories[knitwear].qc.maxDeltaE00`. */
  path: string;
  kind: 'added' | 'removed' | 'changed';
  before?: unknown;
  after?: unknown;
  /** One sentence, e.g. `Category "Fine knitwear": QC max ΔE00 changed from 2 to 1.5`. */
  description: string;
}

const SECTION_NAMES: Record<string, string> = {
  models: 'Model profile',
  lighting: 'Lighting preset',
  luts: 'LUT',
  'palette.swatches': 'Swatch',
  poseSets: 'Pose set',
  views: 'View',
  categories: 'Category',
  channels: 'Channel',
  videoChannels: 'Video channel',
};

const FIELD_NAMES: Record<string, string> = {
  maxDeltaE00: 'QC max ΔE00',
  flagDeltaE00: 'QC flag ΔE00',
  sharpnessMin: 'sharpness floor (no longer read)',
  maxBlurPx: 'max blur (px)',
  minJpegQuality: 'min JPEG quality',
  maxBlockiness: 'max JPEG blockiness',
  maxHighlightClipPct: 'max highlight clipping %',
  maxShadowClipPct: 'max shadow clipping %',
  maxEvDeviation: 'max exposure deviation (EV)',
  maxCastDeltaE00: 'max colour cast ΔE00',
  maxNonUniformity: 'max background non-uniformity',
  humanReview: 'human review',
  colorTemperatureK: 'colour temperature (K)',
  keyFillRatio: 'key/fill ratio',
  promptTemplate: 'prompt template',
  negativePrompt: 'negative prompt',
  baseModel: 'base model',
  targetL: 'exposure target L*',
  template: 'naming template',
  durationSeconds: 'video duration (s)',
  aspectRatios: 'video aspect ratios',
  maxExposureEv: 'max exposure flicker (EV)',
  maxShapeChange: 'max outline change per frame',
  maxAreaChangePct: 'max area change per frame %',
  maxFrozenSeconds: 'max frozen run (s)',
  maxSeamJump: 'max loop seam jump',
  maxBitrateKbps: 'max bitrate (kbps)',
};

type Json = unknown;
const isObj = (v: Json): v is Record<string, Json> => typeof v === 'object' && v !== null && !Array.isArray(v);
const hasIds = (v: Json): v is { id: string }[] => Array.isArray(v) && v.length > 0 && v.every((x) => isObj(x) && typeof x.id === 'string');

function show(v: Json): string {
  const s = typeof v === 'string' ? JSON.stringify(v) : JSON.stringify(v) ?? 'nothing';
  return s.length > 80 ? `${s.slice(0, 77)}…` : s;
}

/**
 * Lists every change from `a` to `b`.
 * @example diffLocks(v1, v2).map((c) => c.description)
 */
export function diffLocks(a: BrandLock, b: BrandLock): LockChange[] {
  const changes: LockChange[] = [];
  walk(a, b, [], '', changes);
  return changes;
}

function walk(a: Json, b: Json, path: string[], owner: string, out: LockChange[]): void {
  if (JSON.stringify(a) === JSON.stringify(b)) return;
  const where = path.join('.').replace(/\.\[/g, '[');
  const field = path.length ? path[path.length - 1].replace(/\[.*$/, '') : 'lock';
  const label = (FIELD_NAMES[field] ?? field).replace(/^\w/, (c) => c);
  const prefix = owner ? `${owner}: ` : '';
  if ((hasIds(a) || hasIds(b)) && (Array.isArray(a) || a === undefined) && (Array.isArray(b) || b === undefined)) {
    const section = SECTION_NAMES[path.join('.')] ?? SECTION_NAMES[field] ?? field;
    const before = new Map(((a as { id: string }[]) ?? []).map((x) => [x.id, x]));
    const after = new Map(((b as { id: string }[]) ?? []).map((x) => [x.id, x]));
    for (const [id, item] of before) {
      const name = (item as { name?: string }).name;
      const who = `${section} "${name ?? id}"${name ? ` (${id})` : ''}`;
      if (!after.has(id)) out.push({ path: `${where}[${id}]`, kind: 'removed', before: item, description: `${prefix}${who} removed` });
      else walk(item, after.get(id), [...path.slice(0, -1), `${path[path.length - 1]}[${id}]`], `${prefix}${who}`.replace(/: $/, ''), out);
    }
    for (const [id, item] of after) {
      const name = (item as { name?: string }).name;
      if (!before.has(id)) out.push({ path: `${where}[${id}]`, kind: 'added', after: item, description: `${prefix}${section} "${name ?? id}"${name ? ` (${id})` : ''} added` });
    }
    return;
  }
  if (isObj(a) && isObj(b)) {
    for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) walk(a[key], b[key], [...path, key], owner, out);
    return;
  }
  const named = FIELD_NAMES[field] ? label : path.slice(-2).join(' ').replace(/\[.*?\]/g, '');
  // A category's motion brief repeats still field names (qc, loop): say it is the video's.
  const nice = path.includes('video') && !/^video/.test(named) ? `video ${named}` : named;
  if (a === undefined) out.push({ path: where, kind: 'added', after: b, description: `${prefix}${nice} set to ${show(b)}` });
  else if (b === undefined) out.push({ path: where, kind: 'removed', before: a, description: `${prefix}${nice} removed (was ${show(a)})` });
  else out.push({ path: where, kind: 'changed', before: a, after: b, description: `${prefix}${nice} changed from ${show(a)} to ${show(b)}` });
}
