/**
 * White balance: the cast of the backdrop (the one neutral area every studio shot has) against the
 * lighting preset's background colour, measured by the colour engine's measureCast (neutral-region
 * mean in linear light, ΔE00 at the same L*, so exposure is not reported as a cast). A backdrop
 * clipped to white has no unclipped pixel to average; its median is compared instead.
 * Flags above the category's maxCastDeltaE00, rejects above twice it.
 */
import { deltaE2000 } from '../../color/delta-e-2000';
import { castDirection } from '../../color/balance/cast-direction';
import { measureCast } from '../../color/balance/measure-cast';
import type { Lab } from '../../color/lab';
import type { Finding } from '../finding';
import { gradeValue, roundMeasure } from '../finding';
import type { QcContext } from '../qc-context';
import type { QcImage } from '../qc-image';
import { backgroundPixels, measureBackground } from '../measure/background-stats';
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
  const measured = measureCast(image.proxy, { method: 'neutral-region', mask: backgroundPixels(image), reference: target });
  const lab: Lab = measured.success ? measured.cast.lab : bg.median;
  const cast = measured.success ? measured.cast.deltaE : deltaE2000({ l: bg.median.l, a: target.a, b: target.b }, bg.median);
  const direction = measured.success ? measured.cast.direction : castDirection(bg.median.a - target.a, bg.median.b - target.b, cast);
  const max = ctx.thresholds.whiteBalance.maxCastDeltaE00;
  const limits = { direction: 'max' as const, flag: max, reject: max * 2 };
  const severity = gradeValue(cast, limits);
  const shift = `a* ${signed(lab.a - target.a)}, b* ${signed(lab.b - target.b)}`;
  return [
    {
      ...base,
      severity,
      message: `backdrop ${labText(lab)} vs lighting "${ctx.lighting.id}" background ${ctx.lighting.backgroundText}: cast ΔE00 ${cast.toFixed(2)}${direction === 'neutral' ? '' : `, ${direction} (${shift})`}${measured.success ? '' : ' (backdrop clipped to white: median compared)'}`,
      measured: roundMeasure(cast),
      limits,
      expected: ctx.lighting.backgroundText,
    },
  ];
}

function signed(v: number): string {
  return `${v >= 0 ? '+' : ''}${v.toFixed(1)}`;
}
