/**
 * Exposure of the garment, measured on its dominant fabric (a white logo on navy is not over-
 * exposure). With the SKU's swatch known, the measured swatch's lightness is compared with the
 * target swatch's (the same definition on both sides, see measureSwatch); without one, the fabric's
 * mean L* is compared with the lighting preset's target (the preset's "subject mean L*"). Either
 * way in stops: EV = log2 of the luminance ratio, + is over-exposed.
 */
import { luminanceOfLightness } from '../../color/balance/measure-exposure';
import type { QcContext } from '../qc-context';
import type { QcImage } from '../qc-image';
import { measureSwatch } from './measure-swatch';

export interface SubjectExposure {
  ev: number;
  /** The measured L*: the swatch's, or the fabric's mean. */
  measuredL: number;
  targetL: number;
  basis: 'swatch' | 'fabric-mean';
}

/**
 * The target L* exposure is judged against for this context.
 * @example exposureTargetL(ctx) // 69.1 for a sage swatch
 */
export function exposureTargetL(ctx: QcContext): number {
  return ctx.swatch ? ctx.swatch.lab.l : ctx.lighting.targetL;
}

/**
 * Stops between two lightnesses: log2 of their luminance ratio.
 * @example exposureEv(57.7, 50) // +0.5 (about 41% more light)
 */
export function exposureEv(measuredL: number, targetL: number): number {
  return Math.log2(Math.max(luminanceOfLightness(measuredL), 1e-6) / Math.max(luminanceOfLightness(targetL), 1e-6));
}

/**
 * @example measureSubjectExposure(image, ctx)?.ev // -0.12
 */
export function measureSubjectExposure(image: QcImage, ctx: QcContext): SubjectExposure | null {
  const swatch = measureSwatch(image);
  if (!swatch) return null;
  const targetL = exposureTargetL(ctx);
  const measuredL = ctx.swatch ? swatch.lab.l : swatch.fabricMeanL;
  return { ev: exposureEv(measuredL, targetL), measuredL, targetL, basis: ctx.swatch ? 'swatch' : 'fabric-mean' };
}
