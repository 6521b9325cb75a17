/**
 * Which frames of a clip get the garment colour measure (still QC's swatch: fabric clustering,
 * highlight lobes, the lit band; about three quarters of the per-frame cost), and measuring them.
 *
 * Always measured: every frame of the first quarter second (the start colour drift is judged
 * against), six frames a second (every k-th), and the last frame (the loop seam). The frames between
 * two such anchors are measured too when anything suggests the colour did not move in a straight
 * line between them: one anchor has a garment and the other none, the two anchors' colours differ by
 * more than STEP, or a frame's cheap garment colour (the interquartile mean Lab of the subject's
 * interior, measured on every frame) strays more than DEVIATION from the line between the anchors'.
 * A re-tint, a flash or a colour pop shorter than the gap between anchors moves that cheap colour
 * by about as much as it moves the swatch, so it is measured frame by frame; a steady clip is
 * measured on about a third of its frames.
 */
import type { Lab } from '../color/lab';
import { deltaE2000 } from '../color/delta-e-2000';
import type { QcImage } from '../qc/qc-image';
import { measureGarmentColor } from '../qc/measure/measure-swatch';
import { addToHistogram, createHistogram, interquartileMean, type Histogram } from '../qc/measure/histogram';
import type { FrameMeasure } from './analyse-clip';

/** Anchor frames per second of clip. */
export const COLOR_SAMPLES_PER_SECOND = 6;
/** The start colour is taken over this many seconds; every frame of it is measured. */
export const START_SECONDS = 0.25;
/**
 * ΔE00 between anchors, and of a frame's cheap colour from the line between the anchors', above
 * which the frames between are measured: half the strictest drift limit of the seed briefs (1.0),
 * and about four times what a steady 1080p push-in shows (0.13 and 0.18 on the benchmark clip).
 */
export const STEP = 0.5;
export const DEVIATION = 0.5;

interface Pending {
  frame: FrameMeasure;
  image: QcImage;
  cheap: Lab | null;
}

/**
 * The anchor stride for a frame rate: 4 at 24 fps, 5 at 30.
 * @example colorStride(24) // 4
 */
export function colorStride(fps: number): number {
  return Math.max(1, Math.round(fps / COLOR_SAMPLES_PER_SECOND));
}

/**
 * @example
 * const sampler = createGarmentColorSampler({ fps: 24, swatch });
 * sampler.add(measure, image); // per frame, in order
 * sampler.finish(); // after the last frame: measure.garment is set on every frame that was measured
 */
export function createGarmentColorSampler(options: { fps: number; swatch: Lab | null }) {
  const stride = colorStride(options.fps);
  const hist = { l: createHistogram(0, 100, 0.05), a: createHistogram(-128, 128, 0.05), b: createHistogram(-128, 128, 0.05) };
  let anchor: Pending | null = null;
  let between: Pending[] = [];
  let last: Pending | null = null;

  function measure(p: Pending): void {
    const garment = measureGarmentColor(p.image)?.lab ?? null;
    p.frame.colorMeasured = true;
    p.frame.garment = garment;
    p.frame.deltaE = garment && options.swatch ? deltaE2000(options.swatch, garment) : null;
  }

  /** Measures `next` as an anchor, and the frames since the previous anchor if they warrant it. */
  function close(next: Pending): void {
    measure(next);
    if (anchor && between.length && curved(anchor, between, next)) for (const p of between) measure(p);
    anchor = next;
    between = [];
  }

  function add(frame: FrameMeasure, image: QcImage): void {
    const p: Pending = { frame, image, cheap: interiorColor(image, hist) };
    last = p;
    if (frame.index % stride === 0 || frame.index / options.fps < START_SECONDS) close(p);
    else between.push(p);
  }

  function finish(): void {
    if (!last || last.frame.colorMeasured) return;
    between.pop();
    close(last);
  }

  return { add, finish };
}

/** Whether the frames between two measured anchors may not lie on the straight line between them. */
function curved(a: Pending, between: Pending[], b: Pending): boolean {
  if (!a.frame.garment !== !b.frame.garment) return true;
  if (a.frame.garment && b.frame.garment && deltaE2000(a.frame.garment, b.frame.garment) > STEP) return true;
  const span = b.frame.index - a.frame.index;
  for (const p of between) {
    if (!a.cheap || !b.cheap || !p.cheap) {
      if (a.cheap || b.cheap || p.cheap) return true;
      continue;
    }
    const f = (p.frame.index - a.frame.index) / span;
    const line = { l: a.cheap.l + (b.cheap.l - a.cheap.l) * f, a: a.cheap.a + (b.cheap.a - a.cheap.a) * f, b: a.cheap.b + (b.cheap.b - a.cheap.b) * f };
    if (deltaE2000(line, p.cheap) > DEVIATION) return true;
  }
  return false;
}

/**
 * The cheap garment colour: the interquartile mean Lab of the subject's interior (subject pixels
 * whose four neighbours are subject too, so the outline's blend with the backdrop is left out), read
 * on every second pixel of every second row (a quarter of them: on the simulator and benchmark clips
 * it moves no more than on all of them), or null when the subject has no interior. The histograms
 * are reused from frame to frame.
 */
function interiorColor(image: QcImage, hist: { l: Histogram; a: Histogram; b: Histogram }): Lab | null {
  const { width, height, data } = image.subject.mask;
  const { l, a, b } = image.lab;
  for (const h of [hist.l, hist.a, hist.b]) {
    h.counts.fill(0);
    h.total = 0;
  }
  for (let y = 1; y < height - 1; y += 2) {
    for (let x = 1, i = y * width + 1; x < width - 1; x += 2, i += 2) {
      if (!data[i] || !data[i - 1] || !data[i + 1] || !data[i - width] || !data[i + width]) continue;
      addToHistogram(hist.l, l[i]);
      addToHistogram(hist.a, a[i]);
      addToHistogram(hist.b, b[i]);
    }
  }
  return hist.l.total ? { l: interquartileMean(hist.l), a: interquartileMean(hist.a), b: interquartileMean(hist.b) } : null;
}
