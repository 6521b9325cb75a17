/**
 * Statistics of the backdrop: the pixels outside the subject (and a margin around it, where shadow
 * and edge blends live), excluding stray objects. Gives the median colour, the 95th percentile
 * ΔE00 from it (uniformity), a coarse grid of where it deviates, the share of pixels that are not
 * pure white, and the stray objects' share.
 */
import type { Lab } from '../../color/lab';
import { deltaE2000 } from '../../color/delta-e-2000';
import { dilateMask } from '../../raster/morphology';
import { maskArea } from '../../raster/mask';
import type { QcImage } from '../qc-image';
import { memoized } from '../qc-image';
import type { Raster } from '../../raster/raster';
import { addToHistogram, createHistogram, quantile, type Histogram } from './histogram';

export interface DeviationGrid {
  cols: number;
  rows: number;
  /** Cell size in proxy pixels. */
  cellWidth: number;
  cellHeight: number;
  /** Mean ΔE00 from the median per cell (NaN where a cell has no background sample). */
  mean: Float32Array;
}

export interface BackgroundStats {
  median: Lab;
  /** Background pixels on the proxy. */
  pixels: number;
  /** Fraction of the image that is background (excluding the margin round the subject). */
  share: number;
  /** 95th percentile ΔE00 of background pixels from their median. */
  p95DeltaE: number;
  grid: DeviationGrid;
  /** Percent of background pixels that are not 255,255,255. */
  nonWhitePct: number;
  /** Stray objects' area as a percent of the background. */
  strayPct: number;
}

const MAX_SAMPLES = 12_000;
const GRID = 24;

/**
 * Measures the background, or null when there is none (a transparent cutout, or a subject that
 * fills the frame).
 * @example measureBackground(image)?.p95DeltaE // 0.8 on a clean sweep
 */
export function measureBackground(image: QcImage): BackgroundStats | null {
  return memoized(image, 'background', () => compute(image));
}

/**
 * The background pixels: not subject, not near it, not stray, opaque.
 * @example backgroundPixels(image).reduce((n, v) => n + v, 0) // backdrop pixels on the proxy
 */
export function backgroundPixels(image: QcImage): Uint8Array {
  return memoized(image, 'background-pixels', () => backgroundOf(image));
}

// A named function, not a closure made afresh per image (V8 optimised each new closure's loop again).
function backgroundOf(image: QcImage): Uint8Array {
  const { subject, lab } = image;
  const margin = Math.max(2, Math.round(Math.min(lab.width, lab.height) * 0.01));
  const near = dilateMask(subject.mask, margin).data;
  const stray = subject.strayMask.data;
  const out = new Uint8Array(near.length);
  for (let i = 0; i < out.length; i++) out[i] = !near[i] && !stray[i] && (!lab.alpha || lab.alpha[i] >= 250) ? 1 : 0;
  return out;
}

// Each pass over the pixels is a function of its own: V8 optimises a long loop while it runs (on-stack
// replacement) by compiling the whole function round it, and again for each later loop it has not seen
// run, so one function with every pass was compiled many times per worker, for a few images' worth of work.
function compute(image: QcImage): BackgroundStats | null {
  const { lab, proxy, subject } = image;
  if (subject.source === 'alpha') return null;
  const bg = backgroundPixels(image);
  const n = bg.length;
  const pixels = countSet(bg);
  if (pixels < n * 0.02) return null;
  const nonWhite = countNonWhite(bg, proxy.data);
  // The median and the percentile come from a regular sample: ~12,000 pixels pin a median to
  // hundredths of a unit, and ΔE00 per pixel is the expensive part.
  const { width, height } = lab;
  const stride = Math.max(1, Math.floor(Math.sqrt(pixels / MAX_SAMPLES)));
  const samples = sampleGrid(bg, width, height, stride);
  const median = sampleMedian(lab, samples);
  const grid: DeviationGrid = { cols: GRID, rows: GRID, cellWidth: width / GRID, cellHeight: height / GRID, mean: new Float32Array(GRID * GRID) };
  const dHist = deviations(lab, samples, median, grid);
  const strayArea = maskArea(subject.strayMask);
  return {
    median,
    pixels,
    share: pixels / n,
    p95DeltaE: quantile(dHist, 0.95),
    grid,
    nonWhitePct: (nonWhite / pixels) * 100,
    strayPct: (strayArea / (pixels + strayArea)) * 100,
  };
}

function countSet(bg: Uint8Array): number {
  let pixels = 0;
  for (let i = 0; i < bg.length; i++) pixels += bg[i];
  return pixels;
}

function countNonWhite(bg: Uint8Array, px: Raster['data']): number {
  let nonWhite = 0;
  for (let i = 0, p = 0; i < bg.length; i++, p += 4) if (bg[i] && (px[p] < 255 || px[p + 1] < 255 || px[p + 2] < 255)) nonWhite++;
  return nonWhite;
}

function sampleGrid(bg: Uint8Array, width: number, height: number, stride: number): number[] {
  const samples: number[] = [];
  for (let y = 0; y < height; y += stride) for (let x = 0, i = y * width; x < width; x += stride, i += stride) if (bg[i]) samples.push(i);
  return samples;
}

function sampleMedian(lab: QcImage['lab'], samples: number[]): Lab {
  const hl = createHistogram(0, 100, 0.02);
  const ha = createHistogram(-128, 128, 0.02);
  const hb = createHistogram(-128, 128, 0.02);
  for (const i of samples) {
    addToHistogram(hl, lab.l[i]);
    addToHistogram(ha, lab.a[i]);
    addToHistogram(hb, lab.b[i]);
  }
  return { l: quantile(hl, 0.5), a: quantile(ha, 0.5), b: quantile(hb, 0.5) };
}

/** Each sample's ΔE00 from the median, as a histogram, and their mean per grid cell (into grid.mean). */
function deviations(lab: QcImage['lab'], samples: number[], median: Lab, grid: DeviationGrid): Histogram {
  const { width } = lab;
  const cellSum = new Float64Array(GRID * GRID);
  const cellCount = new Float64Array(GRID * GRID);
  const dHist = createHistogram(0, 100, 0.01);
  const c = { l: 0, a: 0, b: 0 };
  for (const i of samples) {
    c.l = lab.l[i];
    c.a = lab.a[i];
    c.b = lab.b[i];
    const d = deltaE2000(median, c);
    addToHistogram(dHist, d);
    const x = i % width;
    const y = (i / width) | 0;
    const cell = Math.min(GRID - 1, Math.floor(y / grid.cellHeight)) * GRID + Math.min(GRID - 1, Math.floor(x / grid.cellWidth));
    cellSum[cell] += d;
    cellCount[cell]++;
  }
  for (let g = 0; g < grid.mean.length; g++) grid.mean[g] = cellCount[g] ? cellSum[g] / cellCount[g] : NaN;
  return dHist;
}
