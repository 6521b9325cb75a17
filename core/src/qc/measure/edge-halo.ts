/**
 * Edge halo and fringe at full resolution. Along the subject's outline, each full-resolution pixel
 * in a band a few pixels either side of the edge is compared with the mix of the local garment
 * colour and the backdrop: a clean (even soft) edge is such a mix; a halo is a ring that is lighter,
 * darker or tinted beyond it (left-over old background, a glow from over-sharpening, colour spill).
 * The mix is taken in encoded sRGB, where anti-aliasing and compositing blend, and the distance in
 * Lab (ΔE00). Only pixels nearer the backdrop than the garment count, so prints near the edge do not.
 * A contact shadow is not a halo: off-mix pixels that are the backdrop darkened (and blended with the
 * garment) in linear light are shadow, and where they fill a good share of the band round an outline
 * site (a shadow is a soft band several pixels wide) they are left out there; a one-pixel dark line
 * (an outline stroke left by compositing) fills too little of it and still counts.
 * A tint is not a halo unless it is wide: off-mix pixels whose lightness is on the mix differ in
 * chroma only, which is what a JPEG's chroma subsampling does beside a saturated edge (4:2:0 stores
 * colour at half resolution: on a real blue tee on white, a cyan-tinted white 2 to 3 px wide). They
 * count only where they fill over TINT_SHARE of the band round a site (colour spill from a coloured
 * old background is that wide); a ring that changes lightness counts from MIN_SHARE as before.
 */
import type { Lab } from '../../color/lab';
import { deltaE2000 } from '../../color/delta-e-2000';
import { srgb8ToLab } from '../../raster/lab-image';
import { labToSrgb } from '../../color/lab';
import type { QcImage } from '../qc-image';
import { memoized } from '../qc-image';
import { measureBackground } from './background-stats';

export interface EdgeHalo {
  /**
   * 75th percentile over the outline of the ring's deviation from a garment/backdrop mix, ΔE00. At
   * each outline site the off-mix pixels of the band around it are pooled before comparing, so grain
   * and JPEG noise average out while a ring of one colour does not.
   */
  halo: number;
  /** Outline sites on the proxy grid with their score (ΔE00), for locating the halo. */
  siteX: Int32Array;
  siteY: Int32Array;
  siteScore: Float32Array;
  /** The backdrop colour the ring was compared with. */
  reference: Lab;
}

/** Per-pixel Lab distance below which a pixel counts as on the mix (JPEG noise, grain). */
const NOISE = 2;
/** Squared RGB distance (8-bit codes) from the mix below which a pixel is not converted to Lab at all. */
const RGB_NOISE2 = 2 * 2;
/** A site counts when at least this share of the backdrop side of its band deviates: a ring about 2 px wide or more (a 1 px fringe of anti-aliasing, JPEG chroma or a compositing stroke does not). */
const MIN_SHARE = 0.3;
/** Chroma-only off-mix pixels count where they are at least this share of the backdrop side of the band: a ring over about 3.5 px wide at a 6 px band, wider than a JPEG's subsampled chroma bleeds past an edge. */
const TINT_SHARE = 0.6;
/** Where shadow pixels are at least this share of the backdrop side of the band, the band is a shadow. */
const SHADOW_SHARE = 0.3;

/**
 * Measures the halo around the subject; null when there is no outline (empty mask) or no reference.
 * @example measureEdgeHalo(image)?.halo // 0.6 for a clean cutout, 9 with a 3 px white ring on grey
 */
export function measureEdgeHalo(image: QcImage): EdgeHalo | null {
  return memoized(image, 'edge-halo', () => compute(image));
}

function compute(image: QcImage): EdgeHalo | null {
  const { subject, lab, factor: k } = image;
  const reference = subject.source === 'alpha' ? matteLab(image) : (measureBackground(image)?.median ?? subject.background);
  if (!reference) return null;
  const { width: w, height: h } = lab;
  const m = subject.mask.data;
  const box = subject.box;
  if (!box) return null;
  const sites = outlineSites(m, w, h, box);
  if (sites.length === 0) return null;
  // About 5 full-resolution pixels either side of the edge, at least one proxy cell.
  const r = Math.max(1, Math.round(5 / k));
  const band = bandAround(sites, w, h, r);
  const local: Rgb = [0, 0, 0];
  const backdrop = labToSrgb(reference).map((v) => v * 255) as Rgb;
  // On a coarse proxy (k >= 3) a ring a few pixels wide lies in the outline cells and outside them, so
  // band cells well inside the subject are skipped; on a fine one it can fall inside the mask.
  const step = k >= 5 ? 2 : 1;
  // Sums live in compact arrays, one slot per analysed cell (slot 0 = not analysed).
  const slot = new Int32Array(w * h);
  const slots = assignSlots(sites, band, m, k, slot);
  const cells = new CellSums(slots + 1);
  const interior = interiorSums(image, band, r + 1, box);
  accumulateBand(image, slot, interior, w, local, backdrop, cells, step);
  const siteX = new Int32Array(sites.length);
  const siteY = new Int32Array(sites.length);
  const siteScore = new Float32Array(sites.length);
  scoreSites(sites, new WindowSums(cells, slot, w, h, r), w, siteX, siteY, siteScore);
  const sorted = Float32Array.from(siteScore).sort();
  return { halo: sorted[Math.floor(sorted.length * 0.75)], siteX, siteY, siteScore, reference };
}

type Rgb = [number, number, number];

// The passes are functions of their own: V8 optimises a long loop while it runs (on-stack replacement)
// by compiling the whole function round it, again for each later loop it has not seen run, so one
// function with every pass was compiled many times per worker for a few images' worth of work.

/** Subject cells with a 4-neighbour outside it, in row order. */
function outlineSites(m: Uint8Array, w: number, h: number, box: { x: number; y: number; width: number; height: number }): number[] {
  const sites: number[] = [];
  for (let y = box.y; y < box.y + box.height; y++) {
    for (let x = box.x, i = y * w + x; x < box.x + box.width; x++, i++) {
      if (!m[i]) continue;
      if ((x > 0 && !m[i - 1]) || (x < w - 1 && !m[i + 1]) || (y > 0 && !m[i - w]) || (y < h - 1 && !m[i + w])) sites.push(i);
    }
  }
  return sites;
}

/** The cells within r (square) of a site. */
function bandAround(sites: number[], w: number, h: number, r: number): Uint8Array {
  const band = new Uint8Array(w * h);
  for (const i of sites) {
    const x = i % w;
    const y = (i / w) | 0;
    for (let yy = Math.max(0, y - r); yy <= Math.min(h - 1, y + r); yy++) band.fill(1, yy * w + Math.max(0, x - r), yy * w + Math.min(w - 1, x + r) + 1);
  }
  return band;
}

/** Numbers the band cells analysed (1, 2, ... into `slot`); how many there are. */
function assignSlots(sites: number[], band: Uint8Array, m: Uint8Array, k: number, slot: Int32Array): number {
  const isSite = new Uint8Array(band.length);
  for (const i of sites) isSite[i] = 1;
  let slots = 0;
  for (let i = 0; i < band.length; i++) if (band[i] && !(k >= 3 && m[i] && !isSite[i])) slot[i] = ++slots;
  return slots;
}

/** Compares every analysed cell's full-resolution pixels with its mix (see accumulateCell). */
function accumulateBand(image: QcImage, slot: Int32Array, interior: ReturnType<typeof interiorSums>, w: number, local: Rgb, backdrop: Rgb, cells: CellSums, step: number): void {
  for (let i = 0; i < slot.length; i++) {
    if (slot[i] && interior.mean(i, local)) accumulateCell(image, slot[i], i, w, local, backdrop, cells, step);
  }
}

/**
 * Each site's score from the band's sums round it, from column sums over the site's rows that slide
 * down the image with the sites (they come in row order): each row is added once and taken off once.
 */
function scoreSites(sites: number[], windows: WindowSums, w: number, siteX: Int32Array, siteY: Int32Array, siteScore: Float32Array): void {
  const sumP = { l: 0, a: 0, b: 0 };
  const sumQ = { l: 0, a: 0, b: 0 };
  const win = new Float64Array(CHANNELS);
  for (let s = 0; s < sites.length; s++) {
    const x = sites[s] % w;
    const y = (sites[s] / w) | 0;
    windows.around(x, y, win);
    const outside = win[OUTSIDE];
    // A soft shadow band: its pixels are explained; otherwise (a thin dark line) they count as off-mix.
    const withShadow = !(outside > 0 && win[SHADOW] >= outside * SHADOW_SHARE) ? 1 : 0;
    // A narrow tint is the JPEG's chroma; a wide one is spill.
    const withTint = outside > 0 && win[TINT] >= outside * TINT_SHARE ? 1 : 0;
    const deviating = win[DEVIATING] + withShadow * win[SHADOW] + withTint * win[TINT];
    sumP.l = win[P] + withShadow * win[PS] + withTint * win[PT];
    sumP.a = win[P + 1] + withShadow * win[PS + 1] + withTint * win[PT + 1];
    sumP.b = win[P + 2] + withShadow * win[PS + 2] + withTint * win[PT + 2];
    sumQ.l = win[Q] + withShadow * win[QS] + withTint * win[QT];
    sumQ.a = win[Q + 1] + withShadow * win[QS + 1] + withTint * win[QT + 1];
    sumQ.b = win[Q + 2] + withShadow * win[QS + 2] + withTint * win[QT + 2];
    siteX[s] = x;
    siteY[s] = y;
    siteScore[s] = deviating && deviating >= outside * MIN_SHARE ? deltaE2000({ l: sumQ.l / deviating, a: sumQ.a / deviating, b: sumQ.b / deviating }, { l: sumP.l / deviating, a: sumP.a / deviating, b: sumP.b / deviating }) : 0;
  }
}

/**
 * Mean colour (8-bit sRGB) of the opaque subject cells beyond the band within `reach` cells of a cell
 * (clamped at the frame): sums over a summed-area table of those cells, taken over the subject's box
 * with room for the band and the reach, so each cell's mean costs four reads, not (2 reach + 1)².
 */
function interiorSums(image: QcImage, band: Uint8Array, reach: number, box: { x: number; y: number; width: number; height: number }) {
  const { width: w, height: h } = image.lab;
  const m = image.subject.mask.data;
  const proxy = image.proxy.data;
  const margin = 2 * reach + 1;
  const x0 = Math.max(0, box.x - margin);
  const y0 = Math.max(0, box.y - margin);
  const x1 = Math.min(w, box.x + box.width + margin);
  const y1 = Math.min(h, box.y + box.height + margin);
  const tw = x1 - x0 + 1;
  // Channels per table entry: count, red, green, blue (8-bit sums fit 32 bits up to 8 MP).
  const table = new Int32Array(tw * (y1 - y0 + 1) * 4);
  for (let y = y0; y < y1; y++) {
    let n = 0;
    let cr = 0;
    let cg = 0;
    let cb = 0;
    const above = (y - y0) * tw * 4;
    const row = (y - y0 + 1) * tw * 4;
    for (let x = x0, j = y * w + x0; x < x1; x++, j++) {
      if (m[j] && !band[j] && proxy[j * 4 + 3] >= 250) {
        n++;
        cr += proxy[j * 4];
        cg += proxy[j * 4 + 1];
        cb += proxy[j * 4 + 2];
      }
      const t = (x - x0 + 1) * 4;
      table[row + t] = table[above + t] + n;
      table[row + t + 1] = table[above + t + 1] + cr;
      table[row + t + 2] = table[above + t + 2] + cg;
      table[row + t + 3] = table[above + t + 3] + cb;
    }
  }
  return {
    mean(i: number, out: Rgb): boolean {
      const x = i % w;
      const y = (i / w) | 0;
      const ax = Math.max(x0, x - reach) - x0;
      const bx = Math.min(x1 - 1, x + reach) - x0 + 1;
      const ay = (Math.max(y0, y - reach) - y0) * tw * 4;
      const by = (Math.min(y1 - 1, y + reach) - y0 + 1) * tw * 4;
      const sum = (c: number) => table[by + bx * 4 + c] - table[by + ax * 4 + c] - table[ay + bx * 4 + c] + table[ay + ax * 4 + c];
      const n = sum(0);
      if (!n) return false;
      out[0] = sum(1) / n;
      out[1] = sum(2) / n;
      out[2] = sum(3) / n;
      return true;
    },
  };
}

/** Where each sum lives in a window's channels. */
const OUTSIDE = 0;
const SHADOW = 1;
const TINT = 2;
const DEVIATING = 3;
const P = 4;
const PS = 7;
const PT = 10;
const Q = 13;
const QS = 16;
const QT = 19;
const CHANNELS = 22;

/**
 * The cells' sums over the (2r + 1)² window round a site, for sites visited in row order: column sums
 * over the window's rows (kept as the window slides down) added across its columns.
 */
class WindowSums {
  private readonly columns: Float64Array;
  private lo = 0;
  private hi = -1;
  constructor(
    private readonly cells: CellSums,
    private readonly slot: Int32Array,
    private readonly w: number,
    private readonly h: number,
    private readonly r: number,
  ) {
    this.columns = new Float64Array(w * CHANNELS);
  }

  around(x: number, y: number, out: Float64Array): void {
    const { w, h, r, columns } = this;
    const lo = Math.max(0, y - r);
    const hi = Math.min(h - 1, y + r);
    if (lo > this.hi) {
      columns.fill(0);
      this.lo = lo;
      this.hi = lo - 1;
    }
    while (this.hi < hi) this.addRow(++this.hi, 1);
    while (this.lo < lo) this.addRow(this.lo++, -1);
    out.fill(0);
    for (let xx = Math.max(0, x - r); xx <= Math.min(w - 1, x + r); xx++) {
      for (let c = 0, o = xx * CHANNELS; c < CHANNELS; c++, o++) out[c] += columns[o];
    }
  }

  private addRow(y: number, sign: number): void {
    const { cells, slot, w, columns } = this;
    for (let x = 0, i = y * w; x < w; x++, i++) {
      const j = slot[i];
      if (!j) continue;
      const o = x * CHANNELS;
      columns[o + OUTSIDE] += sign * cells.outside[j];
      columns[o + SHADOW] += sign * cells.shadow[j];
      columns[o + TINT] += sign * cells.tint[j];
      columns[o + DEVIATING] += sign * cells.deviating[j];
      for (let c = 0; c < 3; c++) {
        columns[o + P + c] += sign * cells.p[j * 3 + c];
        columns[o + PS + c] += sign * cells.ps[j * 3 + c];
        columns[o + PT + c] += sign * cells.pt[j * 3 + c];
        columns[o + Q + c] += sign * cells.q[j * 3 + c];
        columns[o + QS + c] += sign * cells.qs[j * 3 + c];
        columns[o + QT + c] += sign * cells.qt[j * 3 + c];
      }
    }
  }
}

/**
 * Per analysed cell: backdrop-side pixels, those off the mix in lightness (not shadow), those off it
 * that are shadow and those off it in chroma only (tint), with the Lab sums of each and of their mixes.
 */
class CellSums {
  outside: Uint32Array;
  deviating: Uint32Array;
  shadow: Uint32Array;
  tint: Uint32Array;
  p: Float32Array;
  q: Float32Array;
  ps: Float32Array;
  qs: Float32Array;
  pt: Float32Array;
  qt: Float32Array;
  constructor(n: number) {
    this.outside = new Uint32Array(n);
    this.deviating = new Uint32Array(n);
    this.shadow = new Uint32Array(n);
    this.tint = new Uint32Array(n);
    this.p = new Float32Array(n * 3);
    this.q = new Float32Array(n * 3);
    this.ps = new Float32Array(n * 3);
    this.qs = new Float32Array(n * 3);
    this.pt = new Float32Array(n * 3);
    this.qt = new Float32Array(n * 3);
  }
}

/** sRGB codes 0..255 in linear light, sampled every quarter code (fractional codes come from compositing). */
const LINEAR = Float64Array.from({ length: 1021 }, (_, i) => {
  const c = i / 4 / 255;
  return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
});

/** sRGB code (0..255, fractional allowed) to linear light. */
function toLinear(v: number): number {
  return LINEAR[Math.max(0, Math.min(1020, Math.round(v * 4)))];
}

/**
 * The garment and backdrop colours of one analysed cell in linear light, with the terms of the least
 * squares fit `isShadow` solves per pixel (they depend on the cell, not the pixel).
 */
interface ShadowBasis {
  g0: number;
  g1: number;
  g2: number;
  b0: number;
  b1: number;
  b2: number;
  gg: number;
  bb: number;
  gb: number;
  det: number;
}

function shadowBasis(s: Rgb, bg: Rgb, out: ShadowBasis): ShadowBasis {
  out.g0 = toLinear(s[0]);
  out.g1 = toLinear(s[1]);
  out.g2 = toLinear(s[2]);
  out.b0 = toLinear(bg[0]);
  out.b1 = toLinear(bg[1]);
  out.b2 = toLinear(bg[2]);
  out.gg = out.g0 * out.g0 + out.g1 * out.g1 + out.g2 * out.g2;
  out.bb = out.b0 * out.b0 + out.b1 * out.b1 + out.b2 * out.b2;
  out.gb = out.g0 * out.b0 + out.g1 * out.b1 + out.g2 * out.b2;
  out.det = out.gg * out.bb - out.gb * out.gb;
  return out;
}

/**
 * True when a colour is the backdrop darkened by a shadow, possibly blended with the garment: in
 * linear light p = a * garment + b * backdrop with a, b >= 0 and a + b at most 1 (no added light).
 * Scalars only: it runs for every off-mix pixel of the band, and per-pixel arrays fed the collector.
 */
function isShadow(r: number, g: number, b: number, f: ShadowBasis): boolean {
  const p0 = toLinear(r);
  const p1 = toLinear(g);
  const p2 = toLinear(b);
  // Least squares for a, b over the three channels.
  const pg = p0 * f.g0 + p1 * f.g1 + p2 * f.g2;
  const pb = p0 * f.b0 + p1 * f.b1 + p2 * f.b2;
  const { gg, bb, gb, det } = f;
  let a = det > 1e-9 ? (pg * bb - pb * gb) / det : 0;
  let c = det > 1e-9 ? (pb * gg - pg * gb) / det : pb / bb;
  if (a < 0) {
    a = 0;
    c = pb / bb;
  }
  if (c < 0 || a + c > 1.03) return false;
  let residual = (p0 - a * f.g0 - c * f.b0) ** 2;
  residual += (p1 - a * f.g1 - c * f.b1) ** 2;
  residual += (p2 - a * f.g2 - c * f.b2) ** 2;
  return Math.sqrt(residual) <= 0.015 + 0.04 * Math.hypot(p0, p1, p2);
}

const px = { l: 0, a: 0, b: 0 };
const mix = { l: 0, a: 0, b: 0 };
const basis: ShadowBasis = { g0: 0, g1: 0, g2: 0, b0: 0, b1: 0, b2: 0, gg: 0, bb: 0, gb: 0, det: 0 };

/**
 * Compares the full-resolution pixels of proxy cell i with the garment/backdrop mix, adding into
 * slot `cell` of the sums. With step 2 it reads a checkerboard, half the pixels, which still meets
 * every row and column of a ring.
 */
function accumulateCell(image: QcImage, cell: number, i: number, w: number, s: Rgb, bg: Rgb, cells: CellSums, step: number): void {
  const { full, factor: k, matte } = image;
  const cx = i % w;
  const cy = (i / w) | 0;
  const dr = bg[0] - s[0];
  const dg = bg[1] - s[1];
  const db = bg[2] - s[2];
  const len2 = dr * dr + dg * dg + db * db;
  const scale = full.depth === 16 ? 1 / 257 : 1;
  const x1 = Math.min(full.width, (cx + 1) * k);
  let basisReady = false;
  const y1 = Math.min(full.height, (cy + 1) * k);
  for (let y = cy * k; y < y1; y++) {
    const x0 = cx * k + (step === 2 ? y & 1 : 0);
    for (let x = x0, p = (y * full.width + x) * 4; x < x1; x += step, p += 4 * step) {
      const alpha = (full.data[p + 3] * scale) / 255;
      const r = full.data[p] * scale * alpha + matte[0] * (1 - alpha);
      const g = full.data[p + 1] * scale * alpha + matte[1] * (1 - alpha);
      const b = full.data[p + 2] * scale * alpha + matte[2] * (1 - alpha);
      const t = len2 < 9 ? 1 : ((r - s[0]) * dr + (g - s[1]) * dg + (b - s[2]) * db) / len2;
      if (t < 0.5) continue;
      cells.outside[cell]++;
      const tc = Math.min(1, t);
      const mr = s[0] + tc * dr;
      const mg = s[1] + tc * dg;
      const mb = s[2] + tc * db;
      // Within a code value or so of the mix in RGB is within noise in Lab too: skip the conversions.
      if ((r - mr) * (r - mr) + (g - mg) * (g - mg) + (b - mb) * (b - mb) <= RGB_NOISE2) continue;
      srgb8ToLab(r, g, b, px);
      srgb8ToLab(mr, mg, mb, mix);
      const dl = px.l - mix.l;
      const da = px.a - mix.a;
      const dbb = px.b - mix.b;
      if (dl * dl + da * da + dbb * dbb <= NOISE * NOISE) continue;
      if (!basisReady) {
        shadowBasis(s, bg, basis);
        basisReady = true;
      }
      const shadow = isShadow(r, g, b, basis);
      const tint = !shadow && Math.abs(dl) <= NOISE;
      const p3 = shadow ? cells.ps : tint ? cells.pt : cells.p;
      const q3 = shadow ? cells.qs : tint ? cells.qt : cells.q;
      if (shadow) cells.shadow[cell]++;
      else if (tint) cells.tint[cell]++;
      else cells.deviating[cell]++;
      p3[cell * 3] += px.l;
      p3[cell * 3 + 1] += px.a;
      p3[cell * 3 + 2] += px.b;
      q3[cell * 3] += mix.l;
      q3[cell * 3 + 1] += mix.a;
      q3[cell * 3 + 2] += mix.b;
    }
  }
}

function matteLab(image: QcImage): Lab {
  return srgb8ToLab(image.matte[0], image.matte[1], image.matte[2], { l: 0, a: 0, b: 0 });
}
