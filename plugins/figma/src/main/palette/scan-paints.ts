/**
 * Collects every visible solid fill and stroke in the selection (or the page), including text with
 * several fills by character range, with the paint style or colour variable each takes its colour
 * from; counts what the palette check cannot judge (gradients, images, hidden layers) and skips
 * brandlock's own moodboards and variant frames unless asked. Walks in chunks so a large page does
 * not freeze Figma.
 */
import type { HandlerContext } from '../../bus/create-bus';
import type { PaintBinding, PaintTarget, PaintUse, PaletteScan } from '../../protocol/palette';
import { hasRecord } from '../records/brandlock-data';
import { yieldToFigma } from '../yield-to-figma';

const NODE_LIMIT = 20_000;
const CHUNK = 250;

type Pending = PaintUse & { bindingId: { kind: 'style' | 'variable'; id: string } | null };

export async function scanPaintsAsync(scope: 'selection' | 'page', includeOwn: boolean, ctx: HandlerContext): Promise<PaletteScan> {
  const roots: readonly SceneNode[] = scope === 'selection' ? figma.currentPage.selection : figma.currentPage.children;
  const result: PaletteScan = { scope, nodesScanned: 0, uses: [], notChecked: { gradients: 0, images: 0, hidden: 0, own: 0 }, truncated: false };
  const pending: Pending[] = [];
  const stack: SceneNode[] = [...roots].reverse();
  while (stack.length) {
    const node = stack.pop()!;
    if (!node.visible) {
      result.notChecked.hidden++;
      continue;
    }
    if (!includeOwn && hasRecord(node, ['board', 'variant', 'lut-preview'])) {
      result.notChecked.own++;
      continue;
    }
    if (result.nodesScanned >= NODE_LIMIT) {
      result.truncated = true;
      break;
    }
    result.nodesScanned++;
    collect(node, result, pending);
    if ('children' in node) for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]);
    if (result.nodesScanned % CHUNK === 0) {
      ctx.signal.throwIfCanceled();
      ctx.progress(result.nodesScanned, result.nodesScanned + stack.length, 'Reading colours');
      await yieldToFigma();
    }
  }
  result.uses = await withBindingNames(pending);
  return result;
}

function collect(node: SceneNode, out: PaletteScan, pending: Pending[]) {
  if ('fills' in node) {
    const styleId = 'fillStyleId' in node && typeof node.fillStyleId === 'string' ? node.fillStyleId : '';
    if (node.fills === figma.mixed && node.type === 'TEXT') {
      for (const seg of node.getStyledTextSegments(['fills', 'fillStyleId'])) addPaints(node, 'fill', seg.fills, { start: seg.start, end: seg.end }, seg.fillStyleId, out, pending);
    } else if (node.fills !== figma.mixed) {
      addPaints(node, 'fill', node.fills, null, styleId, out, pending);
    }
  }
  if ('strokes' in node) {
    const styleId = 'strokeStyleId' in node && typeof node.strokeStyleId === 'string' ? node.strokeStyleId : '';
    addPaints(node, 'stroke', node.strokes, null, styleId, out, pending);
  }
}

function addPaints(node: SceneNode, target: PaintTarget, paints: readonly Paint[], range: PaintUse['range'], styleId: string, out: PaletteScan, pending: Pending[]) {
  paints.forEach((paint, index) => {
    if (paint.visible === false) return;
    if (paint.type === 'SOLID') {
      const variableId = paint.boundVariables?.color?.id;
      pending.push({
        nodeId: node.id,
        nodeName: node.name,
        target,
        index,
        range,
        color: { r: paint.color.r, g: paint.color.g, b: paint.color.b },
        opacity: paint.opacity ?? 1,
        binding: null,
        bindingId: styleId ? { kind: 'style', id: styleId } : variableId ? { kind: 'variable', id: variableId } : null,
      });
    } else if (paint.type === 'IMAGE' || paint.type === 'VIDEO') out.notChecked.images++;
    else out.notChecked.gradients++;
  });
}

/** Names each style and variable once (async lookups, as dynamic-page requires). */
async function withBindingNames(pending: Pending[]): Promise<PaintUse[]> {
  const known = new Map<string, PaintBinding | null>();
  for (const p of pending) {
    if (!p.bindingId || known.has(p.bindingId.id)) continue;
    const { kind, id } = p.bindingId;
    const found = kind === 'style' ? await figma.getStyleByIdAsync(id) : await figma.variables.getVariableByIdAsync(id);
    known.set(id, found ? { kind, id, name: found.name, remote: found.remote } : null);
  }
  return pending.map(({ bindingId, ...use }) => ({ ...use, binding: bindingId ? (known.get(bindingId.id) ?? null) : null }));
}
