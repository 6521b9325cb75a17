/**
 * A pose as an outline figure (SVG), read from the lock's view: front, back, three-quarter side, coat
 * open, or a detail crop (the figure with the crop marked). A casting and styling board reads the pose
 * from it; it is a diagram, not a person.
 */
import type { PoseView } from '@brandlock/core';

export type PoseKind = 'front' | 'back' | 'side' | 'open' | 'detail';

/** What kind of pose a view is, from its id, name and prompt fragment. */
export function poseKind(view: Pick<PoseView, 'id' | 'name' | 'promptFragment'> & { detail?: boolean }): PoseKind {
  const words = `${view.id} ${view.name} ${view.promptFragment}`.toLowerCase();
  if (view.detail || /close-up|detail/.test(words)) return 'detail';
  if (/side|three-quarter|profile/.test(words)) return 'side';
  if (/\bback\b/.test(words)) return 'back';
  if (/\bopen\b/.test(words)) return 'open';
  return 'front';
}

/**
 * The figure drawn in a box of `w` x `h` at (x, y), as SVG elements, strokes in `ink`.
 * @example poseOutlineSvg('back', 0, 0, 120, 300, '#222') // '<g ...>...</g>'
 */
export function poseOutlineSvg(kind: PoseKind, x: number, y: number, w: number, h: number, ink: string): string {
  const s = Math.min(w / 100, h / 250);
  const ox = x + (w - 100 * s) / 2;
  const oy = y + (h - 250 * s) / 2;
  const p = (px: number, py: number) => `${(ox + px * s).toFixed(1)},${(oy + py * s).toFixed(1)}`;
  const line = (pts: [number, number][]) => `<polyline points="${pts.map(([a, b]) => p(a, b)).join(' ')}" fill="none"/>`;
  const parts: string[] = [];
  const side = kind === 'side';
  // Head: filled for a back view (hair, no face), an eye line on the front.
  const head = side ? [54, 22] : [50, 22];
  parts.push(`<circle cx="${p(head[0], head[1]).split(',')[0]}" cy="${p(head[0], head[1]).split(',')[1]}" r="${(13 * s).toFixed(1)}" fill="${kind === 'back' ? ink : 'none'}"/>`);
  if (kind !== 'back') parts.push(line(side ? [[58, 20], [64, 22]] : [[44, 20], [48, 20]]), ...(side ? [] : [line([[52, 20], [56, 20]])]));
  parts.push(line([[50, 35], [50, 42]]));
  if (side) {
    parts.push(line([[42, 44], [60, 44], [62, 110], [40, 112], [42, 44]]));
    parts.push(line([[58, 48], [66, 80], [62, 112]]));
    parts.push(line([[46, 112], [40, 176], [34, 238]]), line([[56, 112], [60, 176], [62, 238]]));
    parts.push(line([[34, 238], [24, 240]]), line([[62, 238], [72, 240]]));
  } else {
    parts.push(line([[30, 46], [70, 46], [66, 112], [34, 112], [30, 46]]));
    parts.push(line([[30, 48], [22, 84], [24, 116]]), line([[70, 48], [78, 84], [76, 116]]));
    parts.push(line([[40, 112], [38, 176], [38, 238]]), line([[60, 112], [62, 176], [62, 238]]));
    parts.push(line([[38, 238], [28, 240]]), line([[62, 238], [72, 240]]));
    if (kind === 'open') parts.push(line([[46, 46], [44, 112]]), line([[54, 46], [56, 112]]), line([[22, 50], [26, 120]]), line([[78, 50], [74, 120]]));
    if (kind === 'back') parts.push(line([[50, 50], [50, 108]]));
  }
  if (kind === 'detail') parts.push(`<rect x="${p(34, 50).split(',')[0]}" y="${p(34, 50).split(',')[1]}" width="${(32 * s).toFixed(1)}" height="${(26 * s).toFixed(1)}" fill="none" stroke-dasharray="${(3 * s).toFixed(1)}"/>`);
  return `<g stroke="${ink}" stroke-width="${Math.max(1.5, 2.2 * s).toFixed(1)}" stroke-linecap="round" stroke-linejoin="round">${parts.join('')}</g>`;
}
