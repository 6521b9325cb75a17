/** What a variant frame remembers about itself (plugin data), so "Export all" works on any later run. */
import type { Delivery, VariantFrameInfo } from '../../protocol/variants';

export const VARIANT_KEY = 'brandlock.variant';

export interface VariantRecord {
  channelId: string;
  fileName: string;
  width: number;
  height: number;
  delivery: Delivery;
  sourceNodeId: string;
}

export function readVariantRecord(node: BaseNode): VariantFrameInfo | null {
  const raw = node.getPluginData(VARIANT_KEY);
  if (!raw) return null;
  try {
    const r = JSON.parse(raw) as VariantRecord;
    if (typeof r.fileName !== 'string' || typeof r.width !== 'number' || typeof r.height !== 'number' || !r.delivery) return null;
    return { nodeId: node.id, frameName: node.name, fileName: r.fileName, channelId: r.channelId, width: r.width, height: r.height, delivery: r.delivery };
  } catch {
    return null;
  }
}
