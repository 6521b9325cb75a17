/**
 * Code value to linear light for sRGB-encoded 8- and 16-bit samples, as lookup tables built once per
 * depth, so per-pixel measures never call Math.pow.
 */
import { srgbToLinear } from '../lab';
import type { BitDepth } from '../../raster/raster';

const tables: Partial<Record<BitDepth, Float32Array>> = {};

/** Float32Array of length 256 or 65536: table[code] = linear light 0..1. */
export function srgbDecodeTable(depth: BitDepth): Float32Array {
  let table = tables[depth];
  if (!table) {
    const max = depth === 8 ? 255 : 65535;
    table = new Float32Array(max + 1);
    for (let v = 0; v <= max; v++) table[v] = srgbToLinear(v / max);
    tables[depth] = table;
  }
  return table;
}
