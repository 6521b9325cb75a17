/**
 * The subject's exposure level: the colour engine's measureExposure (mean L* of the subject in
 * linear-light terms, EV against a target) run on the proxy inside the subject mask. The target is
 * the SKU swatch's L* when known (a black tee is not under-exposed), else the lighting preset's.
 */
import { measureExposure, type ExposureMeasure } from '../../color/balance/measure-exposure';
import type { QcContext } from '../qc-context';
import type { QcImage } from '../qc-image';
import { memoized } from '../qc-image';

/**
 * The target L* exposure is judged against for this context.
 * @example exposureTargetL(ctx) // 69.1 for a sage swatch
 */
export function exposureTargetL(ctx: QcContext): number {
  return ctx.swatch ? ctx.swatch.lab.l : ctx.lighting.targetL;
}

/**
 * @example measureSubjectExposure(image, ctx)?.ev // -0.12
 */
export function measureSubjectExposure(image: QcImage, ctx: QcContext): ExposureMeasure | null {
  const targetL = exposureTargetL(ctx);
  return memoized(image, `exposure:${targetL}`, () => {
    const res = measureExposure(image.proxy, { targetL, toleranceEv: ctx.lighting.toleranceEv, mask: image.subject.mask.data });
    return res.success ? res.exposure : null;
  });
}
