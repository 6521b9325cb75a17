/** What a variant frame remembers about itself (shared plugin data), so "Export all" works on any later run and build. */
import type { Delivery, VariantFrameInfo } from '../../protocol/variants';
import { readRecord, writeRecord } from '../records/brandlock-data';
import { readNaming } from '../records/naming-record';

export interface VariantRecord {
  channelId: string;
  fileName: string;
  width: number;
  height: number;
  delivery: Delivery;
  sourceNodeId: string;
  /** The job behind the source image, when it came from the server (a moodboard cell). */
  jobId?: string;
  /** What the frame compromises on (upscaled, padded, copy over the garment...), kept with it after the plugin closes. */
  notes?: string[];
}

/** At most this many notes of at most this many characters are kept on a frame. */
const MAX_NOTES = 8;
const MAX_NOTE = 300;

export function writeVariantRecord(node: BaseNode, record: VariantRecord): void {
  writeRecord(node, 'variant', record);
}

export function readVariantRecord(node: BaseNode): VariantFrameInfo | null {
  const r = readRecord<VariantRecord>(node, 'variant');
  if (!r || typeof r.fileName !== 'string' || typeof r.width !== 'number' || typeof r.height !== 'number' || !r.delivery) return null;
  const sku = readNaming(node).sku ?? null;
  const jobId = typeof r.jobId === 'string' && r.jobId ? r.jobId.slice(0, 200) : null;
  const notes = Array.isArray(r.notes) ? r.notes.filter((n): n is string => typeof n === 'string').slice(0, MAX_NOTES).map((n) => n.slice(0, MAX_NOTE)) : [];
  return { nodeId: node.id, frameName: node.name, fileName: r.fileName, channelId: r.channelId, width: r.width, height: r.height, delivery: r.delivery, sku, jobId, notes, place: placeOf(node) };
}

function placeOf(node: BaseNode): VariantFrameInfo['place'] {
  const parent = node.parent;
  const container = parent && parent.type !== 'PAGE' && parent.type !== 'DOCUMENT' ? parent.name : null;
  const t = 'absoluteTransform' in node ? node.absoluteTransform : null;
  return { container, x: t ? Math.round(t[0][2]) : 0, y: t ? Math.round(t[1][2]) : 0 };
}
