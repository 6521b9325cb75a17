/**
 * Variants of a real product photo with one known change each, for QC's ground truth (issue 12):
 * the garment recoloured by gains in linear light (a different dye: shading still multiplies it),
 * the whole frame exposed up or down, a white-balance cast, a blown specular hotspot inside the
 * garment, a print on the fabric, the garment on another backdrop. Every function says by return
 * value what it did (gains, the clipped share it made), so the truth comes from how the variant was
 * made, not from measuring it. Pure: rasters in, rasters out (blur and JPEG are done by libvips in
 * the caller). The garment is given as coverage 0..1 per pixel (a cutout's alpha, or a mask).
 */
import { labToLinearRgb, linearRgbToLab, linearToSrgb, srgbToLinear, type Lab } from '../../../src/color/lab';
import type { Raster } from '../../../src/raster/raster';
import { deltaE2000 } from '../../../src/color/delta-e-2000';

export type Rgb = readonly [number, number, number];

const TO_LINEAR = Float64Array.from({ length: 256 }, (_, v) => srgbToLinear(v / 255));

function encode(v: number): number {
  return Math.max(0, Math.min(255, Math.round(linearToSrgb(Math.min(1, Math.max(0, v))) * 255)));
}

/**
 * Multiplies the garment's linear RGB by per-channel gains, weighted by its coverage (edges blend).
 * @example recolor(raster, coverage, [0.9, 0.9, 0.9]) // a darker dye
 */
export function recolor(r: Raster, coverage: Float32Array, gains: Rgb): Raster {
  const data = new Uint8Array(r.data);
  const luts = gains.map((g) => Uint8Array.from({ length: 256 }, (_, v) => encode(TO_LINEAR[v] * g)));
  for (let i = 0, p = 0; i < coverage.length; i++, p += 4) {
    const c = coverage[i];
    if (c <= 0) continue;
    for (let k = 0; k < 3; k++) data[p + k] = Math.round(luts[k][r.data[p + k]] * c + r.data[p + k] * (1 - c));
  }
  return { ...r, data };
}

/**
 * The whole frame in linear light times `gains` (exposure: all three equal; a cast: one below 1).
 * @example applyGains(raster, [2 ** 1.5, 2 ** 1.5, 2 ** 1.5]) // 1.5 EV over
 */
export function applyGains(r: Raster, gains: Rgb): Raster {
  const data = new Uint8Array(r.data);
  const luts = gains.map((g) => Uint8Array.from({ length: 256 }, (_, v) => encode(TO_LINEAR[v] * g)));
  for (let p = 0; p < data.length; p += 4) for (let k = 0; k < 3; k++) data[p + k] = luts[k][r.data[p + k]];
  return { ...r, data };
}

/** A Lab colour with linear-light gains applied. */
export function gainedLab(lab: Lab, gains: Rgb): Lab {
  const [r, g, b] = labToLinearRgb(lab);
  return linearRgbToLab(r * gains[0], g * gains[1], b * gains[2]);
}

/**
 * Gains along a direction in log-RGB that move `lab` by exactly `de` ΔE00 (bisection on the step).
 * @example gainsForDeltaE(swatch, 2.5, [-1, -1, -1]) // a darker dye, 2.5 ΔE00 away
 */
export function gainsForDeltaE(lab: Lab, de: number, direction: Rgb): Rgb {
  const norm = Math.hypot(...direction);
  const at = (t: number): Rgb => direction.map((d) => Math.exp((t * d) / norm)) as unknown as Rgb;
  let lo = 0;
  let hi = 4;
  for (let i = 0; i < 80; i++) {
    const mid = (lo + hi) / 2;
    if (deltaE2000(lab, gainedLab(lab, at(mid))) < de) lo = mid;
    else hi = mid;
  }
  return at((lo + hi) / 2);
}

/**
 * A blown specular highlight inside the garment: white light added in linear light as a Gaussian
 * bump (a real highlight rolls off into the fabric), strong enough that its core clips to 255. The
 * bump is centred at `center` with its clipped core sized to cover `share` of the garment; the return
 * value counts the pixels it pushed to two or more channels at 254+ that were not clipped before.
 */
export function withHotspot(r: Raster, coverage: Float32Array, center: { x: number; y: number }, share: number): { raster: Raster; clippedShare: number } {
  let area = 0;
  for (let i = 0; i < coverage.length; i++) area += coverage[i] >= 0.5 ? 1 : 0;
  const amplitude = 4;
  // Clipped where amplitude * exp(-d²/2s²) >= 1 - fabric: for a mid fabric (~0.2 linear) the core radius is s * 2.38.
  const core = Math.sqrt((share * area) / Math.PI);
  let sigma = core / Math.sqrt(2 * Math.log(amplitude / 0.8));
  let best = { raster: r, clippedShare: 0 };
  for (let attempt = 0; attempt < 8; attempt++) {
    const made = bump(r, coverage, center, sigma, amplitude, area);
    best = made;
    const ratio = made.clippedShare / share;
    if (ratio > 0.9 && ratio < 1.1) break;
    sigma *= Math.sqrt(share / Math.max(made.clippedShare, share * 0.05));
  }
  return best;
}

function bump(r: Raster, coverage: Float32Array, center: { x: number; y: number }, sigma: number, amplitude: number, area: number): { raster: Raster; clippedShare: number } {
  const data = new Uint8Array(r.data);
  const reach = Math.ceil(sigma * 4);
  let clipped = 0;
  const blown = (p: number, d: Uint8Array | Uint8ClampedArray | Uint16Array) => (d[p] >= 254 ? 1 : 0) + (d[p + 1] >= 254 ? 1 : 0) + (d[p + 2] >= 254 ? 1 : 0) >= 2;
  for (let y = Math.max(0, Math.floor(center.y - reach)); y < Math.min(r.height, center.y + reach); y++) {
    for (let x = Math.max(0, Math.floor(center.x - reach)); x < Math.min(r.width, center.x + reach); x++) {
      const i = y * r.width + x;
      const c = coverage[i];
      if (c <= 0) continue;
      const add = amplitude * Math.exp(-((x - center.x) ** 2 + (y - center.y) ** 2) / (2 * sigma * sigma)) * c;
      const p = i * 4;
      for (let k = 0; k < 3; k++) data[p + k] = encode(TO_LINEAR[r.data[p + k]] + add);
      if (c >= 0.5 && blown(p, data) && !blown(p, r.data)) clipped++;
    }
  }
  return { raster: { ...r, data }, clippedShare: clipped / area };
}

/**
 * Paints a print on the fabric inside a box (full-resolution pixels), clipped to the garment:
 * `solid` a flat ink, `stripes` two inks in bands, `text` bars like a line of lettering.
 */
export function withPrint(r: Raster, coverage: Float32Array, box: { x: number; y: number; width: number; height: number }, kind: 'solid' | 'stripes' | 'text', inks: readonly Rgb[]): Raster {
  const data = new Uint8Array(r.data);
  const band = Math.max(2, Math.round(box.height / 9));
  for (let y = box.y; y < box.y + box.height; y++) {
    for (let x = box.x; x < box.x + box.width; x++) {
      const i = y * r.width + x;
      const c = coverage[i];
      if (c < 1) continue;
      let ink: Rgb | null = inks[0];
      if (kind === 'stripes') ink = inks[Math.floor((y - box.y) / band) % inks.length];
      else if (kind === 'text') {
        const row = Math.floor((y - box.y) / band);
        const col = Math.floor((x - box.x) / band);
        ink = row % 2 === 1 && (col * 7 + row * 3) % 5 !== 0 ? inks[0] : null;
      }
      if (ink) data.set(ink, i * 4);
    }
  }
  return { ...r, data };
}

/**
 * A cutout flattened onto a backdrop (a colour, or a raster of the same size), in sRGB as
 * compositing tools do; returns the opaque image.
 */
export function flattenOnto(cutout: Raster, backdrop: Rgb | Raster): Raster {
  const data = new Uint8Array(cutout.width * cutout.height * 4);
  const src = cutout.data;
  for (let p = 0; p < data.length; p += 4) {
    const a = src[p + 3] / 255;
    for (let k = 0; k < 3; k++) {
      const bg = Array.isArray(backdrop) ? (backdrop as Rgb)[k] : (backdrop as Raster).data[p + k];
      data[p + k] = Math.round(src[p + k] * a + bg * (1 - a));
    }
    data[p + 3] = 255;
  }
  return { width: cutout.width, height: cutout.height, depth: 8, data };
}

/**
 * The garment of a photo shot on pure white: everything not reached from the frame's edge, or from
 * `pockets` (points a person marked inside gaps of backdrop the garment encloses), through near-white
 * pixels (each channel at `floor` or above). Coverage 1 inside, 0 outside.
 */
export function garmentOnWhite(r: Raster, pockets: readonly (readonly [number, number])[] = [], floor = 248): Float32Array {
  const { width: w, height: h, data } = r;
  const white = (i: number) => data[i * 4] >= floor && data[i * 4 + 1] >= floor && data[i * 4 + 2] >= floor;
  const seen = new Uint8Array(w * h);
  const queue = new Int32Array(w * h);
  let tail = 0;
  const push = (i: number) => {
    if (!seen[i] && white(i)) {
      seen[i] = 1;
      queue[tail++] = i;
    }
  };
  for (let x = 0; x < w; x++) {
    push(x);
    push((h - 1) * w + x);
  }
  for (let y = 0; y < h; y++) {
    push(y * w);
    push(y * w + w - 1);
  }
  for (const [x, y] of pockets) {
    if (!white(y * w + x)) throw new RangeError(`pocket point ${x},${y} is not backdrop white`);
    push(y * w + x);
  }
  for (let head = 0; head < tail; head++) {
    const i = queue[head];
    const x = i % w;
    if (x > 0) push(i - 1);
    if (x < w - 1) push(i + 1);
    if (i >= w) push(i - w);
    if (i < w * (h - 1)) push(i + w);
  }
  const out = new Float32Array(w * h);
  for (let i = 0; i < out.length; i++) out[i] = seen[i] ? 0 : 1;
  return out;
}

/**
 * The garment pixel deepest inside it (farthest from any non-garment pixel), by a coarse search:
 * where a hotspot or a print goes so that it does not touch the outline.
 */
export function deepestGarmentPoint(coverage: Float32Array, width: number, height: number): { x: number; y: number; depth: number } {
  const step = Math.max(1, Math.round(Math.max(width, height) / 200));
  const gw = Math.ceil(width / step);
  const gh = Math.ceil(height / step);
  const inside = new Uint8Array(gw * gh);
  for (let gy = 0; gy < gh; gy++) for (let gx = 0; gx < gw; gx++) inside[gy * gw + gx] = coverage[Math.min(height - 1, gy * step) * width + Math.min(width - 1, gx * step)] >= 0.5 ? 1 : 0;
  let best = { x: width / 2, y: height / 2, depth: 0 };
  for (let gy = 0; gy < gh; gy++) {
    for (let gx = 0; gx < gw; gx++) {
      if (!inside[gy * gw + gx]) continue;
      let d = 1;
      while (d < Math.max(gw, gh) && ring(inside, gw, gh, gx, gy, d)) d++;
      if (d > best.depth) best = { x: gx * step, y: gy * step, depth: d * step };
    }
  }
  return best;
}

function ring(inside: Uint8Array, gw: number, gh: number, cx: number, cy: number, d: number): boolean {
  for (let k = -d; k <= d; k++) {
    for (const [x, y] of [[cx + k, cy - d], [cx + k, cy + d], [cx - d, cy + k], [cx + d, cy + k]]) {
      if (x < 0 || y < 0 || x >= gw || y >= gh || !inside[y * gw + x]) return false;
    }
  }
  return true;
}
