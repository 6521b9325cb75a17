/**
 * Finds variant frames (in the selection, or on the page) and exports one at a time as PNG at the
 * channel's exact pixel width: lossless, so the UI re-encodes to the delivery format (JPEG quality,
 * WebP, max bytes) without a second generation loss. Figma itself exports only PNG/JPG, no quality.
 */
import { PluginError } from '../../bus/bus-errors';
import type { ExportedFrame, VariantFrameInfo } from '../../protocol/variants';
import { requireString } from '../check-params';
import { readVariantRecord } from './variant-record';
import { nodesWithRecord } from '../records/brandlock-data';

export function listVariantFrames(scope: 'selection' | 'page'): VariantFrameInfo[] {
  const roots: readonly SceneNode[] = scope === 'selection' ? figma.currentPage.selection : figma.currentPage.children;
  const found = new Map<string, VariantFrameInfo>();
  for (const root of roots) {
    for (const node of [root, ...('findAllWithCriteria' in root ? nodesWithRecord(root, 'variant', ['FRAME']) : [])]) {
      const info = node.type === 'FRAME' ? readVariantRecord(node) : null;
      if (info) found.set(node.id, info);
    }
  }
  return [...found.values()];
}

export async function exportVariantFrameAsync(nodeId: unknown): Promise<ExportedFrame> {
  const node = await figma.getNodeByIdAsync(requireString(nodeId, 'nodeId'));
  const info = node && !node.removed ? readVariantRecord(node) : null;
  if (!node || !info || node.type !== 'FRAME') throw new PluginError('not-a-variant', 'That frame is gone or is not a brandlock channel variant');
  const bytes = await node.exportAsync({ format: 'PNG', constraint: { type: 'WIDTH', value: info.width }, colorProfile: 'SRGB' });
  return { nodeId: node.id, bytes, width: info.width, height: Math.round((info.width * node.height) / node.width) };
}
