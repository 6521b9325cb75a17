/**
 * Replaces the colour of the given solid paints with their palette swatch, keeping every other paint
 * property (opacity, blend mode, visibility). One undo step for the whole snap. A node that vanished
 * or changed since the scan is reported, not guessed at.
 */
import type { HandlerContext } from '../../bus/create-bus';
import type { PaintSnap, SnapResult } from '../../protocol/palette';
import { loadTextFontsAsync } from '../load-text-fonts';
import { yieldToFigma } from '../yield-to-figma';

export async function snapPaintsAsync(snaps: PaintSnap[], ctx: HandlerContext): Promise<SnapResult> {
  const result: SnapResult = { changed: 0, failed: [] };
  const byNode = new Map<string, PaintSnap[]>();
  for (const s of snaps) byNode.set(s.nodeId, [...(byNode.get(s.nodeId) ?? []), s]);
  let done = 0;
  for (const [nodeId, nodeSnaps] of byNode) {
    ctx.signal.throwIfCanceled();
    const node = await figma.getNodeByIdAsync(nodeId);
    if (!node || node.removed || !('fills' in node)) {
      result.failed.push({ nodeId, nodeName: node?.name ?? '(deleted)', message: 'The layer no longer exists' });
      continue;
    }
    try {
      const scene = node as SceneNode & MinimalFillsMixin & MinimalStrokesMixin;
      if (scene.type === 'TEXT') await loadTextFontsAsync(scene);
      result.changed += applySnaps(scene, nodeSnaps);
    } catch (e) {
      result.failed.push({ nodeId, nodeName: node.name, message: e instanceof Error ? e.message : String(e) });
    }
    if (++done % 50 === 0) {
      ctx.progress(done, byNode.size, 'Snapping to palette');
      await yieldToFigma();
    }
  }
  figma.commitUndo();
  return result;
}

function applySnaps(node: SceneNode & MinimalFillsMixin & MinimalStrokesMixin, snaps: PaintSnap[]): number {
  let changed = 0;
  for (const target of ['fill', 'stroke'] as const) {
    const mine = snaps.filter((s) => s.target === target);
    if (!mine.length) continue;
    const ranged = mine.filter((s) => s.range);
    if (ranged.length && node.type === 'TEXT') {
      for (const s of ranged) {
        const paints = node.getStyledTextSegments(['fills'], s.range!.start, s.range!.end)[0]?.fills ?? [];
        node.setRangeFills(s.range!.start, s.range!.end, recolour(paints, s));
        changed++;
      }
    }
    const whole = mine.filter((s) => !s.range);
    if (!whole.length) continue;
    const current = target === 'fill' ? node.fills : node.strokes;
    if (current === figma.mixed) throw new Error('The layer\'s fills changed to mixed since the check; check again');
    let next: readonly Paint[] = current as readonly Paint[];
    for (const s of whole) {
      next = recolour(next, s);
      changed++;
    }
    if (target === 'fill') node.fills = next;
    else node.strokes = next;
  }
  return changed;
}

function recolour(paints: readonly Paint[], snap: PaintSnap): Paint[] {
  const paint = paints[snap.index];
  if (!paint || paint.type !== 'SOLID') throw new Error(`Paint ${snap.index + 1} is no longer a solid colour; check again`);
  const copy = paints.slice();
  const { boundVariables: _dropBinding, ...rest } = paint;
  copy[snap.index] = { ...rest, color: { r: snap.color.r, g: snap.color.g, b: snap.color.b } };
  return copy;
}
