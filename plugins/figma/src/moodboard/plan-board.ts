/**
 * The board's plan from the brief and the lock: title and brief lines, grid size, the palette as
 * swatches, and the line that says when the images are studies rather than photographs.
 */
import type { BrandLock } from '@brandlock/core/brand';
import type { BoardPlan } from '../protocol/board';
import { planBoardGrid } from '../layout/board-grid';
import { resolveSwatches } from '../palette/swatch-colors';
import type { MoodboardBrief } from './moodboard-brief';

export interface BoardContext {
  lock: BrandLock;
  lockHash: string;
  jobId: string;
  provider: string;
  /** The provider's own word on what it made (the local provider says it is not generative). */
  providerNote: string | null;
  /** Aspect of the images the job makes (width / height). */
  imageAspect: number;
}

export function planBoard(brief: MoodboardBrief, ctx: BoardContext): BoardPlan {
  const { lock } = ctx;
  const grid = planBoardGrid(brief.count, ctx.imageAspect > 0 ? ctx.imageAspect : 4 / 5);
  const names = (ids: string[], list: { id: string; name: string }[]) => ids.map((id) => list.find((x) => x.id === id)?.name ?? id).join(', ');
  const facts = [
    `Environment: ${brief.environment.trim()}`,
    `Lighting: ${names(brief.lightingIds, lock.lighting)}`,
    brief.modelIds.length ? `Model: ${names(brief.modelIds, lock.models)}` : '',
    brief.garmentFocus.trim() ? `Garment focus: ${brief.garmentFocus.trim()}` : '',
    `${brief.count} images · ${ctx.provider}`,
  ].filter(Boolean);
  const honestyNote = ctx.provider === 'local'
    ? ctx.providerNote?.trim() || 'Lighting and palette studies rendered offline by the local provider from the lock\'s presets: not photographs.'
    : null;
  return {
    title: titleCase(brief.environment.trim()) || 'Moodboard',
    subtitle: `${lock.brand.name} · ${lock.version}${lock.season ? ` · ${lock.season}` : ''}`,
    facts,
    count: brief.count,
    columns: grid.columns,
    cellWidth: grid.cellWidth,
    imageHeight: grid.imageHeight,
    swatches: resolveSwatches(lock.palette).map((s) => ({ name: s.name, hex: s.hex, code: s.code })),
    notes: brief.notes.trim(),
    honestyNote,
    provenance: { jobId: ctx.jobId, lockHash: ctx.lockHash, provider: ctx.provider, brand: lock.brand.id, lockVersion: lock.version },
  };
}

function titleCase(s: string): string {
  return s ? s[0].toUpperCase() + s.slice(1) : s;
}

/**
 * A board caption from a job output: the title is what the provider says the image is (the last
 * clause of its note, with the lock's ids written as their names), the detail is the job's prompt.
 * @example captionFor(0, 'local provider: a study: lighting study of studio-warm in camel', 'prompt', lock)
 * // { title: 'Lighting study of Warm daylight studio in Camel', detail: 'prompt' }
 */
export function captionFor(index: number, note: string | null, prompt: string, lock: BrandLock): { title: string; detail: string } {
  const clause = (note ?? '').split(/:\s+/).pop()!.trim();
  const names = new Map<string, string>([...lock.lighting, ...lock.palette.swatches, ...lock.models].map((x) => [x.id, x.name]));
  const named = clause.replace(/[a-z0-9][a-z0-9_-]*/g, (w) => names.get(w) ?? w);
  const title = named ? named[0].toUpperCase() + named.slice(1) : `Image ${index + 1}`;
  const detail = prompt.trim();
  return { title: title.slice(0, 100), detail: detail.length > 180 ? `${detail.slice(0, 177)}…` : detail };
}
