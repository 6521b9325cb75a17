/**
 * Full-resolution measures over the subject, which a proxy would hide: the variance of the 3x3
 * Laplacian (sharpness; the kernel sharp's stats() uses) and highlight/shadow clipping. The subject
 * (mask dilated a little so its outline counts) is cut into 32 px tiles; on very large images a
 * regular subset of tiles is measured, at full resolution, so a 24 MP file costs what ~1.2 MP do.
 * Sharpness is the 95th percentile of tile variances: flat fabric has no detail to be sharp, so
 * the detail that exists (seams, print, outline) decides.
 */
import type { Box } from '../../raster/mask';
import { dilateMask } from '../../raster/morphology';
import { clipLimits } from '../../color/balance/pixel-limits';
import type { QcImage } from '../qc-image';
import { memoized } from '../qc-image';

export interface SubjectDetail {
  /** 95th percentile of per-tile Laplacian variance (8-bit grey units²). */
  sharpness: number;
  /** Laplacian variance over every measured pixel, for reference. */
  laplacianVariance: number;
  tiles: number;
  /** Fraction of the subject's tiles that were measured (1 unless the image is very large). */
  sampled: number;
  /** Percent of subject pixels with two or more channels at 254+ (8-bit scale). */
  highlightClipPct: number;
  /** Percent of subject pixels with two or more channels at 1 or below. */
  shadowClipPct: number;
  /** Where the clipped pixels are, full-resolution pixels (null when none). */
  highlightBox: Box | null;
  shadowBox: Box | null;
}

const TILE = 32;
/** About 1.2 MP of full-resolution pixels: the 95th percentile of 1,200 tiles rests on the top 60. */
const MAX_TILES = 1200;

/**
 * Measures sharpness and clipping at full resolution.
 * @example measureSubjectDetail(image).sharpness // 650 for a crisp packshot, 15 when blurred
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
  const { full, factor: k, subject } = image;
  const { width: W, height: H } = full;
  const mask = subject.mask;
  const outline = dilateMask(mask, 2);
  const mw = mask.width;
  const cols = Math.ceil(W / TILE);
  const rows = Math.ceil(H / TILE);
  const chosen: number[] = [];
  for (let ty = 0; ty < rows; ty++) {
    for (let tx = 0; tx < cols; tx++) if (tileCoverage(outline.data, mw, mask.height, tx, ty, k) >= 0.5) chosen.push(ty * cols + tx);
  }
  const step = Math.max(1, Math.ceil(chosen.length / MAX_TILES));
  const grey = new Float32Array((TILE + 2) * (TILE + 2));
  const variances: number[] = [];
  let sum = 0;
  let sumSq = 0;
  let count = 0;
  let subjectPixels = 0;
  let high = 0;
  let low = 0;
  const highExt: Extent = { x0: W, y0: H, x1: -1, y1: -1 };
  const lowExt: Extent = { x0: W, y0: H, x1: -1, y1: -1 };
  const is16 = full.depth === 16;
  const { high: hiCode, low: loCode } = clipLimits(full.depth);
  const [mr, mg, mb] = image.matte;
  const data = full.data;
  const proxyCol = new Int32Array(W);
  for (let x = 0; x < W; x++) proxyCol[x] = Math.floor(x / k);
  for (let c = 0; c < chosen.length; c += step) {
    const t = chosen[c];
    const x0 = (t % cols) * TILE;
    const y0 = Math.floor(t / cols) * TILE;
    const x1 = Math.min(W, x0 + TILE);
    const y1 = Math.min(H, y0 + TILE);
    // Grey of the tile plus a 1 px border (clamped at the image edge), alpha composited over the matte.
    const gx0 = Math.max(0, x0 - 1);
    const gy0 = Math.max(0, y0 - 1);
    const gx1 = Math.min(W, x1 + 1);
    const gy1 = Math.min(H, y1 + 1);
    const gw = gx1 - gx0;
    const opaque8 = !is16 && !image.lab.alpha;
    for (let y = gy0; y < gy1; y++) {
      const inTile = y >= y0 && y < y1;
      const maskRow = Math.floor(y / k) * mw;
      if (opaque8) {
        // The common case, an opaque 8-bit file: integer grey, no compositing.
        for (let x = gx0, p = (y * W + x) * 4, g = (y - gy0) * gw; x < gx1; x++, p += 4, g++) {
          const r = data[p];
          const gr = data[p + 1];
          const b = data[p + 2];
          grey[g] = (19595 * r + 38470 * gr + 7471 * b) / 65536;
          if (inTile && x >= x0 && x < x1 && mask.data[maskRow + proxyCol[x]]) {
            subjectPixels++;
            if ((r >= hiCode ? 1 : 0) + (gr >= hiCode ? 1 : 0) + (b >= hiCode ? 1 : 0) >= 2) {
              high++;
              extend(highExt, x, y);
            }
            if ((r <= loCode ? 1 : 0) + (gr <= loCode ? 1 : 0) + (b <= loCode ? 1 : 0) >= 2) {
              low++;
              extend(lowExt, x, y);
            }
          }
        }
        continue;
      }
      for (let x = gx0, p = (y * W + x) * 4, g = (y - gy0) * gw; x < gx1; x++, p += 4, g++) {
        let r = data[p];
        let gr = data[p + 1];
        let b = data[p + 2];
        let a = data[p + 3];
        if (is16) {
          r /= 257;
          gr /= 257;
          b /= 257;
          a /= 257;
        }
        if (a < 255) {
          const f = a / 255;
          r = r * f + mr * (1 - f);
          gr = gr * f + mg * (1 - f);
          b = b * f + mb * (1 - f);
        }
        grey[g] = 0.299 * r + 0.587 * gr + 0.114 * b;
        if (inTile && x >= x0 && x < x1 && a >= 128 && mask.data[maskRow + proxyCol[x]]) {
          subjectPixels++;
          const pr = data[p];
          const pg = data[p + 1];
          const pb = data[p + 2];
          if ((pr >= hiCode ? 1 : 0) + (pg >= hiCode ? 1 : 0) + (pb >= hiCode ? 1 : 0) >= 2) {
            high++;
            extend(highExt, x, y);
          }
          if ((pr <= loCode ? 1 : 0) + (pg <= loCode ? 1 : 0) + (pb <= loCode ? 1 : 0) >= 2) {
            low++;
            extend(lowExt, x, y);
          }
        }
      }
    }
    let ts = 0;
    let ts2 = 0;
    let tn = 0;
    for (let y = Math.max(y0, 1); y < Math.min(y1, H - 1); y++) {
      for (let x = Math.max(x0, 1); x < Math.min(x1, W - 1); x++) {
        const g = (y - gy0) * gw + (x - gx0);
        const v = grey[g - 1] + grey[g + 1] + grey[g - gw] + grey[g + gw] - 4 * grey[g];
        ts += v;
        ts2 += v * v;
        tn++;
      }
    }
    if (tn === 0) continue;
    sum += ts;
    sumSq += ts2;
    count += tn;
    const variance = ts2 / tn - (ts / tn) ** 2;
    variances.push(variance);
  }
  variances.sort((p, q) => p - q);
  const p95 = variances.length ? variances[Math.min(variances.length - 1, Math.floor(variances.length * 0.95))] : 0;
  const toBox = (e: Extent): Box | null => (e.x1 < 0 ? null : { x: e.x0, y: e.y0, width: e.x1 - e.x0 + 1, height: e.y1 - e.y0 + 1 });
  return {
    sharpness: p95,
    laplacianVariance: count ? sumSq / count - (sum / count) ** 2 : 0,
    tiles: variances.length,
    sampled: chosen.length ? variances.length / chosen.length : 1,
    highlightClipPct: subjectPixels ? (high / subjectPixels) * 100 : 0,
    shadowClipPct: subjectPixels ? (low / subjectPixels) * 100 : 0,
    highlightBox: toBox(highExt),
    shadowBox: toBox(lowExt),
  };
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
