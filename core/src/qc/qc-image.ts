/**
 * The image as QC sees it: the full-resolution raster (for sharpness, clipping and halo, which need
 * every pixel), an analysis proxy of at most 0.6 MP with its Lab planes, and the subject mask found
 * on the proxy. Colour statistics need far fewer pixels than that; the mask's edge is refined at
 * full resolution where it matters (halo). Measures used by several rules are memoised on the image.
 */
import type { Raster } from '../raster/raster';
import { downsampleRaster, type Proxy } from '../raster/downsample-raster';
import { rasterToLab, type LabImage } from '../raster/lab-image';
import { segmentSubject, type SegmentOptions, type SubjectSegmentation } from '../raster/segment-subject';
import { maskArea, maskBox, scaleBox, type Box, type Mask } from '../raster/mask';

export interface QcImage {
  full: Raster;
  proxy: Raster;
  /** Full-resolution pixels per proxy pixel. */
  factor: number;
  lab: LabImage;
  subject: SubjectSegmentation;
  /** 8-bit sRGB colour transparent pixels are composited over (the lighting preset's backdrop). */
  matte: readonly [number, number, number];
  /** Measures shared between rules, computed once. */
  memo: Map<string, unknown>;
}

export interface PrepareOptions {
  /** A proxy made elsewhere (sharp on the server); made here by area averaging when absent. */
  proxy?: Proxy;
  /** Largest proxy size when this function makes it. Default DEFAULT_PROXY_PIXELS. */
  maxProxyPixels?: number;
  matte?: readonly [number, number, number];
  segment?: SegmentOptions;
  /**
   * The subject as the caller knows it (Photoshop's Select Subject, a person's selection), on the
   * full-resolution or the proxy grid; it replaces the segmented mask. The backdrop model is still
   * taken from the image.
   */
  subjectMask?: Mask;
}

/** The default analysis proxy size: enough for colour statistics, small enough to segment quickly. */
export const DEFAULT_PROXY_PIXELS = 300_000;

/**
 * Builds the proxy, its Lab planes and the subject mask.
 * @example const image = prepareQcImage(raster, { matte: [244, 241, 236] });
 */
export function prepareQcImage(full: Raster, options: PrepareOptions = {}): QcImage {
  const proxy = options.proxy ?? downsampleRaster(full, options.maxProxyPixels ?? DEFAULT_PROXY_PIXELS);
  const lab = rasterToLab(proxy.raster);
  const segmented = segmentSubject(lab, options.segment);
  const subject = options.subjectMask ? withSubjectMask(segmented, onProxyGrid(options.subjectMask, proxy.raster, proxy.factor)) : segmented;
  return { full, proxy: proxy.raster, factor: proxy.factor, lab, subject, matte: options.matte ?? [255, 255, 255], memo: new Map() };
}

/**
 * Runs `compute` once per image and key.
 * @example memoized(image, 'garment-color', () => computeIt(image))
 */
export function memoized<T>(image: QcImage, key: string, compute: () => T): T {
  if (!image.memo.has(key)) image.memo.set(key, compute());
  return image.memo.get(key) as T;
}

/**
 * A proxy-grid box in full-resolution pixels.
 * @example fullBox(image, { x: 10, y: 20, width: 5, height: 5 }) // x 50, y 100, 25 x 25 when the factor is 5
 */
export function fullBox(image: QcImage, box: Box): Box {
  return scaleBox(box, image.factor, image.full.width, image.full.height);
}

function withSubjectMask(seg: SubjectSegmentation, mask: Mask): SubjectSegmentation {
  return { ...seg, mask, box: maskBox(mask), coverage: maskArea(mask) / (mask.width * mask.height) };
}

/** A mask on the proxy grid: as given, or each proxy cell set when most of its full-resolution block is. */
function onProxyGrid(mask: Mask, proxy: Raster, k: number): Mask {
  if (mask.width === proxy.width && mask.height === proxy.height) return mask;
  if (Math.ceil(mask.width / k) !== proxy.width || Math.ceil(mask.height / k) !== proxy.height) {
    throw new RangeError(`subject mask is ${mask.width}x${mask.height}; expected the image's size or the proxy's (${proxy.width}x${proxy.height})`);
  }
  const counts = new Uint32Array(proxy.width * proxy.height);
  for (let y = 0; y < mask.height; y++) {
    const row = Math.floor(y / k) * proxy.width;
    for (let x = 0, p = y * mask.width; x < mask.width; x++, p++) if (mask.data[p]) counts[row + Math.floor(x / k)]++;
  }
  const data = new Uint8Array(counts.length);
  for (let py = 0; py < proxy.height; py++) {
    const rows = Math.min(k, mask.height - py * k);
    for (let px = 0; px < proxy.width; px++) data[py * proxy.width + px] = counts[py * proxy.width + px] * 2 >= rows * Math.min(k, mask.width - px * k) ? 1 : 0;
  }
  return { width: proxy.width, height: proxy.height, data };
}
