/**
 * Full-resolution measures over the subject, which a proxy would hide: how blurred its edges are,
 * how blocky its compression is, and how much of it is clipped. The subject (its clipping mask,
 * dilated a little so the outline counts) is cut into 32 px tiles; on very large images a regular
 * subset of tiles is read, at full resolution, so a 24 MP file costs what ~1.2 MP do.
 *
 * Blur: a step edge blurred by a Gaussian of radius s, blurred again by a known radius r, carries
 * gradient energy in proportion to 1/sqrt(s² + r²). The ratio of the energies after r = 1 and r = 2
 * gives s, whatever the edge's contrast (a plain white tee's faint outline reads as sharp as a navy
 * shirt's) and with the pixel noise blurred away. It is read where the outline crosses the tiles
 * (garment against backdrop: a step edge) and the median is the subject's blur; soft shading inside
 * the fabric and thin lettering (which would read sharper than it is) do not decide it.
 * Blockiness: the mean step between neighbouring pixels across the 8x8 block boundaries against the
 * mean step inside blocks, in rows and in columns (the smaller of the two: blocking shows in both,
 * a striped fabric in one).
 */
import { maskBox, type Box, type Mask } from '../../raster/mask';
import { dilateMask, erodeMask } from '../../raster/morphology';
import type { QcImage } from '../qc-image';
import { memoized } from '../qc-image';
import { HIGHLIGHT_CODE, SHADOW_CODE, isBlown, isCrushed } from './clipped-pixel';
import { highlightMasks } from './clipping-mask';

export interface SubjectDetail {
  /** Blur radius of the subject's strongest edges: Gaussian sigma, full-resolution px; NaN with no edges. */
  blurPx: number;
  /** Tiles the blur was read from. */
  edgeTiles: number;
  tiles: number;
  /** Fraction of the subject's tiles that were measured (1 unless the image is very large). */
  sampled: number;
  /** Mean step across 8x8 block boundaries over the mean step inside blocks (1 = no blocking). */
  blockiness: number;
  /** Percent of subject pixels blown in a highlight (two or more channels at 254+; see highlightMasks). */
  highlightClipPct: number;
  /** Percent of subject pixels black in every channel (see isCrushed). */
  shadowClipPct: number;
  /** Where the clipped pixels are, full-resolution pixels (null when none). */
  highlightBox: Box | null;
  shadowBox: Box | null;
}

const TILE = 32;
/** Pixels read round a tile: one for the steps, seven for the radius-2 Gaussian. */
const STEP_BORDER = 1;
const BLUR_BORDER = 7;
const SPAN = TILE + 2 * BLUR_BORDER;
/** About 1.2 MP of full-resolution pixels. */
const MAX_TILES = 1200;
/** Share of the measured tiles, by edge energy, the blur is read from (at least 12, at most 160). */
const EDGE_SHARE = 0.12;
/** Gaussians of radius 1 and 2 px (3 sigma each side), normalised. */
const KERNEL_1 = gaussian(1);
const KERNEL_2 = gaussian(2);
/** Mean squared step (grey levels²) below which a tile has no edge worth reading. */
const MIN_EDGE_ENERGY = 2;
const MIN_OUTLINE_ENERGY = 0.3;

/**
 * @example measureSubjectDetail(image).blurPx // 0.45 for a crisp packshot, 2.3 when blurred by 2.5 px
 */
export function measureSubjectDetail(image: QcImage): SubjectDetail {
  return memoized(image, 'subject-detail', () => compute(image));
}

interface Extent {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

function compute(image: QcImage): SubjectDetail {
  const { full, factor: k } = image;
  const { width: W, height: H } = full;
  const { subject: mask, highlights } = highlightMasks(image);
  const outline = dilateMask(mask, 2);
  const inner = erodeMask(mask, 1);
  const cols = Math.ceil(W / TILE);
  const rows = Math.ceil(H / TILE);
  const edge = new Uint8Array(cols * rows);
  const chosen = chooseTiles(outline, inner, mask, k, cols, rows, edge);
  const step = Math.max(1, Math.ceil(chosen.length / MAX_TILES));
  const grey = new Float32Array(SPAN * SPAN);
  const proxyCol = proxyColumns(W, k);
  const clip = { subject: 0, high: 0, low: 0, highExt: extent(W, H), lowExt: extent(W, H) };
  const stepsX = new Float64Array(8);
  const stepsY = new Float64Array(8);
  const energies = tileEnergies(image, chosen, step, cols, edge, grey, mask.data, proxyCol, clip, highlights.data, stepsX, stepsY);
  const blur = edgeBlur(image, energies, cols, grey, mask.data, proxyCol);
  const toBox = (e: Extent): Box | null => (e.x1 < 0 ? null : { x: e.x0, y: e.y0, width: e.x1 - e.x0 + 1, height: e.y1 - e.y0 + 1 });
  return {
    blurPx: blur.px,
    edgeTiles: blur.tiles,
    tiles: energies.length,
    sampled: chosen.length ? energies.length / chosen.length : 1,
    blockiness: Math.min(gridStep(stepsX), gridStep(stepsY)),
    highlightClipPct: clip.subject ? (clip.high / clip.subject) * 100 : 0,
    shadowClipPct: clip.subject ? (clip.low / clip.subject) * 100 : 0,
    highlightBox: toBox(clip.highExt),
    shadowBox: toBox(clip.lowExt),
  };
}

// The passes are functions of their own: V8 optimises a long loop while it runs (on-stack replacement)
// by compiling the whole function round it, again for each later loop it has not seen run, so one
// function with every pass was compiled many times per worker for a few images' worth of work.

/** The tiles the outline covers (at least half), in row order; marks in `edge` those it crosses. */
function chooseTiles(outline: Mask, inner: Mask, mask: Mask, k: number, cols: number, rows: number, edge: Uint8Array): number[] {
  const mw = mask.width;
  const chosen: number[] = [];
  // Only tiles over the outline's box can be covered by it.
  const around = maskBox(outline);
  const tx0 = around ? Math.max(0, Math.floor((around.x * k) / TILE)) : 0;
  const ty0 = around ? Math.max(0, Math.floor((around.y * k) / TILE)) : 0;
  const tx1 = around ? Math.min(cols, Math.ceil(((around.x + around.width) * k) / TILE) + 1) : 0;
  const ty1 = around ? Math.min(rows, Math.ceil(((around.y + around.height) * k) / TILE) + 1) : 0;
  for (let ty = ty0; ty < ty1; ty++) {
    for (let tx = tx0; tx < tx1; tx++) {
      const covered = tileCoverage(outline.data, mw, mask.height, tx, ty, k);
      if (covered < 0.5) continue;
      chosen.push(ty * cols + tx);
      // A tile the outline crosses: garment on one side, backdrop on the other (a step edge).
      const inside = tileCoverage(inner.data, mw, mask.height, tx, ty, k);
      if (inside > 0.15 && inside < 0.85 && tileCoverage(mask.data, mw, mask.height, tx, ty, k) < 0.95) edge[ty * cols + tx] = 1;
    }
  }
  return chosen;
}

/** The proxy column of each full-resolution column. */
function proxyColumns(W: number, k: number): Int32Array {
  const proxyCol = new Int32Array(W);
  for (let x = 0; x < W; x++) proxyCol[x] = Math.floor(x / k);
  return proxyCol;
}

/**
 * Every `step`-th chosen tile's mean squared step between neighbours; adds its steps across and inside
 * the 8x8 block boundaries into stepsX and stepsY, and its clipped subject pixels into `clip`.
 */
function tileEnergies(
  image: QcImage,
  chosen: number[],
  step: number,
  cols: number,
  edge: Uint8Array,
  grey: Float32Array,
  mask: Uint8Array,
  proxyCol: Int32Array,
  clip: ClipCounts,
  highlights: Uint8Array,
  stepsX: Float64Array,
  stepsY: Float64Array,
): TileEnergy[] {
  const { width: W, height: H } = image.full;
  const energies: TileEnergy[] = [];
  for (let c = 0; c < chosen.length; c += step) {
    const t = chosen[c];
    const x0 = (t % cols) * TILE;
    const y0 = Math.floor(t / cols) * TILE;
    const x1 = Math.min(W, x0 + TILE);
    const y1 = Math.min(H, y0 + TILE);
    readGrey(image, grey, x0, y0, STEP_BORDER, mask, proxyCol, clip, highlights);
    const span = TILE + 2 * STEP_BORDER;
    let energy = 0;
    for (let y = y0; y < y1; y++) {
      const g = (y - y0 + STEP_BORDER) * span + STEP_BORDER;
      for (let x = x0, q = g; x < x1; x++, q++) {
        const dx = grey[q + 1] - grey[q];
        const dy = grey[q + span] - grey[q];
        energy += dx * dx + dy * dy;
        stepsX[(x + 1) & 7] += x + 1 < W ? Math.abs(dx) : 0;
        stepsY[(y + 1) & 7] += y + 1 < H ? Math.abs(dy) : 0;
      }
    }
    energies.push({ tile: t, energy: energy / ((x1 - x0) * (y1 - y0)), outline: edge[t] === 1 });
  }
  return energies;
}

/**
 * The step at the JPEG block boundary (between columns or rows 7 and 8 of each block, counted from
 * the image's origin as encoders do) against the mean step at the other 7 positions.
 */
function gridStep(steps: Float64Array): number {
  let rest = 0;
  for (let i = 1; i < 8; i++) rest += steps[i];
  return rest > 0 ? steps[0] / (rest / 7) : 1;
}

interface TileEnergy {
  tile: number;
  /** Mean squared step between neighbours, grey levels². */
  energy: number;
  /** The garment's outline crosses the tile. */
  outline: boolean;
}

/**
 * Blur from the tiles the outline crosses (a garment against its backdrop is a step edge, the shape
 * the estimate assumes; thin lines such as lettering would read sharper than they are), the half of
 * them with the most edge energy; the tiles with the most energy anywhere when the outline has too few.
 */
function edgeBlur(image: QcImage, energies: TileEnergy[], cols: number, grey: Float32Array, mask: Uint8Array, proxyCol: Int32Array): { px: number; tiles: number } {
  const sorted = [...energies].sort((a, b) => b.energy - a.energy);
  const strong = sorted.filter((e) => e.energy >= MIN_EDGE_ENERGY);
  // A white garment on white has a faint outline; once blurred it is fainter still, but no noisier.
  const outline = sorted.filter((e) => e.outline && e.energy >= MIN_OUTLINE_ENERGY);
  const take = outline.length >= 8 ? outline.slice(0, Math.min(160, Math.max(8, Math.ceil(outline.length / 2)))) : strong.slice(0, Math.min(160, Math.max(12, Math.ceil(energies.length * EDGE_SHARE))));
  if (!take.length) return { px: NaN, tiles: 0 };
  const fine = new Float32Array(SPAN * SPAN);
  const coarse = new Float32Array(SPAN * SPAN);
  const tmp = new Float32Array(SPAN * SPAN);
  const sigmas: number[] = [];
  for (const { tile } of take) {
    const x0 = (tile % cols) * TILE;
    const y0 = Math.floor(tile / cols) * TILE;
    readGrey(image, grey, x0, y0, BLUR_BORDER, mask, proxyCol, null);
    const e1 = blurredEnergy(grey, KERNEL_1, tmp, fine);
    const e2 = blurredEnergy(grey, KERNEL_2, tmp, coarse);
    // A step edge of blur s carries energy in proportion to 1/sqrt(s² + r²) once blurred by r: so
    // e1/e2 = sqrt((s² + 4) / (s² + 1)), whatever its contrast; both blurs leave little noise.
    const r2 = e2 > 0 ? (e1 / e2) ** 2 : 1;
    sigmas.push(r2 >= 4 ? 0 : r2 <= 1.0001 ? 20 : Math.min(20, Math.sqrt((4 - r2) / (r2 - 1))));
  }
  sigmas.sort((a, b) => a - b);
  return { px: sigmas[sigmas.length >> 1], tiles: sigmas.length };
}

/** Energy of the steps between neighbours inside the tile once `grey` is blurred by `kernel`. */
function blurredEnergy(grey: Float32Array, kernel: Float32Array, tmp: Float32Array, out: Float32Array): number {
  const r = (kernel.length - 1) >> 1;
  for (let y = 0; y < SPAN; y++) {
    for (let x = r; x < SPAN - r; x++) {
      const p = y * SPAN + x;
      let v = kernel[r] * grey[p];
      for (let k = 1; k <= r; k++) v += kernel[r + k] * (grey[p - k] + grey[p + k]);
      tmp[p] = v;
    }
  }
  const from = BLUR_BORDER - 1;
  const to = BLUR_BORDER + TILE + 1;
  for (let y = from; y < to; y++) {
    for (let x = from; x < to; x++) {
      const p = y * SPAN + x;
      let v = kernel[r] * tmp[p];
      for (let k = 1; k <= r; k++) v += kernel[r + k] * (tmp[p - k * SPAN] + tmp[p + k * SPAN]);
      out[p] = v;
    }
  }
  let e = 0;
  for (let y = BLUR_BORDER; y < BLUR_BORDER + TILE; y++) {
    for (let x = BLUR_BORDER, p = y * SPAN + x; x < BLUR_BORDER + TILE; x++, p++) e += (out[p + 1] - out[p]) ** 2 + (out[p + SPAN] - out[p]) ** 2;
  }
  return e;
}

function gaussian(sigma: number): Float32Array {
  const r = Math.ceil(3 * sigma);
  const k = Float32Array.from({ length: 2 * r + 1 }, (_, i) => Math.exp(-((i - r) ** 2) / (2 * sigma * sigma)));
  const sum = k.reduce((a, b) => a + b, 0);
  return k.map((v) => v / sum);
}

interface ClipCounts {
  subject: number;
  high: number;
  low: number;
  highExt: Extent;
  lowExt: Extent;
}

/**
 * Fills `grey` (the tile at x0, y0 plus `border` pixels round it, clamped at the frame) with luma,
 * transparency composited over the matte; counts clipped subject pixels of the tile when `clip` is given.
 */
function readGrey(image: QcImage, grey: Float32Array, x0: number, y0: number, border: number, mask: Uint8Array, proxyCol: Int32Array, clip: ClipCounts | null, highlights?: Uint8Array): void {
  const { full, factor: k } = image;
  const is16 = full.depth === 16;
  // The common case, an opaque 8-bit file, and the rest (transparency, 16 bits) are functions of their
  // own: a worker meeting its first cutout after optimising the common case then compiles that one
  // again, not every path of the tile reader.
  if (!is16 && !image.lab.alpha) greyOpaque(full, k, grey, x0, y0, border, mask, proxyCol, clip, highlights);
  else greyComposited(full, k, image.matte, grey, x0, y0, border, mask, proxyCol, clip, highlights);
}

/** readGrey of an opaque 8-bit file: grey without compositing, the tile's own pixels (not its clamped border) counted for clipping. */
function greyOpaque(full: QcImage['full'], k: number, grey: Float32Array, x0: number, y0: number, border: number, mask: Uint8Array, proxyCol: Int32Array, clip: ClipCounts | null, highlights?: Uint8Array): void {
  const { width: W, height: H, data } = full;
  const mw = Math.ceil(W / k);
  const span = TILE + 2 * border;
  for (let gy = 0; gy < span; gy++) {
    const y = Math.min(H - 1, Math.max(0, y0 - border + gy));
    const row = gy * span;
    // Away from the frame's sides no column clamps.
    if (x0 - border >= 0 && x0 - border + span <= W) {
      for (let gx = 0, p = (y * W + x0 - border) * 4; gx < span; gx++, p += 4) grey[row + gx] = 0.299 * data[p] + 0.587 * data[p + 1] + 0.114 * data[p + 2];
    } else {
      for (let gx = 0; gx < span; gx++) {
        const x = Math.min(W - 1, Math.max(0, x0 - border + gx));
        const p = (y * W + x) * 4;
        grey[row + gx] = 0.299 * data[p] + 0.587 * data[p + 1] + 0.114 * data[p + 2];
      }
    }
    if (!clip || y0 - border + gy !== y || y < y0 || y >= y0 + TILE) continue;
    const maskRow = Math.floor(y / k) * mw;
    for (let x = x0, p = (y * W + x) * 4; x < Math.min(W, x0 + TILE); x++, p += 4) {
      const cell = maskRow + proxyCol[x];
      if (!mask[cell]) continue;
      clip.subject++;
      const r = data[p];
      const g = data[p + 1];
      const b = data[p + 2];
      if ((r >= HIGHLIGHT_CODE ? 1 : 0) + (g >= HIGHLIGHT_CODE ? 1 : 0) + (b >= HIGHLIGHT_CODE ? 1 : 0) >= 2) {
        if (highlights?.[cell]) {
          clip.high++;
          extend(clip.highExt, x, y);
        }
      } else if (r <= SHADOW_CODE && g <= SHADOW_CODE && b <= SHADOW_CODE) {
        clip.low++;
        extend(clip.lowExt, x, y);
      }
    }
  }
}

/** readGrey of a file with transparency (composited over the matte) or 16 bits a sample. */
function greyComposited(
  full: QcImage['full'],
  k: number,
  matte: QcImage['matte'],
  grey: Float32Array,
  x0: number,
  y0: number,
  border: number,
  mask: Uint8Array,
  proxyCol: Int32Array,
  clip: ClipCounts | null,
  highlights?: Uint8Array,
): void {
  const { width: W, height: H, data } = full;
  const is16 = full.depth === 16;
  const [mr, mg, mb] = matte;
  const mw = Math.ceil(W / k);
  const span = TILE + 2 * border;
  for (let gy = 0; gy < span; gy++) {
    const y = Math.min(H - 1, Math.max(0, y0 - border + gy));
    const row = gy * span;
    const inRows = y0 - border + gy === y && y >= y0 && y < y0 + TILE;
    const maskRow = Math.floor(y / k) * mw;
    for (let gx = 0; gx < span; gx++) {
      const x = Math.min(W - 1, Math.max(0, x0 - border + gx));
      const p = (y * W + x) * 4;
      let r = data[p];
      let g = data[p + 1];
      let b = data[p + 2];
      let a = data[p + 3];
      if (is16) {
        r /= 257;
        g /= 257;
        b /= 257;
        a /= 257;
      }
      if (a < 255) {
        const f = a / 255;
        r = r * f + mr * (1 - f);
        g = g * f + mg * (1 - f);
        b = b * f + mb * (1 - f);
      }
      grey[row + gx] = 0.299 * r + 0.587 * g + 0.114 * b;
      if (a < 128 || !clip || !inRows || x0 - border + gx !== x || x < x0 || x >= x0 + TILE || !mask[maskRow + proxyCol[x]]) continue;
      clip.subject++;
      if (isBlown(r, g, b)) {
        if (highlights?.[maskRow + proxyCol[x]]) {
          clip.high++;
          extend(clip.highExt, x, y);
        }
      } else if (isCrushed(r, g, b)) {
        clip.low++;
        extend(clip.lowExt, x, y);
      }
    }
  }
}

function extent(W: number, H: number): Extent {
  return { x0: W, y0: H, x1: -1, y1: -1 };
}

function extend(e: Extent, x: number, y: number): void {
  if (x < e.x0) e.x0 = x;
  if (x > e.x1) e.x1 = x;
  if (y < e.y0) e.y0 = y;
  if (y > e.y1) e.y1 = y;
}

/** Fraction of a full-resolution tile's proxy cells that are inside the mask. */
function tileCoverage(mask: Uint8Array, mw: number, mh: number, tx: number, ty: number, k: number): number {
  const px0 = Math.floor((tx * TILE) / k);
  const py0 = Math.floor((ty * TILE) / k);
  const px1 = Math.min(mw, Math.ceil(((tx + 1) * TILE) / k));
  const py1 = Math.min(mh, Math.ceil(((ty + 1) * TILE) / k));
  let inside = 0;
  let total = 0;
  for (let y = py0; y < py1; y++) {
    for (let x = px0; x < px1; x++) {
      inside += mask[y * mw + x];
      total++;
    }
  }
  return total ? inside / total : 0;
}
