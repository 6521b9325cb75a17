/**
 * A balance correction as per-channel curves on encoded sRGB code values: decode to linear light,
 * apply the gain, re-encode, clamp. Tables for 8- or 16-bit rasters, and a handful of control points
 * in 0..255 for a Photoshop Curves adjustment layer.
 */
import type { BitDepth } from '../../raster/raster';
import { linearToSrgb, srgbToLinear } from '../lab';
import type { BalanceCorrection } from './balance-correction';

/** One lookup table per channel, indexed by code value, giving the corrected code value. */
export interface ChannelCurves {
  depth: BitDepth;
  r: Uint8Array | Uint16Array;
  g: Uint8Array | Uint16Array;
  b: Uint8Array | Uint16Array;
}

/** Curve control points, [input, output] pairs in 0..255, per channel. */
export interface CurvePoints {
  r: [number, number][];
  g: [number, number][];
  b: [number, number][];
}

/**
 * Per-channel lookup tables for a depth.
 * @example correctionCurves({ gains: [1, 1, 1] }, 8).r[200] // 200
 */
export function correctionCurves(correction: BalanceCorrection, depth: BitDepth): ChannelCurves {
  const [r, g, b] = correction.gains.map((gain) => curveTable(gain, depth));
  return { depth, r, g, b };
}

function curveTable(gain: number, depth: BitDepth): Uint8Array | Uint16Array {
  const max = depth === 8 ? 255 : 65535;
  const table = depth === 8 ? new Uint8Array(256) : new Uint16Array(65536);
  for (let v = 0; v <= max; v++) table[v] = encode(gain, v / max, max);
  return table;
}

function encode(gain: number, x: number, max: number): number {
  const y = linearToSrgb(Math.min(1, srgbToLinear(x) * gain));
  return Math.round(Math.max(0, y) * max);
}

/**
 * Control points for a Photoshop Curves layer (at most 16 points are allowed there); spaced evenly,
 * plus the point where a channel reaches 255 when a gain above 1 clips it.
 * @example curvePoints({ gains: [1.1, 1, 0.9] }, 5).b // [[0,0],[64,58],[128,...],...]
 */
export function curvePoints(correction: BalanceCorrection, count = 9): CurvePoints {
  const n = Math.max(2, Math.min(16, Math.round(count)));
  const channel = (gain: number): [number, number][] => {
    const inputs = new Set<number>();
    for (let i = 0; i < n; i++) inputs.add(Math.round((i * 255) / (n - 1)));
    if (gain > 1 && inputs.size < 16) inputs.add(Math.round(linearToSrgb(1 / gain) * 255));
    return [...inputs].sort((a, b) => a - b).map((v) => [v, encode(gain, v / 255, 255)]);
  };
  const [r, g, b] = correction.gains.map(channel);
  return { r, g, b };
}
