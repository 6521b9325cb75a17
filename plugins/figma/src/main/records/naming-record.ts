/**
 * The naming facts of an image (SKU, colorway, view, category, market) as brandlock writes them on
 * the source image and on every frame made from it, so selecting either brings them back.
 */
import { readRecord, writeRecord } from './brandlock-data';

export type Naming = Record<string, string>;

const FIELDS = ['sku', 'colorway', 'view', 'category', 'market'] as const;

/** Only the known fields, as short strings; empty values dropped. */
export function cleanNaming(input: unknown): Naming {
  const out: Naming = {};
  if (!input || typeof input !== 'object') return out;
  for (const f of FIELDS) {
    const v = (input as Record<string, unknown>)[f];
    if (typeof v === 'string' && v.trim()) out[f] = v.trim().slice(0, 120);
  }
  return out;
}

export function writeNaming(node: BaseNode, naming: Naming): void {
  if (Object.keys(naming).length) writeRecord(node, 'naming', naming);
}

/** The naming on the layer or the nearest ancestor that has one. */
export function readNaming(node: BaseNode): Naming {
  for (let n: BaseNode | null = node; n && n.type !== 'PAGE'; n = n.parent) {
    const found = readRecord<Record<string, unknown>>(n, 'naming');
    if (found) return cleanNaming(found);
  }
  return {};
}
