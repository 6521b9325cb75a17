/**
 * Colour accuracy: the garment's measured swatch (see measureSwatch: the lit half of its dominant
 * fabric) against the SKU's swatch, as ΔE00. Rejected above the swatch tolerance (the category's maxDeltaE00 unless the palette sets
 * a tighter one), flagged above the category's flag level scaled the same way.
 */
import { deltaE2000 } from '../../color/delta-e-2000';
import type { Lab } from '../../color/lab';
import type { Finding } from '../finding';
import { gradeValue, roundMeasure } from '../finding';
import type { QcContext } from '../qc-context';
import { fullBox, type QcImage } from '../qc-image';
import { measureRivalSwatches, measureSwatch } from '../measure/measure-swatch';
import { isCleanSweep } from '../../raster/segment-subject';

/**
 * The flag and reject ΔE00 for a context: swatch tolerance, category flag level scaled alike.
 * @example colorLimits(ctx) // { flag: 2, reject: 3 } for the standard categories
 */
export function colorLimits(ctx: QcContext): { flag: number; reject: number } {
  const { maxDeltaE00, flagDeltaE00 } = ctx.thresholds;
  const reject = ctx.swatch ? Math.min(ctx.swatch.tolerance, maxDeltaE00) : maxDeltaE00;
  const flag = ((flagDeltaE00 ?? (maxDeltaE00 * 2) / 3) / maxDeltaE00) * reject;
  return { flag, reject };
}

/**
 * @example checkColorAccuracy(image, ctx)[0].measured // 1.4 (ΔE00)
 */
export function checkColorAccuracy(image: QcImage, ctx: QcContext): Finding[] {
  const base = { rule: 'color' as const, check: 'delta-e', unit: 'ΔE00' };
  if (!ctx.swatch) {
    return [{ ...base, severity: 'info', message: 'no target swatch for this image (give a brief, or name the colorway after a palette swatch)', measured: null, limits: null }];
  }
  if (image.subject.source === 'background' && image.subject.coverage < 0.02) {
    return [{ ...base, severity: 'flag', message: `no garment found to measure against swatch ${ctx.swatch.name}: the frame is nearly all backdrop (the garment blown out, or the colour of its backdrop); a person must look`, measured: null, limits: null }];
  }
  if (!isCleanSweep(image.subject, 0.5)) {
    return [{ ...base, severity: 'info', message: `not measured: the backdrop is not a clean studio sweep (${backdropWords(image)}), so the garment's outline is a guess; the background checks report it`, measured: null, limits: null }];
  }
  const garment = measureSwatch(image);
  if (!garment) {
    // A garment QC cannot find (blown out, or the backdrop's colour) cannot be passed on colour.
    return [{ ...base, severity: 'flag', message: `no garment found to measure against swatch ${ctx.swatch.name}: the garment may be blown out or the colour of its backdrop; a person must look`, measured: null, limits: null }];
  }
  const { flag, reject } = colorLimits(ctx);
  const de = deltaE2000(ctx.swatch.lab, garment.lab);
  const limits = { direction: 'max' as const, flag: roundMeasure(flag), reject: roundMeasure(reject) };
  let severity = gradeValue(de, limits);
  let message = `garment ${labText(garment.lab)} vs swatch ${ctx.swatch.name} ${labText(ctx.swatch.lab)}: ΔE00 ${de.toFixed(2)}${severity === 'pass' ? '' : `, ${direction(ctx.swatch.lab, garment.lab)}`}`;
  if (severity !== 'pass') {
    // Two garments of similar size (a tote and the outfit carrying it): if the other one is the
    // swatch's colour, the photo may be right and QC cannot tell which garment is the SKU.
    const rival = measureRivalSwatches(image)
      .map((r) => ({ swatch: r, de: deltaE2000(ctx.swatch!.lab, r.lab) }))
      .filter((r) => r.de <= flag)
      .sort((a, b) => a.de - b.de)[0];
    if (rival) {
      severity = 'flag';
      message = `the largest garment colour ${labText(garment.lab)} (${percent(garment.fabricShare)} of the subject) is ΔE00 ${de.toFixed(2)} from swatch ${ctx.swatch.name}, but another colour covering ${percent(rival.swatch.fabricShare)} matches it (ΔE00 ${rival.de.toFixed(2)}): a person must say which garment is the SKU`;
    }
  }
  const box = image.subject.box ? fullBox(image, image.subject.box) : undefined;
  return [
    {
      ...base,
      severity,
      message,
      measured: roundMeasure(de),
      limits,
      expected: ctx.swatch.hex ?? labText(ctx.swatch.lab),
      ...(box && severity !== 'pass' ? { box } : {}),
    },
  ];
}

/** How the backdrop measured, for saying why a mask is not trusted. */
export function backdropWords(image: QcImage): string {
  const s = image.subject;
  return `${percent(s.borderMatch)} of the border matches its colour within ${s.tolerance.toFixed(1)} Lab units`;
}

function percent(x: number): string {
  return `${Math.round(x * 100)}%`;
}

/**
 * "lab(52.1 10.3 -4.2)"
 * @example labText({ l: 52.12, a: 10.3, b: -4.25 }) // 'lab(52.1 10.3 -4.3)'
 */
export function labText(lab: Lab): string {
  return `lab(${lab.l.toFixed(1)} ${lab.a.toFixed(1)} ${lab.b.toFixed(1)})`;
}

/** Says which way the garment is off, in words a retoucher uses. */
function direction(target: Lab, got: Lab): string {
  const parts: string[] = [];
  const dl = got.l - target.l;
  const da = got.a - target.a;
  const db = got.b - target.b;
  if (Math.abs(dl) >= 1) parts.push(dl > 0 ? `lighter by ${dl.toFixed(1)} L*` : `darker by ${(-dl).toFixed(1)} L*`);
  if (Math.abs(da) >= 1) parts.push(da > 0 ? `redder (a* +${da.toFixed(1)})` : `greener (a* ${da.toFixed(1)})`);
  if (Math.abs(db) >= 1) parts.push(db > 0 ? `yellower (b* +${db.toFixed(1)})` : `bluer (b* ${db.toFixed(1)})`);
  return parts.length ? parts.join(', ') : 'small shifts in every axis';
}
