/**
 * Snaps off-palette colours to their swatches in one undo step. A paint that takes its colour from a
 * local paint style or colour variable is snapped there (the style's paint, or the variable's value in
 * each mode that holds the old colour), so every layer using it follows and no binding is detached; a
 * library style or variable is read-only here and is reported, not changed. A raw paint is recoloured
 * on its layer, keeping every other property (opacity, blend mode, visibility). A layer that vanished
 * or changed since the scan is reported, not guessed at. The frame a raw paint was snapped in gets a
 * Palette check relaunch button.
 */
import type { HandlerContext } from '../../bus/create-bus';
import type { PaintSnap, SnapResult } from '../../protocol/palette';
import type { Rgb } from '../../protocol/geometry';
import { loadTextFontsAsync } from '../load-text-fonts';
import { yieldToFigma } from '../yield-to-figma';

export async function snapPaintsAsync(snaps: PaintSnap[], ctx: HandlerContext): Promise<SnapResult> {
  const result: SnapResult = { changed: 0, failed: [], updated: [], skipped: [] };
  const bound = snaps.filter((s) => s.binding);
  const raw = snaps.filter((s) => !s.binding);
  await snapBindings(bound, result);
  const byNode = new Map<string, PaintSnap[]>();
  for (const s of raw) byNode.set(s.nodeId, [...(byNode.get(s.nodeId) ?? []), s]);
  let done = 0;
  const snappedIn = new Map<SceneNode, number>();
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
      const changed = applySnaps(scene, nodeSnaps);
      result.changed += changed;
      const top = topFrameOf(scene);
      snappedIn.set(top, (snappedIn.get(top) ?? 0) + changed);
    } catch (e) {
      result.failed.push({ nodeId, nodeName: node.name, message: e instanceof Error ? e.message : String(e) });
    }
    if (++done % 50 === 0) {
      ctx.progress(done, byNode.size, 'Snapping to palette');
      await yieldToFigma();
    }
  }
  for (const [top, count] of snappedIn) markChecked(top, count);
  figma.commitUndo();
  return result;
}

/** The layer at the top of the page that holds this one (itself when it sits on the page). */
function topFrameOf(node: SceneNode): SceneNode {
  let top: SceneNode = node;
  while (top.parent && top.parent.type !== 'PAGE' && top.parent.type !== 'DOCUMENT') top = top.parent as SceneNode;
  return top;
}

/**
 * A "Palette check" button on the frame whose colours were snapped (the manifest's `palette`
 * relaunch button), so a designer can check it again after edits with one click; the frame's other
 * brandlock buttons (a variant frame's) are kept.
 */
function markChecked(top: SceneNode, count: number) {
  if (!('setRelaunchData' in top)) return;
  const description = `brandlock snapped ${count} colour${count === 1 ? '' : 's'} here to the lock's palette; check again after edits.`;
  top.setRelaunchData({ ...top.getRelaunchData(), palette: description });
}

/** Styles and variables, each changed once however many layers use it. */
async function snapBindings(snaps: PaintSnap[], result: SnapResult) {
  const seen = new Set<string>();
  for (const s of snaps) {
    const b = s.binding!;
    const key = `${b.id}#${s.index}`;
    if (seen.has(key)) continue;
    seen.add(key);
    if (b.kind === 'style') {
      const style = (await figma.getStyleByIdAsync(b.id)) as PaintStyle | null;
      if (!style) {
        result.skipped.push({ name: b.name, reason: 'the style is gone' });
      } else if (style.remote) {
        result.skipped.push({ name: style.name, reason: 'a library style: change it in its library' });
      } else {
        style.paints = recolour(style.paints, s.index, s.color);
        result.updated.push(`style ${style.name}`);
        result.changed++;
      }
      continue;
    }
    const variable = await figma.variables.getVariableByIdAsync(b.id);
    if (!variable) {
      result.skipped.push({ name: b.name, reason: 'the variable is gone' });
      continue;
    }
    if (variable.remote) {
      result.skipped.push({ name: variable.name, reason: 'a library variable: change it in its library' });
      continue;
    }
    const modes = Object.entries(variable.valuesByMode).filter(([, v]) => sameColour(v as RGBA, s.from));
    if (!modes.length) {
      result.skipped.push({ name: variable.name, reason: 'its value differs by mode (or is an alias); change it in the Variables panel' });
      continue;
    }
    for (const [modeId] of modes) variable.setValueForMode(modeId, { ...s.color, a: 1 });
    result.updated.push(`variable ${variable.name}`);
    result.changed++;
  }
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
        node.setRangeFills(s.range!.start, s.range!.end, recolour(paints, s.index, s.color));
        changed++;
      }
    }
    const whole = mine.filter((s) => !s.range);
    if (!whole.length) continue;
    const current = target === 'fill' ? node.fills : node.strokes;
    if (current === figma.mixed) throw new Error('The layer\'s fills changed to mixed since the check; check again');
    let next: readonly Paint[] = current as readonly Paint[];
    for (const s of whole) {
      next = recolour(next, s.index, s.color);
      changed++;
    }
    if (target === 'fill') node.fills = next;
    else node.strokes = next;
  }
  return changed;
}

function recolour(paints: readonly Paint[], index: number, color: Rgb): Paint[] {
  const paint = paints[index];
  if (!paint || paint.type !== 'SOLID') throw new Error(`Paint ${index + 1} is no longer a solid colour; check again`);
  const copy = paints.slice();
  copy[index] = { ...paint, color: { r: color.r, g: color.g, b: color.b } };
  return copy;
}

function sameColour(v: RGBA | { type?: string }, c: Rgb): boolean {
  const rgba = v as RGBA;
  if (typeof rgba.r !== 'number') return false;
  return Math.abs(rgba.r - c.r) < 0.6 / 255 && Math.abs(rgba.g - c.g) < 0.6 / 255 && Math.abs(rgba.b - c.b) < 0.6 / 255;
}
