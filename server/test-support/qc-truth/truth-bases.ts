/**
 * The real photographs the QC ground-truth suite starts from, loaded as a garment layer over a
 * backdrop layer so variants can change one and keep the other exactly. Cutouts (samples/photos,
 * alpha = the true garment outline) are centred on a square studio backdrop; photos shot on pure
 * white keep their own backdrop pixels, their garment being what a flood fill of near-white from the
 * border does not reach (holes inside the outline count as garment, as they do for a retoucher).
 * Sources and licenses: samples/photos/SOURCES.md.
 */
import { join } from 'node:path';
import sharp from 'sharp';
import { erodeMask } from '@brandlock/core';
import { PHOTOS } from '../cutout-iou';

/** Which lighting preset (and lock category) a base is shot under. */
export type TruthSetting = 'packshot-white' | 'studio-warm';

export interface TruthBaseSpec {
  /** Path under samples/photos. */
  file: string;
  setting: TruthSetting;
  /** A white garment on a white backdrop: the hard case for segmentation and clipping. */
  whiteOnWhite?: boolean;
}

/**
 * Palette-quantised PNGs and mockups are included: QC must read them too, and the truth of every
 * variant is relative to the same file. Left out: the amateur cd-* photos (their true casts and
 * backdrops are unknown), the tote shot (two garments, no single SKU) and the hangers lifestyle shot.
 */
export const TRUTH_BASES: readonly TruthBaseSpec[] = [
  { file: 'packshot/payload-tshirt-white-cutout.png', setting: 'packshot-white', whiteOnWhite: true },
  { file: 'packshot/payload-tshirt-black-cutout.png', setting: 'packshot-white' },
  { file: 'packshot/payload-cap-black-cutout.png', setting: 'packshot-white' },
  { file: 'packshot/solidus-hoodie-red-cutout.png', setting: 'studio-warm' },
  { file: 'packshot/solidus-hoodie-black-cutout.png', setting: 'studio-warm' },
  { file: 'packshot/solidus-longsleeve-red-cutout.png', setting: 'studio-warm' },
  { file: 'packshot/solidus-beanie-black-cutout.png', setting: 'studio-warm' },
  { file: 'flatlay/solidus-tee-black-angled-cutout.png', setting: 'studio-warm' },
  { file: 'on-model/solidus-hoodie-red-onmodel-cutout.png', setting: 'studio-warm' },
  { file: 'packshot/solidus-zip-hoodie-grey-white-bg.jpg', setting: 'packshot-white' },
  { file: 'packshot/solidus-polo-red-navy-white-bg.jpg', setting: 'packshot-white' },
  { file: 'packshot/solidus-hoodie-blue-white-bg.jpg', setting: 'packshot-white' },
  { file: 'flatlay/solidus-tee-white-on-white.jpg', setting: 'packshot-white', whiteOnWhite: true },
  { file: 'flatlay/solidus-tee-blue-white-bg.jpg', setting: 'packshot-white' },
  { file: 'flatlay/solidus-longsleeve-black-white-bg.jpg', setting: 'packshot-white' },
  { file: 'flatlay/solidus-womens-tee-white-on-white.jpg', setting: 'packshot-white', whiteOnWhite: true },
];

/** The backdrop colours of the sample lock's presets (samples/brand-lock.json). */
export const BACKDROP_RGB: Readonly<Record<TruthSetting, readonly [number, number, number]>> = {
  'packshot-white': [255, 255, 255],
  'studio-warm': [244, 241, 236],
};

export interface TruthBase {
  spec: TruthBaseSpec;
  /** Short name: the file name without folder and extension. */
  name: string;
  width: number;
  height: number;
  /** Garment layer, RGB 8-bit, 3 bytes a pixel (meaningful where coverage > 0). */
  garment: Uint8Array;
  /** Garment coverage 0..1 a pixel (the cutout's alpha, or 0/1 for photos on white). */
  coverage: Float32Array;
  /** Backdrop layer, RGB 8-bit: the studio sweep, or the photo's own white backdrop. */
  backdrop: Uint8Array;
  /** 1 inside the garment's outline, edge blends included (what a backdrop check must stay clear of). */
  outline: Uint8Array;
}

/**
 * Loads a base at `size` px on its long side (cutouts: a square canvas of that size).
 * @example const base = await loadTruthBase(TRUTH_BASES[0], 1024);
 */
export async function loadTruthBase(spec: TruthBaseSpec, size: number): Promise<TruthBase> {
  const name = spec.file.replace(/^.*\//, '').replace(/\.[a-z]+$/, '');
  return spec.file.endsWith('-cutout.png') ? loadCutout(spec, name, size) : loadOnWhite(spec, name, size);
}

async function loadCutout(spec: TruthBaseSpec, name: string, size: number): Promise<TruthBase> {
  const path = join(PHOTOS, spec.file);
  const meta = await sharp(path).metadata();
  // A margin of 8% round the garment: a packshot never touches the frame.
  const side = Math.round(Math.max(meta.width!, meta.height!) * 1.16);
  // Two pipelines: sharp resizes before it extends whatever the call order.
  const square = await sharp(path)
    .ensureAlpha()
    .extend({ top: Math.floor((side - meta.height!) / 2), bottom: Math.ceil((side - meta.height!) / 2), left: Math.floor((side - meta.width!) / 2), right: Math.ceil((side - meta.width!) / 2), background: { r: 0, g: 0, b: 0, alpha: 0 } })
    .png({ compressionLevel: 1 })
    .toBuffer();
  const { data, info } = await sharp(square).resize(size, size, { kernel: 'lanczos3' }).raw().toBuffer({ resolveWithObject: true });
  if (info.width !== size || info.height !== size || info.channels !== 4) throw new Error(`${spec.file}: decoded ${info.width}x${info.height}x${info.channels}, expected ${size}x${size}x4`);
  const n = size * size;
  const garment = new Uint8Array(n * 3);
  const coverage = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    garment[i * 3] = data[i * 4];
    garment[i * 3 + 1] = data[i * 4 + 1];
    garment[i * 3 + 2] = data[i * 4 + 2];
    coverage[i] = data[i * 4 + 3] / 255;
  }
  const outline = Uint8Array.from(coverage, (c) => (c > 0 ? 1 : 0));
  return { spec, name, width: size, height: size, garment, coverage, backdrop: studioSweep(spec.setting, size, size), outline };
}

async function loadOnWhite(spec: TruthBaseSpec, name: string, size: number): Promise<TruthBase> {
  let pipeline = sharp(join(PHOTOS, spec.file)).removeAlpha().toColourspace('srgb');
  const meta = await sharp(join(PHOTOS, spec.file)).metadata();
  if (Math.max(meta.width!, meta.height!) !== size) pipeline = pipeline.resize(size, size, { fit: 'inside', kernel: 'lanczos3' });
  const { data, info } = await pipeline.raw().toBuffer({ resolveWithObject: true });
  const { width, height } = info;
  const n = width * height;
  const rgb = new Uint8Array(data.buffer, data.byteOffset, n * 3);
  const outline = floodBackdrop(rgb, width, height).map((b) => 1 - b);
  // The 2 px inside the outline blend garment and white: variants change only the garment inside
  // them and keep the photo's own edge, as a retoucher's masked adjustment does.
  const inner = erodeMask({ width, height, data: outline }, 2).data;
  const coverage = Float32Array.from(inner);
  return { spec, name, width, height, garment: rgb.slice(), coverage, backdrop: rgb.slice(), outline };
}

/** Pixels joined to the border through near-white (every channel >= 248): the white backdrop. */
function floodBackdrop(rgb: Uint8Array, width: number, height: number): Uint8Array {
  const n = width * height;
  const white = (i: number) => rgb[i * 3] >= 248 && rgb[i * 3 + 1] >= 248 && rgb[i * 3 + 2] >= 248;
  const seen = new Uint8Array(n);
  const stack: number[] = [];
  for (let x = 0; x < width; x++) stack.push(x, (height - 1) * width + x);
  for (let y = 0; y < height; y++) stack.push(y * width, y * width + width - 1);
  while (stack.length) {
    const i = stack.pop()!;
    if (seen[i] || !white(i)) continue;
    seen[i] = 1;
    const x = i % width;
    if (x > 0) stack.push(i - 1);
    if (x < width - 1) stack.push(i + 1);
    if (i >= width) stack.push(i - width);
    if (i < n - width) stack.push(i + width);
  }
  return seen;
}

/**
 * A seamless paper sweep in the preset's colour: pure white is flat 255 (as a marketplace demands);
 * a coloured sweep falls off by about 2% towards the corners and carries ±1 code of sensor grain, as
 * a real sweep does.
 */
export function studioSweep(setting: TruthSetting, width: number, height: number): Uint8Array {
  const [r, g, b] = BACKDROP_RGB[setting];
  const out = new Uint8Array(width * height * 3);
  const flat = setting === 'packshot-white';
  for (let y = 0, i = 0; y < height; y++) {
    for (let x = 0; x < width; x++, i++) {
      const dx = x / width - 0.5;
      const dy = y / height - 0.45;
      const fall = flat ? 1 : 1 - 0.04 * (dx * dx + dy * dy) * 2;
      const grain = flat ? 0 : (hash(i) % 3) - 1;
      out[i * 3] = clamp8(r * fall + grain);
      out[i * 3 + 1] = clamp8(g * fall + grain);
      out[i * 3 + 2] = clamp8(b * fall + grain);
    }
  }
  return out;
}

/** A deterministic integer hash (no Math.random: the suite is the same on every run). */
export function hash(i: number): number {
  let h = (i ^ 0x9e3779b9) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b) >>> 0;
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35) >>> 0;
  return (h ^ (h >>> 16)) >>> 0;
}

export function clamp8(v: number): number {
  return v <= 0 ? 0 : v >= 255 ? 255 : Math.round(v);
}
