/**
 * The ground-truth variants of one base photo, each with what is true of it by construction: the
 * swatch's ΔE00 from the reference (the base's swatch, measured by the documented definition on the
 * true garment outline), the exposure offset in EV, clipped shares of the garment, the backdrop's cast
 * and spread, blur and JPEG quality. The expected verdict is derived from these and the thresholds
 * (expected-verdict.ts), never from what QC says.
 */
import { deltaE2000, dilateMask, fabricMask, measureRasterSwatch, measureSwatchWithin, prepareQcImage, srgb8ToLab, type Lab, type Raster } from '@brandlock/core';
import { BACKDROP_RGB, type TruthBase } from './truth-bases';
import { composite, gainGarment, garmentMask, offsetLab, paintHotspot, paintPrint } from './variant-ops';

export type TruthClass = 'original' | 'delta-e' | 'exposure' | 'hotspot' | 'cast' | 'busy-backdrop' | 'blur' | 'jpeg' | 'print';
export const TRUTH_CLASSES: readonly TruthClass[] = ['original', 'delta-e', 'exposure', 'hotspot', 'cast', 'busy-backdrop', 'blur', 'jpeg', 'print'];

export interface Truth {
  /** ΔE00 of the variant's true swatch from the reference swatch. */
  deltaE: number;
  /** True exposure offset of the fabric, EV. */
  ev: number;
  /** Garment pixels with two or more channels at 254+, percent of the garment. */
  highlightClipPct: number;
  /** Garment pixels with every channel at 1 or below, percent. */
  shadowClipPct: number;
  /** Backdrop cast vs the preset's backdrop, ΔE00 at the same L*. */
  castDeltaE: number;
  /** 95th percentile ΔE00 of backdrop pixels from their median. */
  backdropP95: number;
  /** Backdrop pixels below pure white, percent. */
  nonWhitePct: number;
  /** Gaussian blur added, px (a lower bound of the image's blur). */
  blurPx: number;
  jpegQuality: number;
}

export interface TruthVariant {
  base: string;
  cls: TruthClass;
  label: string;
  whiteOnWhite: boolean;
  setting: TruthBase['spec']['setting'];
  /** RGBA 8-bit, before blur and encoding. */
  raster: Raster;
  truth: Truth;
  /** The Lab offset a recolour asked for (the ladder): the scorer replaces the truth with what the file carries. */
  offset?: Lab;
}

export const DELTA_E_LADDER = [0.5, 1, 1.5, 2.5, 3.5, 5, 7, 10] as const;
/** Exposure steps, EV: the flag band (0.45, between every sample preset's tolerance and the 0.5 reject limit) and three rejects; like the ΔE00 ladder, no step sits on a limit, where a verdict has no truth. */
export const EV_STEPS = [-1.5, -1, -0.45, 0.45, 1, 1.5] as const;
/** Clipped hotspot sizes, share of the garment. */
export const HOTSPOT_SHARES = [0.003, 0.03, 0.05, 0.08] as const;
export const CAST_STEPS = [1.2, 3.5, 7] as const;
export const BLUR_SIGMAS = [1.6, 3.5] as const;
export const JPEG_QUALITIES = [40, 20] as const;

export interface TruthReference {
  lab: Lab;
  mask: Uint8Array;
}

/**
 * The reference swatch of a base: the documented measure (measureRasterSwatch) on the unmodified
 * composite, inside the true garment outline, as a brand pins a swatch from an approved image.
 */
export function truthReference(base: TruthBase): TruthReference | null {
  const mask = garmentMask(base);
  const raster = rasterOf(base, composite(base, base.garment, base.backdrop));
  const swatch = measureRasterSwatch(raster, { subjectMask: { width: base.width, height: base.height, data: mask }, matte: BACKDROP_RGB[base.spec.setting] });
  return swatch ? { lab: swatch.lab, mask } : null;
}

/**
 * Every variant of a base (or those `keep` names: class and label, a recolour's label without its
 * axis). `busy` is a busy backdrop (RGB at the base's size) for cutouts.
 * @example variantsOf(base, ref, busy).filter((v) => v.cls === 'delta-e').length // 8
 */
export function variantsOf(base: TruthBase, ref: TruthReference, busy: Uint8Array | null, keep: (cls: TruthClass, label: string) => boolean = () => true): TruthVariant[] {
  const out: TruthVariant[] = [];
  const clean = cleanBackdropTruth(base, base.backdrop);
  const baseRgba = composite(base, base.garment, base.backdrop);
  const add = (cls: TruthClass, label: string, garment: Uint8Array, truth: Partial<Truth>, backdrop = base.backdrop, backdropTruth = clean, offset?: Lab) => {
    const rgba = composite(base, garment, backdrop);
    out.push({
      base: base.name,
      cls,
      label,
      whiteOnWhite: Boolean(base.spec.whiteOnWhite),
      setting: base.spec.setting,
      raster: rasterOf(base, rgba),
      truth: { deltaE: 0, ev: 0, blurPx: 0, jpegQuality: 95, ...clipTruth(rgba, baseRgba, ref.mask), ...backdropTruth, ...truth },
      ...(offset ? { offset } : {}),
    });
  };
  if (keep('original', 'unmodified')) add('original', 'unmodified', base.garment, {});
  for (const d of DELTA_E_LADDER) {
    if (!keep('delta-e', `ΔE00 ${d}`)) continue;
    const shifted = recolour(base, ref.lab, d);
    if (shifted) add('delta-e', `ΔE00 ${d} (${shifted.axis})`, shifted.garment, { deltaE: d, ev: shifted.ev }, base.backdrop, clean, shifted.offset);
  }
  for (const ev of EV_STEPS) {
    if (!keep('exposure', `${ev > 0 ? '+' : ''}${ev} EV`)) continue;
    const garment = gainGarment(base, ev);
    const truth = measureRasterSwatch(rasterOf(base, composite(base, garment, base.backdrop)), { subjectMask: { width: base.width, height: base.height, data: ref.mask } });
    add('exposure', `${ev > 0 ? '+' : ''}${ev} EV`, garment, { ev, deltaE: truth ? deltaE2000(ref.lab, truth.lab) : 0 });
  }
  for (const share of HOTSPOT_SHARES) {
    if (!keep('hotspot', `clipped hotspot ${(share * 100).toFixed(1)}% of the garment`)) continue;
    const spot = paintHotspot(base, base.garment, share);
    if (spot) add('hotspot', `clipped hotspot ${(share * 100).toFixed(1)}% of the garment`, spot.garment, { deltaE: litTruth(base, ref, spot) });
  }
  if (base.spec.setting === 'studio-warm') {
    for (const [k, d] of CAST_STEPS.entries()) {
      if (!keep('cast', `backdrop cast ΔE00 ${d}`)) continue;
      const tinted = tintBackdrop(base, d, k);
      add('cast', `backdrop cast ΔE00 ${d} ${tinted.direction}`, base.garment, {}, tinted.backdrop, cleanBackdropTruth(base, tinted.backdrop, d));
    }
  }
  if (busy && base.spec.file.endsWith('-cutout.png') && keep('busy-backdrop', 'busy backdrop')) add('busy-backdrop', 'busy backdrop', base.garment, {}, busy, cleanBackdropTruth(base, busy));
  for (const sigma of BLUR_SIGMAS.filter((x) => keep('blur', `Gaussian blur σ ${x} px`))) add('blur', `Gaussian blur σ ${sigma} px`, base.garment, { blurPx: sigma });
  for (const q of JPEG_QUALITIES.filter((x) => keep('jpeg', `JPEG quality ${x}`))) add('jpeg', `JPEG quality ${q}`, base.garment, { jpegQuality: q });
  type Rgb = readonly [number, number, number];
  const dark: Rgb = ref.lab.l > 55 ? [28, 36, 72] : [236, 232, 224];
  const prints: { label: string; share: number; colors: Rgb[] }[] = [
    { label: 'one-colour print 6%', share: 0.06, colors: [dark] },
    { label: 'two-colour logo 10%', share: 0.1, colors: [[196, 38, 44], [232, 196, 40]] },
  ];
  for (const p of prints) {
    if (!keep('print', p.label)) continue;
    const printed = paintPrint(base, base.garment, p.share, p.colors);
    if (printed) add('print', p.label, printed.garment, { deltaE: fabricTruth(base, ref, printed.region) });
  }
  return out;
}

function rasterOf(base: TruthBase, rgba: Uint8Array): Raster {
  return { width: base.width, height: base.height, depth: 8, data: rgba };
}

/**
 * The fabric's true swatch when a region is painted over (a print): the definition on the untouched
 * fabric of the original, outside the region.
 */
function fabricTruth(base: TruthBase, ref: TruthReference, region: Uint8Array): number {
  const data = ref.mask.slice();
  for (let i = 0; i < data.length; i++) if (region[i]) data[i] = 0;
  const raster = rasterOf(base, composite(base, base.garment, base.backdrop));
  const swatch = measureRasterSwatch(raster, { subjectMask: { width: base.width, height: base.height, data } });
  return swatch ? deltaE2000(ref.lab, swatch.lab) : 0;
}

/**
 * The true swatch of a garment lit by a highlight: the definition with the true geometry. The
 * dominant fabric (as the reference was measured, on the original) outside the highlight's true
 * lobe, read by the definition's statistic on the lit image; when the lobe covers over three
 * quarters of the fabric, the quarter of the fabric farthest from the highlight, as the lit image
 * shows it (no part of the fabric is unlit there to read).
 */
function litTruth(base: TruthBase, ref: TruthReference, spot: { region: Uint8Array; centre: { x: number; y: number }; garment: Uint8Array }): number {
  const subjectMask = { width: base.width, height: base.height, data: ref.mask };
  const matte = BACKDROP_RGB[base.spec.setting];
  const original = prepareQcImage(rasterOf(base, composite(base, base.garment, base.backdrop)), { subjectMask, matte });
  const fabric = fabricMask(original)?.mask;
  if (!fabric) return 0;
  const lit = prepareQcImage(rasterOf(base, composite(base, spot.garment, base.backdrop)), { subjectMask, matte });
  const k = lit.factor;
  const cx = spot.centre.x / k;
  const cy = spot.centre.y / k;
  const away = new Uint8Array(fabric.data.length);
  const distance = new Float32Array(fabric.data.length);
  const inside: number[] = [];
  let area = 0;
  let kept = 0;
  for (let i = 0; i < away.length; i++) {
    if (!fabric.data[i]) continue;
    const x = i % fabric.width;
    const y = Math.floor(i / fabric.width);
    distance[i] = Math.hypot(x - cx, y - cy);
    inside.push(distance[i]);
    area++;
    // A proxy pixel is in the lobe when the full-resolution pixel at its centre is.
    const full = Math.min(base.height - 1, Math.floor((y + 0.5) * k)) * base.width + Math.min(base.width - 1, Math.floor((x + 0.5) * k));
    if (!spot.region[full]) away[i] = 1;
    kept += away[i];
  }
  if (kept < 0.25 * area) {
    inside.sort((a, b) => a - b);
    const far = inside[Math.floor(0.75 * (inside.length - 1))];
    for (let i = 0; i < away.length; i++) away[i] = fabric.data[i] && distance[i] >= far ? 1 : 0;
  }
  const swatch = measureSwatchWithin(lit, { ...fabric, data: away });
  return swatch ? deltaE2000(ref.lab, swatch.lab) : 0;
}

/**
 * A Lab offset of exactly ΔE00 `d` from the reference, along the first axis (a*, -a*, b*, -b*, then
 * darker) that keeps 99.5% of the garment inside the sRGB gamut; null when none does.
 */
function recolour(base: TruthBase, ref: Lab, d: number): { garment: Uint8Array; axis: string; offset: Lab; ev: number } | null {
  const axes: [string, Lab][] = [
    ['a*+', { l: 0, a: 1, b: 0 }],
    ['a*-', { l: 0, a: -1, b: 0 }],
    ['b*+', { l: 0, a: 0, b: 1 }],
    ['b*-', { l: 0, a: 0, b: -1 }],
    ['L*-', { l: -1, a: 0, b: 0 }],
  ];
  for (const [axis, dir] of axes) {
    let lo = 0;
    let hi = 60;
    for (let k = 0; k < 40; k++) {
      const t = (lo + hi) / 2;
      if (deltaE2000(ref, { l: ref.l + dir.l * t, a: ref.a + dir.a * t, b: ref.b + dir.b * t }) < d) lo = t;
      else hi = t;
    }
    const offset = { l: dir.l * lo, a: dir.a * lo, b: dir.b * lo };
    if (ref.l + offset.l < 3) continue;
    const { garment, outOfGamut } = offsetLab(base, offset);
    if (outOfGamut <= 0.005) return { garment, axis, offset, ev: offset.l ? evBetween(ref.l + offset.l, ref.l) : 0 };
  }
  return null;
}

function evBetween(l: number, target: number): number {
  const y = (v: number) => (v > 8 ? ((v + 16) / 116) ** 3 : v / 903.3);
  return Math.log2(y(l) / y(target));
}

/**
 * Clipping over the garment's pixels. Highlights: what the variant added (clipped now and not in the
 * base photo); the base is an approved photo, so what it already clips (white trims, cords, a glint)
 * is taken as acceptable, and the rule itself leaves white prints out. Shadows: every crushed pixel,
 * the base's own included, since the rule has no such exclusion (black in every channel is crushed).
 */
function clipTruth(rgba: Uint8Array, base: Uint8Array, mask: Uint8Array): { highlightClipPct: number; shadowClipPct: number } {
  const blown = (px: Uint8Array, p: number) => (px[p] >= 254 ? 1 : 0) + (px[p + 1] >= 254 ? 1 : 0) + (px[p + 2] >= 254 ? 1 : 0) >= 2;
  const crushed = (px: Uint8Array, p: number) => px[p] <= 1 && px[p + 1] <= 1 && px[p + 2] <= 1;
  let n = 0;
  let hi = 0;
  let lo = 0;
  for (let i = 0; i < mask.length; i++) {
    if (!mask[i]) continue;
    n++;
    const p = i * 4;
    if (blown(rgba, p) && !blown(base, p)) hi++;
    if (crushed(rgba, p)) lo++;
  }
  return { highlightClipPct: (hi / n) * 100, shadowClipPct: (lo / n) * 100 };
}

/**
 * The Lab offset a file really carries: the mean per-pixel difference from the original file over
 * the garment's lit fabric (pixels within 10 L* of the swatch). 8-bit rounding and JPEG's YCbCr
 * rounding take a share of a small shift on near-neutral dark fabric (a* +2.5 on black lands as
 * about +2.1); the truth is what reaches the customer's screen.
 * @example realisedOffset(variant, original, mask, ref.lab) // { l: 0.3, a: 2.13, b: 0 }
 */
export function realisedOffset(variant: Raster, original: Raster, mask: Uint8Array, swatch: Lab): Lab {
  const x = { l: 0, a: 0, b: 0 };
  const y = { l: 0, a: 0, b: 0 };
  let n = 0;
  const sum = { l: 0, a: 0, b: 0 };
  for (let i = 0; i < mask.length; i++) {
    if (!mask[i]) continue;
    const p = i * 4;
    srgb8ToLab(original.data[p], original.data[p + 1], original.data[p + 2], y);
    if (Math.abs(y.l - swatch.l) > 10) continue;
    srgb8ToLab(variant.data[p], variant.data[p + 1], variant.data[p + 2], x);
    sum.l += x.l - y.l;
    sum.a += x.a - y.a;
    sum.b += x.b - y.b;
    n++;
  }
  return n ? { l: sum.l / n, a: sum.a / n, b: sum.b / n } : { l: 0, a: 0, b: 0 };
}

/** Truths of a backdrop: its spread, its share below pure white, and (given by construction) its cast. */
function cleanBackdropTruth(base: TruthBase, backdrop: Uint8Array, cast = 0): Pick<Truth, 'castDeltaE' | 'backdropP95' | 'nonWhitePct'> {
  const labs: Lab[] = [];
  // QC's backdrop (background-stats.ts) leaves out a margin of 1% of the frame round the subject,
  // where shadows and edge blends live; the truth is taken on the same pixels.
  const margin = Math.max(2, Math.round(Math.min(base.width, base.height) * 0.01));
  const near = dilateMask({ width: base.width, height: base.height, data: base.outline }, margin).data;
  let n = 0;
  let nonWhite = 0;
  for (let i = 0; i < near.length; i++) {
    if (near[i]) continue;
    n++;
    const p = i * 3;
    if (backdrop[p] < 255 || backdrop[p + 1] < 255 || backdrop[p + 2] < 255) nonWhite++;
    if (n % 7 === 0) labs.push(srgb8ToLab(backdrop[p], backdrop[p + 1], backdrop[p + 2], { l: 0, a: 0, b: 0 }));
  }
  const med = (k: keyof Lab) => labs.map((x) => x[k]).sort((a, b) => a - b)[labs.length >> 1];
  const median = { l: med('l'), a: med('a'), b: med('b') };
  const spread = labs.map((x) => deltaE2000(median, x)).sort((a, b) => a - b);
  return { castDeltaE: cast, backdropP95: spread[Math.floor(spread.length * 0.95)] ?? 0, nonWhitePct: n ? (nonWhite / n) * 100 : 0 };
}

/** The backdrop tinted so its colour is ΔE00 `d` from the preset's at the same L* (warm, cool or green by turn). */
function tintBackdrop(base: TruthBase, d: number, turn: number): { backdrop: Uint8Array; direction: string } {
  const [r, g, b] = BACKDROP_RGB[base.spec.setting];
  const target = srgb8ToLab(r, g, b, { l: 0, a: 0, b: 0 });
  const dirs: [string, number, number][] = [['cool', 0, -1], ['warm', 0.35, 1], ['green', -1, 0.2]];
  const [direction, da, db] = dirs[turn % dirs.length];
  let lo = 0;
  let hi = 40;
  for (let k = 0; k < 40; k++) {
    const t = (lo + hi) / 2;
    if (deltaE2000(target, { l: target.l, a: target.a + da * t, b: target.b + db * t }) < d) lo = t;
    else hi = t;
  }
  const shifted = offsetLab({ ...base, garment: base.backdrop, coverage: Float32Array.from(base.coverage, (c) => (c < 1 ? 1 : 0)) }, { l: 0, a: da * lo, b: db * lo });
  return { backdrop: shifted.garment, direction };
}
