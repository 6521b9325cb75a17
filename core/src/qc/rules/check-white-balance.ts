/**
 * White balance: the cast of the backdrop (the one neutral area every studio shot has) against the
 * lighting preset's background colour. Only chroma counts: the measured and target colours are
 * compared at the measured lightness, so an exposure difference is not reported as a cast.
 * Flags above the category's maxCastDeltaE00, rejects above twice it.
 */
import { deltaE2000 } from '../../color/delta-e-2000';
import type { Finding } from '../finding';
import { gradeValue, roundMeasure } from '../finding';
import type { QcContext } from '../qc-context';
import type { QcImage } from '../qc-image';
import { measureBackground } from '../measure/background-stats';
import { labText } from './check-color-accuracy';

/**
 * @example checkWhiteBalance(image, ctx)[0].measured // 0.4 (ΔE00) on a neutral sweep
 */
export function checkWhiteBalance(image: QcImage, ctx: QcContext): Finding[] {
  const base = { rule: 'white-balance' as const, check: 'background-cast', unit: 'ΔE00' };
  const bg = measureBackground(image);
  if (!bg) {
    const why = image.subject.source === 'alpha' ? 'transparent background (a cutout)' : 'the subject fills the frame';
    return [{ ...base, severity: 'info', message: `no backdrop to measure a cast on: ${why}`, measured: null, limits: null }];
  }
  const target = ctx.lighting.background;
  const cast = deltaE2000({ l: bg.median.l, a: target.a, b: target.b }, bg.median);
  const max = ctx.thresholds.whiteBalance.maxCastDeltaE00;
  const limits = { direction: 'max' as const, flag: max, reject: max * 2 };
  const severity = gradeValue(cast, limits);
  const da = bg.median.a - target.a;
  const db = bg.median.b - target.b;
  const hue = [Math.abs(db) >= 0.5 ? (db > 0 ? `warm/yellow (b* ${signed(db)})` : `cool/blue (b* ${signed(db)})`) : '', Math.abs(da) >= 0.5 ? (da > 0 ? `magenta (a* ${signed(da)})` : `green (a* ${signed(da)})`) : '']
    .filter(Boolean)
    .join(', ');
  return [
    {
      ...base,
      severity,
      message: `backdrop ${labText(bg.median)} vs lighting "${ctx.lighting.id}" background ${ctx.lighting.backgroundText}: cast ΔE00 ${cast.toFixed(2)}${hue ? `, ${hue}` : ''}`,
      measured: roundMeasure(cast),
      limits,
      expected: ctx.lighting.backgroundText,
    },
  ];
}

function signed(v: number): string {
  return `${v >= 0 ? '+' : ''}${v.toFixed(1)}`;
}
