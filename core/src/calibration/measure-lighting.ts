/**
 * What one approved reference photo says about its lighting, measured on QC's prepared image (the
 * subject mask QC uses):
 * - backdrop colour: the median of the backdrop pixels (QC's background measure); none on a cut-out;
 * - exposure: the subject's mean L* as QC's exposure rule computes it (mean luminance, then L*);
 * - colour temperature: the backdrop's apparent white point (McCamy CCT), or the brightest tenth of
 *   the subject's near-neutral pixels on a cut-out;
 * - key direction and key/fill ratio: a plane fitted to the subject's luminance (the brightest 3% and
 *   darkest 5% left out, as for the garment colour) gives the side the light comes from and how much
 *   brighter the lit side is than the shadow side (the plane's luminance a quarter of the subject
 *   either side of its centre, along the gradient). On a rendered lit dome it reads 1.5:1 as 1.8:1,
 *   2:1 as 2.2:1, 4:1 as 3.5:1 and 8:1 as 7.3:1: an estimate, not a light meter. The side the key
 *   comes from is reliable; a side light and a 45° light of a harder ratio can read alike. A garment's own colour blocks or print bias this,
 *   which is why several references are combined and their spread shown.
 */
import type { KeyDirection } from '../brand/lighting-preset';
import type { z } from 'zod';
import { labToSrgb, type Lab } from '../color/lab';
import { lightnessOfLuminance, luminanceOfLightness } from '../color/balance/measure-exposure';
import { measureBackground } from '../qc/measure/background-stats';
import type { QcImage } from '../qc/qc-image';
import { hexOf } from '../palette-import/number-text';
import { cctOfLab } from './colour-temperature';

export interface LightingMeasurement {
  backdrop: { lab: Lab; hex: string } | null;
  meanL: number;
  cctK: number | null;
  /** Where the key comes from, estimated. */
  keyDirection: z.infer<typeof KeyDirection>;
  /** L* change across the subject, left to right (+: brighter on the right) and top to bottom (+: brighter at the bottom). */
  gradient: { x: number; y: number };
  keyFillRatio: number;
  subjectPixels: number;
}

/** Below this L* change across the subject the light reads as frontal. */
const FRONTAL = 6;
/** A gradient this strong reads as light from the side rather than at 45°: a weak distinction from shading alone. */
const SIDE = 55;

/**
 * @example measureLighting(prepareQcImage(raster)).keyDirection // 'left-45'
 */
export function measureLighting(image: QcImage): LightingMeasurement | null {
  const { lab } = image;
  const mask = image.subject.mask.data;
  const w = lab.width;
  let minX = w, maxX = 0, minY = lab.height, maxY = 0;
  const ls: number[] = [];
  for (let i = 0; i < mask.length; i++) {
    if (!mask[i] || (lab.alpha && lab.alpha[i] < 250)) continue;
    ls.push(lab.l[i]);
    const x = i % w;
    const y = (i / w) | 0;
    if (x < minX) minX = x;
    if (x > maxX) maxX = x;
    if (y < minY) minY = y;
    if (y > maxY) maxY = y;
  }
  if (ls.length < 100) return null;
  const sorted = [...ls].sort((a, b) => a - b);
  const lo = sorted[Math.floor(sorted.length * 0.05)];
  const hi = sorted[Math.floor(sorted.length * 0.97)];
  // Least squares L = c + gx * u + gy * v over the kept pixels, u and v in 0..1 across the subject box.
  let n = 0, su = 0, sv = 0, sl = 0, suu = 0, svv = 0, suv = 0, sul = 0, svl = 0, sumY = 0;
  const bw = Math.max(1, maxX - minX);
  const bh = Math.max(1, maxY - minY);
  const neutral: number[] = [];
  for (let i = 0; i < mask.length; i++) {
    if (!mask[i] || (lab.alpha && lab.alpha[i] < 250)) continue;
    const L = lab.l[i];
    sumY += luminanceOfLightness(L);
    if (L < lo || L > hi) continue;
    const u = ((i % w) - minX) / bw;
    const v = (((i / w) | 0) - minY) / bh;
    n++;
    su += u; sv += v; sl += L; suu += u * u; svv += v * v; suv += u * v; sul += u * L; svl += v * L;
    if (Math.hypot(lab.a[i], lab.b[i]) < 8) neutral.push(i);
  }
  const meanL = lightnessOfLuminance(sumY / ls.length);
  const [gx, gy] = solvePlane(n, su, sv, sl, suu, svv, suv, sul, svl);
  const strength = Math.hypot(gx, gy);
  const keyDirection = direction(gx, gy, strength);
  // The plane at the subject's centre, and a quarter of the box either side along the gradient: the
  // central half, where the light's falloff is read without the grazing edges of a rounded garment.
  const centre = sl / Math.max(1, n) + gx * (0.5 - su / Math.max(1, n)) + gy * (0.5 - sv / Math.max(1, n));
  const litL = centre + 0.25 * (Math.abs(gx) + Math.abs(gy));
  const darkL = centre - 0.25 * (Math.abs(gx) + Math.abs(gy));
  const keyFillRatio = strength < FRONTAL ? 1 : Math.min(32, Math.max(1, luminanceOfLightness(Math.min(100, litL)) / Math.max(1e-4, luminanceOfLightness(Math.max(1, darkL)))));
  const bg = measureBackground(image);
  const backdrop = bg ? { lab: bg.median, hex: hexOf(...labToSrgb(bg.median)) } : null;
  let cctK: number | null = backdrop ? cctOfLab(backdrop.lab) : null;
  if (cctK === null && neutral.length > 50) {
    const top = neutral.sort((a, b) => lab.l[b] - lab.l[a]).slice(0, Math.max(10, Math.floor(neutral.length / 10)));
    const mean = top.reduce((m, i) => ({ l: m.l + lab.l[i] / top.length, a: m.a + lab.a[i] / top.length, b: m.b + lab.b[i] / top.length }), { l: 0, a: 0, b: 0 });
    cctK = cctOfLab(mean);
  }
  return { backdrop, meanL, cctK: cctK !== null && Number.isFinite(cctK) ? cctK : null, keyDirection, gradient: { x: gx, y: gy }, keyFillRatio, subjectPixels: ls.length };
}

function solvePlane(n: number, su: number, sv: number, sl: number, suu: number, svv: number, suv: number, sul: number, svl: number): [number, number] {
  if (n < 3) return [0, 0];
  const mu = su / n, mv = sv / n, ml = sl / n;
  const cuu = suu / n - mu * mu, cvv = svv / n - mv * mv, cuv = suv / n - mu * mv;
  const cul = sul / n - mu * ml, cvl = svl / n - mv * ml;
  const det = cuu * cvv - cuv * cuv;
  if (Math.abs(det) < 1e-12) return [0, 0];
  return [(cul * cvv - cvl * cuv) / det, (cvl * cuu - cul * cuv) / det];
}

function direction(gx: number, gy: number, strength: number): LightingMeasurement['keyDirection'] {
  if (strength < FRONTAL) return 'front';
  // Light comes from the brighter side: gx < 0 means brighter on the left.
  if (-gy > 2 * Math.abs(gx)) return 'top';
  const side = gx < 0 ? 'left' : 'right';
  return Math.abs(gx) > 2 * Math.abs(gy) && strength > SIDE ? side : `${side}-45`;
}
