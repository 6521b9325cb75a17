/**
 * Generates synthetic studio photographs with a known subject mask, for QC tests: a T-shirt shape
 * (anti-aliased by 4x4 supersampling) in a given colour with a woven texture and soft shading, on a
 * backdrop with a gentle vertical fall-off. Each defect helper changes one thing, so a test can say
 * which rule must fire. Deterministic (seeded), no I/O.
 */
import { labToSrgb, srgbToLab, linearToSrgb, srgbToLinear, type Lab } from '../../src/color/lab';
import type { Raster } from '../../src/raster/raster';
import type { Mask } from '../../src/raster/mask';

export interface SyntheticOptions {
  width: number;
  height: number;
  /** Garment colour the texture is centred on. */
  garment: Lab;
  /** Backdrop colour (8-bit sRGB). */
  background: readonly [number, number, number];
  /** Backdrop fall-off top to bottom, in 8-bit code values. Default 3. */
  falloff?: number;
  /** Texture amplitude, code values. Default 14. */
  texture?: number;
  seed?: number;
}

export interface SyntheticImage {
  raster: Raster;
  /** Ground truth: 1 where the garment covers at least half the pixel. */
  mask: Mask;
  /** Per-pixel garment coverage 0..1. */
  coverage: Float32Array;
}

/** A T-shirt silhouette in unit coordinates (0..1 across the frame). */
const TEE: readonly [number, number][] = [
  [0.38, 0.16], [0.45, 0.2], [0.55, 0.2], [0.62, 0.16], [0.82, 0.27], [0.75, 0.42], [0.68, 0.38],
  [0.68, 0.84], [0.32, 0.84], [0.32, 0.38], [0.25, 0.42], [0.18, 0.27],
];

function inside(poly: readonly [number, number][], x: number, y: number): boolean {
  let c = false;
  for (let i = 0, j = poly.length - 1; i < poly.length; j = i++) {
    const [xi, yi] = poly[i];
    const [xj, yj] = poly[j];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) c = !c;
  }
  return c;
}

/** A small deterministic PRNG (mulberry32). */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const coverageCache = new Map<string, Float32Array>();

/** Per-pixel coverage of the T-shirt at a size (4x4 supersampled), computed once per size. */
function teeCoverage(width: number, height: number): Float32Array {
  const key = `${width}x${height}`;
  const hit = coverageCache.get(key);
  if (hit) return hit;
  const out = new Float32Array(width * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      let cov = 0;
      for (let sy = 0; sy < 4; sy++) for (let sx = 0; sx < 4; sx++) if (inside(TEE, (x + (sx + 0.5) / 4) / width, (y + (sy + 0.5) / 4) / height)) cov++;
      out[y * width + x] = cov / 16;
    }
  }
  coverageCache.set(key, out);
  return out;
}

/**
 * @example const { raster, mask } = syntheticGarment({ width: 512, height: 768, garment: swatchLab, background: [244, 241, 236] });
 */
export function syntheticGarment(o: SyntheticOptions): SyntheticImage {
  const { width, height } = o;
  const rand = prng(o.seed ?? 1);
  const [gr, gg, gb] = labToSrgb(o.garment).map((v) => v * 255);
  const falloff = o.falloff ?? 3;
  const amp = o.texture ?? 14;
  const data = new Uint8Array(width * height * 4);
  const coverage = teeCoverage(width, height);
  const mask = { width, height, data: new Uint8Array(width * height) };
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = y * width + x;
      const cov = coverage[i];
      mask.data[i] = cov >= 0.5 ? 1 : 0;
      const shade = falloff * (y / height - 0.5);
      const bg = o.background.map((c) => c - shade);
      // Woven texture: a fine twill of +-amp plus grain, symmetric around the garment colour.
      const weave = amp * 0.7 * Math.sin((x + y) * 1.9) * Math.sin((x - y) * 0.7);
      const grain = amp * 0.3 * (rand() * 2 - 1);
      const t = weave + grain;
      const garment = [gr + t, gg + t, gb + t];
      const p = i * 4;
      for (let c = 0; c < 3; c++) data[p + c] = clamp8(garment[c] * cov + bg[c] * (1 - cov));
      data[p + 3] = 255;
    }
  }
  return { raster: { width, height, depth: 8, data }, mask, coverage };
}

function clamp8(v: number): number {
  return Math.max(0, Math.min(255, Math.round(v)));
}

/** Multiplies linear-light R and B by gains (a white-balance error: r > 1, b < 1 is a warm cast). */
export function withCast(r: Raster, gainR: number, gainB: number): Raster {
  const data = new Uint8Array(r.data.length);
  const lut = (gain: number) => Uint8Array.from({ length: 256 }, (_, v) => clamp8(linearToSrgb(Math.min(1, srgbToLinear(v / 255) * gain)) * 255));
  const lr = lut(gainR);
  const lb = lut(gainB);
  for (let p = 0; p < data.length; p += 4) {
    data[p] = lr[r.data[p]];
    data[p + 1] = r.data[p + 1];
    data[p + 2] = lb[r.data[p + 2]];
    data[p + 3] = r.data[p + 3];
  }
  return { ...r, data };
}

/** The backdrop colour after `withCast`, for computing the expected cast. */
export function castColor(rgb: readonly [number, number, number], gainR: number, gainB: number): Lab {
  const f = (v: number, g: number) => clamp8(linearToSrgb(Math.min(1, srgbToLinear(v / 255) * g)) * 255) / 255;
  return srgbToLab(f(rgb[0], gainR), rgb[1] / 255, f(rgb[2], gainB));
}

/** Sets a disc of garment pixels to pure white with a hard edge, covering `share` of the garment: a white print (a real highlight fades out: see ground-truth/make-variants withHotspot). */
export function withClippedHighlight(img: SyntheticImage, share: number): Raster {
  const { raster, mask } = img;
  const data = new Uint8Array(raster.data);
  let area = 0;
  for (const v of mask.data) area += v;
  const target = Math.round(area * share);
  const cx = Math.round(raster.width * 0.5);
  const cy = Math.round(raster.height * 0.55);
  const order: number[] = [];
  for (let y = 0; y < raster.height; y++) for (let x = 0; x < raster.width; x++) if (mask.data[y * raster.width + x]) order.push(y * raster.width + x);
  order.sort((a, b) => dist(a, raster.width, cx, cy) - dist(b, raster.width, cx, cy));
  for (const i of order.slice(0, target)) data.fill(255, i * 4, i * 4 + 3);
  return { ...raster, data };
}

function dist(i: number, w: number, cx: number, cy: number): number {
  return (i % w - cx) ** 2 + (Math.floor(i / w) - cy) ** 2;
}

/** Box blur of the given radius, repeated three times (close to a Gaussian). */
export function withBlur(r: Raster, radius: number): Raster {
  let src = Float32Array.from(r.data);
  const { width, height } = r;
  for (let pass = 0; pass < 3; pass++) {
    const tmp = new Float32Array(src.length);
    for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) for (let c = 0; c < 3; c++) {
      let s = 0;
      let n = 0;
      for (let k = -radius; k <= radius; k++) {
        const xx = Math.min(width - 1, Math.max(0, x + k));
        s += src[(y * width + xx) * 4 + c];
        n++;
      }
      tmp[(y * width + x) * 4 + c] = s / n;
    }
    const out = new Float32Array(src.length);
    for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) {
      for (let c = 0; c < 3; c++) {
        let s = 0;
        let n = 0;
        for (let k = -radius; k <= radius; k++) {
          const yy = Math.min(height - 1, Math.max(0, y + k));
          s += tmp[(yy * width + x) * 4 + c];
          n++;
        }
        out[(y * width + x) * 4 + c] = s / n;
      }
      out[(y * width + x) * 4 + 3] = 255;
    }
    src = out;
  }
  return { ...r, data: Uint8Array.from(src, clamp8) };
}

/** Paints filled discs of a colour on the backdrop (dust, a clip, a smudge): [cx, cy, radius] in pixels. */
export function withSpots(img: SyntheticImage, spots: readonly [number, number, number][], rgb: readonly [number, number, number]): Raster {
  const { raster, mask } = img;
  const data = new Uint8Array(raster.data);
  for (const [cx, cy, r] of spots) {
    for (let y = Math.max(0, cy - r); y <= Math.min(raster.height - 1, cy + r); y++) {
      for (let x = Math.max(0, cx - r); x <= Math.min(raster.width - 1, cx + r); x++) {
        const i = y * raster.width + x;
        if ((x - cx) ** 2 + (y - cy) ** 2 > r * r || mask.data[i]) continue;
        data.set(rgb, i * 4);
      }
    }
  }
  return { ...raster, data };
}

/**
 * A ring `width` pixels wide just outside the garment, in a given colour: the left-over edge of an
 * old background after a cutout was composited.
 */
export function withHalo(img: SyntheticImage, width: number, rgb: readonly [number, number, number]): Raster {
  const { raster, coverage } = img;
  const { width: w, height: h } = raster;
  const data = new Uint8Array(raster.data);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const i = y * w + x;
      if (coverage[i] >= 0.5) continue;
      let near = false;
      for (let dy = -width; dy <= width && !near; dy++) {
        for (let dx = -width; dx <= width; dx++) {
          const xx = x + dx;
          const yy = y + dy;
          if (xx < 0 || yy < 0 || xx >= w || yy >= h || dx * dx + dy * dy > width * width) continue;
          if (coverage[yy * w + xx] >= 0.5) {
            near = true;
            break;
          }
        }
      }
      if (near) data.set(rgb, i * 4);
    }
  }
  return { ...raster, data };
}

/** A garment Lab `de` ΔE00 from `swatch`, moved along +a* (found by bisection). */
export function offsetLab(swatch: Lab, de: number, deltaE: (x: Lab, y: Lab) => number): Lab {
  let lo = 0;
  let hi = 40;
  for (let i = 0; i < 60; i++) {
    const mid = (lo + hi) / 2;
    if (deltaE(swatch, { ...swatch, a: swatch.a + mid }) < de) lo = mid;
    else hi = mid;
  }
  return { ...swatch, a: swatch.a + (lo + hi) / 2 };
}

/**
 * Paints a flat patch (a print or a logo) on the garment only: a box in unit coordinates of the frame.
 * @example withPatch(img, [0.42, 0.3, 0.16, 0.12], [250, 250, 250]) // a white chest logo
 */
export function withPatch(img: SyntheticImage, box: readonly [number, number, number, number], rgb: readonly [number, number, number]): Raster {
  const { raster, mask } = img;
  const data = new Uint8Array(raster.data);
  const [bx, by, bw, bh] = box;
  for (let y = Math.round(by * raster.height); y < Math.round((by + bh) * raster.height); y++) {
    for (let x = Math.round(bx * raster.width); x < Math.round((bx + bw) * raster.width); x++) {
      const i = y * raster.width + x;
      if (mask.data[i]) data.set(rgb, i * 4);
    }
  }
  return { ...raster, data };
}

/**
 * Darkens the garment in linear light by `gain` (< 1) below a line at `from` (unit height): the shaded
 * side of a fold or of the drape, on the garment only.
 */
export function withShadedPart(img: SyntheticImage, from: number, gain: number): Raster {
  const { raster, coverage } = img;
  const data = new Uint8Array(raster.data);
  const lut = Uint8Array.from({ length: 256 }, (_, v) => clamp8(linearToSrgb(srgbToLinear(v / 255) * gain) * 255));
  for (let y = Math.round(from * raster.height); y < raster.height; y++) {
    for (let x = 0; x < raster.width; x++) {
      const i = y * raster.width + x;
      const cov = coverage[i];
      if (cov <= 0) continue;
      for (let c = 0; c < 3; c++) data[i * 4 + c] = Math.round(lut[raster.data[i * 4 + c]] * cov + raster.data[i * 4 + c] * (1 - cov));
    }
  }
  return { ...raster, data };
}
