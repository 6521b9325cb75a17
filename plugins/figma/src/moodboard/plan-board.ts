/**
 * The board's plan from the server's moodboard and the lock: title and brief lines, one row per
 * light with its set-up, the cells in those rows with the captions the server gave them, the
 * palette once, and the line that says when the images are studies rather than photographs.
 */
import type { BrandLock } from '@brandlock/core/brand';
import type { Moodboard } from '@brandlock/core/api';
import type { BoardGroup, BoardPlan } from '../protocol/board';
import { planBoardGrid } from '../layout/board-grid';
import { resolveSwatches } from '../palette/swatch-colors';

export function planBoard(board: Moodboard, lock: BrandLock): BoardPlan {
  const lights: string[] = [];
  for (const c of board.cells) if (!lights.includes(c.lightingPreset)) lights.push(c.lightingPreset);
  const groups: BoardGroup[] = lights.map((id) => {
    const l = lock.lighting.find((x) => x.id === id);
    return l ? { title: l.name, detail: `${l.colorTemperatureK} K · key ${l.keyDirection} · ${l.keyFillRatio}:1 key:fill` } : { title: id, detail: '' };
  });
  const largest = Math.max(...lights.map((id) => board.cells.filter((c) => c.lightingPreset === id).length));
  const grid = planBoardGrid(Math.max(1, largest), board.imageWidth > 0 && board.imageHeight > 0 ? board.imageWidth / board.imageHeight : 4 / 5);
  const r = board.request;
  const swatchIds = r.swatches?.length ? new Set(r.swatches) : null;
  return {
    moodboardId: board.id,
    title: titleCase(r.environment.trim()) || 'Moodboard',
    subtitle: `${lock.brand.name} · ${lock.version}${lock.season ? ` · ${lock.season}` : ''}`,
    facts: [
      r.environment.trim() ? `Environment: ${r.environment.trim()}` : '',
      r.garmentFocus.trim() ? `Garment focus: ${r.garmentFocus.trim()}` : '',
      ...board.constants,
      `${board.cells.length} images · ${board.provider}`,
    ].filter(Boolean),
    columns: Math.min(grid.columns, largest),
    cellWidth: grid.cellWidth,
    imageHeight: grid.imageHeight,
    groups,
    cells: board.cells.map((c) => ({ index: c.index, group: lights.indexOf(c.lightingPreset), caption: c.caption, jobId: c.jobId, seed: c.seed, prompt: c.prompt })),
    swatches: resolveSwatches(lock.palette).filter((s) => !swatchIds || swatchIds.has(s.id)).map((s) => ({ name: s.name, hex: s.hex, code: s.code })),
    notes: r.notes.trim(),
    honestyNote: board.note,
    provenance: { moodboardId: board.id, lockHash: board.lockHash, provider: board.provider, brand: lock.brand.id, lockVersion: board.lockVersion, category: board.category },
  };
}

function titleCase(s: string): string {
  return s ? s[0].toUpperCase() + s.slice(1) : s;
}
