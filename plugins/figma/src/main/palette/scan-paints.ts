/**
 * Collects every visible solid fill and stroke in the selection (or the page), including text with
 * several fills by character range, and counts what the palette check cannot judge (gradients, images,
 * hidden layers). Walks in chunks so a large page does not freeze Figma.
 */
import type { HandlerContext } from '../../bus/create-bus';
import type { PaintTarget, PaintUse, PaletteScan } from '../../protocol/palette';
import { yieldToFigma } from '../yield-to-figma';

const NODE_LIMIT = 20_000;
const CHUNK = 250;

export async function scanPaintsAsync(scope: 'selection' | 'page', ctx: HandlerContext): Promise<PaletteScan> {
  const roots: readonly SceneNode[] = scope === 'selection' ? figma.currentPage.selection : figma.currentPage.children;
  const result: PaletteScan = { scope, nodesScanned: 0, uses: [], notChecked: { gradients: 0, images: 0, hidden: 0 }, truncated: false };
  const stack: SceneNode[] = [...roots].reverse();
  while (stack.length) {
    const node = stack.pop()!;
    if (!node.visible) {
      result.notChecked.hidden++;
      continue;
    }
    if (result.nodesScanned >= NODE_LIMIT) {
      result.truncated = true;
      break;
    }
    result.nodesScanned++;
    collect(node, result);
    if ('children' in node) for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]);
    if (result.nodesScanned % CHUNK === 0) {
      ctx.signal.throwIfCanceled();
      ctx.progress(result.nodesScanned, result.nodesScanned + stack.length, 'Reading colours');
      await yieldToFigma();
    }
  }
  return result;
}

function collect(node: SceneNode, out: PaletteScan) {
  if ('fills' in node) {
    const styled = ('fillStyleId' in node && node.fillStyleId !== '') || hasBinding(node, 'fills');
    if (node.fills === figma.mixed && node.type === 'TEXT') {
      for (const seg of node.getStyledTextSegments(['fills'])) addPaints(node, 'fill', seg.fills, { start: seg.start, end: seg.end }, styled, out);
    } else if (node.fills !== figma.mixed) {
      addPaints(node, 'fill', node.fills, null, styled, out);
    }
  }
  if ('strokes' in node) {
    const styled = ('strokeStyleId' in node && node.strokeStyleId !== '') || hasBinding(node, 'strokes');
    addPaints(node, 'stroke', node.strokes, null, styled, out);
  }
}

function addPaints(node: SceneNode, target: PaintTarget, paints: readonly Paint[], range: PaintUse['range'], styled: boolean, out: PaletteScan) {
  paints.forEach((paint, index) => {
    if (paint.visible === false) return;
    if (paint.type === 'SOLID') {
      const bound = !!paint.boundVariables?.color;
      out.uses.push({
        nodeId: node.id,
        nodeName: node.name,
        target,
        index,
        range,
        color: { r: paint.color.r, g: paint.color.g, b: paint.color.b },
        opacity: paint.opacity ?? 1,
        styled: styled || bound,
      });
    } else if (paint.type === 'IMAGE' || paint.type === 'VIDEO') out.notChecked.images++;
    else out.notChecked.gradients++;
  });
}

function hasBinding(node: SceneNode, field: 'fills' | 'strokes'): boolean {
  const bound = (node as { boundVariables?: Record<string, unknown> }).boundVariables;
  const b = bound?.[field];
  return Array.isArray(b) ? b.length > 0 : !!b;
}
