/**
 * Seeds for the "per-sku" policy: a 32-bit number derived from the brand, SKU, colourway and view,
 * so re-running a season renders the same images and two SKUs never share a seed by accident.
 */
import { sha256Hex } from '../hash/sha256';

/** @example deriveSeed('northfold', 'NF-1', 'Ink', 'front') // a stable integer in 0..4294967295 */
export function deriveSeed(...parts: string[]): number {
  return parseInt(sha256Hex(parts.join('\u001f')).slice(0, 8), 16);
}
