// Synthetic studio shots for flow tests: an off-white sweep with a coloured garment block in the
// middle, optionally with a colour cast, an exposure offset or fabric texture, at 8 or 16 bit.
import type { BitDepth, Raster } from '@brandlock/core/raster';

export interface StudioImageOptions {
  width?: number;
  height?: number;
  depth?: BitDepth;
  /** sRGB 0..255 of the sweep. */
  background?: [number, number, number];
  /** sRGB 0..255 of the garment block. */
  garment?: [number, number, number];
  /** Multiplies each channel (a cast), e.g. [1.08, 1, 0.92] for warm. */
  gains?: [number, number, number];
  /** Fabric texture: each garment pixel varies by up to ± this many 8-bit codes (deterministic). */
  texture?: number;
}

export function studioImage(o: StudioImageOptions = {}): Raster {
  const width = o.width ?? 48;
  const height = o.height ?? 64;
  const depth = o.depth ?? 8;
  const bg = o.background ?? [244, 241, 236];
  const garment = o.garment ?? [40, 70, 120];
  const gains = o.gains ?? [1, 1, 1];
  const texture = o.texture ?? 0;
  let seed = 12345;
  const jitter = () => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return ((seed / 0x7fffffff) * 2 - 1) * texture;
  };
  const max = depth === 8 ? 255 : 65535;
  const data = depth === 8 ? new Uint8Array(width * height * 4) : new Uint16Array(width * height * 4);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const inside = x >= width * 0.3 && x < width * 0.7 && y >= height * 0.2 && y < height * 0.85;
      const c = inside ? garment : bg;
      const i = (y * width + x) * 4;
      const t = inside && texture ? jitter() : 0;
      for (let k = 0; k < 3; k++) data[i + k] = Math.min(max, Math.max(0, Math.round(((c[k] + t) / 255) * gains[k] * max)));
      data[i + 3] = max;
    }
  }
  return { width, height, depth, data };
}
