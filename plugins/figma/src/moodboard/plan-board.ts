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

/** A board caption from a job output: the provider's note names what the image is; the prompt says how. */
export function captionFor(index: number, note: string | null, prompt: string): { title: string; detail: string } {
  const text = (note ?? '').trim();
  const cut = text.search(/[.:]\s/);
  const title = text ? (cut > 0 && cut < 80 ? text.slice(0, cut) : text.slice(0, 80)) : `Image ${index + 1}`;
  const rest = text && cut > 0 ? text.slice(cut + 1).trim() : '';
  return { title, detail: [rest, prompt.trim()].filter(Boolean).join(' — ').slice(0, 400) };
}
