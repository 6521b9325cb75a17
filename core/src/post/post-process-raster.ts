/**
 * Post-production of a master, in place: the brand grade (LUT), then white balance against the
 * lighting preset's backdrop, exposure against the SKU's swatch (else the preset's target L*), then
 * the backdrop replaced by the preset's colour. Each correction is made only when its measure is
 * trustworthy (a clean studio sweep, or a cutout's alpha), and capped, so a bad photograph is left
 * for QC to reject rather than "fixed" into something worse. Pure: runs in Node, UXP and Figma.
 */
import type { LightingPreset } from '../brand/lighting-preset';
import type { TargetSwatch } from '../brief/planned-job';
import { parseColor } from '../color/parse-color';
import { labToSrgb, type Lab } from '../color/lab';
import { applyLut } from '../color/lut/apply-lut';
import type { CubeLut } from '../color/lut/cube-lut';
import type { PreparedLut } from '../color/lut/prepare-lut';
import { measureCast } from '../color/balance/measure-cast';
import { castCorrection, combineCorrections, exposureCorrection, type BalanceCorrection } from '../color/balance/balance-correction';
import { applyBalance } from '../color/balance/apply-curves';
import type { Raster } from '../raster/raster';
import { downsampleRaster } from '../raster/downsample-raster';
import { rasterToLab } from '../raster/lab-image';
import { isCleanSweep, segmentSubject, type SubjectSegmentation } from '../raster/segment-subject';
import { scaleBox, type Box } from '../raster/mask';
import { maskCoverage } from '../raster/mask-coverage';
import { replaceBackground } from '../raster/replace-background';
import type { PostStep } from './post-step';
import { measureSwatch } from '../qc/measure/measure-swatch';
import { exposureEv } from '../qc/measure/subject-exposure';

export interface PostContext {
  lighting: LightingPreset;
  lut: { id: string; table: CubeLut | PreparedLut } | null;
  /** The SKU's target colour; its L* anchors exposure. */
  swatch: TargetSwatch | null;
}

export interface PostLimits {
  /** Casts beyond this ΔE00 are not a cast but a different backdrop: left for QC. Default 15. */
  maxCastDeltaE: number;
  /** Exposure is never moved more than this many EV (a retoucher's range; more is for QC). Default 0.5. */
  maxEvCorrection: number;
  /** Deviations below this many EV are left alone. Default 0.1. */
  minEvCorrection: number;
}

export interface PostResult {
  raster: Raster;
  steps: PostStep[];
  /** The subject's bounding box at full resolution, for crops downstream; null when none was found. */
  subject: Box | null;
  segmentation: Pick<SubjectSegmentation, 'source' | 'coverage' | 'borderMatch' | 'tolerance'>;
}

const DEFAULT_LIMITS: PostLimits = { maxCastDeltaE: 15, maxEvCorrection: 0.5, minEvCorrection: 0.1 };
const PROXY_PIXELS = 600_000;

function labOf(color: string): Lab {
  const parsed = parseColor(color);
  if (!parsed.success) throw new RangeError(`lighting background ${color} is not a colour`);
  return parsed.lab;
}


/**
 * @example
 * const { raster, steps } = postProcessRaster(decoded, { lighting, lut: { id: 'warm-studio', table }, swatch: job.swatch });
 */
export function postProcessRaster(raster: Raster, ctx: PostContext, limits: Partial<PostLimits> = {}): PostResult {
  const lim = { ...DEFAULT_LIMITS, ...limits };
  const steps: PostStep[] = [];

  if (ctx.lut) {
    applyLut(raster, ctx.lut.table);
    steps.push({ step: 'lut', applied: true, detail: `graded with ${ctx.lut.id}` });
  } else steps.push({ step: 'lut', applied: false, detail: 'the category has no LUT' });

  const proxy = downsampleRaster(raster, PROXY_PIXELS);
  const lab = rasterToLab(proxy.raster);
  const seg = segmentSubject(lab);
  const studio = seg.source === 'background' && isCleanSweep(seg);
  const cutout = seg.source === 'alpha';
  const backdropLab = labOf(ctx.lighting.background);
  const subjectMask = seg.mask.data;
  const backdropMask = new Uint8Array(subjectMask.length);
  for (let i = 0; i < subjectMask.length; i++) backdropMask[i] = subjectMask[i] || seg.strayMask.data[i] ? 0 : 1;

  const corrections: BalanceCorrection[] = [];
  if (studio) {
    const cast = measureCast(proxy.raster, { method: 'neutral-region', mask: backdropMask, reference: backdropLab });
    if (!cast.success) steps.push({ step: 'white-balance', applied: false, detail: `not measured: ${cast.message}` });
    else if (cast.cast.deltaE <= 1) steps.push({ step: 'white-balance', applied: false, detail: 'the backdrop matches the preset; no cast', measured: round(cast.cast.deltaE), unit: 'ΔE00' });
    else if (cast.cast.deltaE > lim.maxCastDeltaE) steps.push({ step: 'white-balance', applied: false, detail: `the backdrop is ${round(cast.cast.deltaE)} ΔE00 from the preset: too far to be a cast, left for QC`, measured: round(cast.cast.deltaE), unit: 'ΔE00' });
    else {
      corrections.push(castCorrection(cast.cast));
      steps.push({ step: 'white-balance', applied: true, detail: `neutralised a ${cast.cast.direction} cast of ${round(cast.cast.deltaE)} ΔE00 against the ${ctx.lighting.id} backdrop`, measured: round(cast.cast.deltaE), unit: 'ΔE00' });
    }
  } else {
    steps.push({ step: 'white-balance', applied: false, detail: cutout ? 'a cutout has no backdrop to measure a cast on' : `the backdrop is not a clean studio sweep (border match ${round(seg.borderMatch * 100)}%), so no cast was measured` });
  }

  const targetL = ctx.swatch?.lab.l ?? ctx.lighting.exposure.targetL;
  const anchor = ctx.swatch ? `the swatch ${ctx.swatch.name} (L* ${round(targetL)})` : `the preset target L* ${targetL}`;
  if ((studio || cutout) && seg.box) {
    // The garment's exposure as QC reads it: the measured swatch's L* against the SKU swatch's, or
    // the fabric's mean against the preset's target (prints and logos left out either way).
    const garment = measureSwatch({ full: raster, proxy: proxy.raster, factor: proxy.factor, lab, subject: seg, matte: [255, 255, 255], memo: new Map() });
    if (!garment) steps.push({ step: 'exposure', applied: false, detail: 'not measured: no fabric pixels to measure' });
    else {
      const ev = exposureEv(ctx.swatch ? garment.lab.l : garment.fabricMeanL, targetL);
      if (Math.abs(ev) < lim.minEvCorrection) steps.push({ step: 'exposure', applied: false, detail: `within ${lim.minEvCorrection} EV of ${anchor}`, measured: round(ev), unit: 'EV' });
      else {
        const applied = Math.max(-lim.maxEvCorrection, Math.min(lim.maxEvCorrection, ev));
        corrections.push(exposureCorrection({ ev: applied }));
        const capped = applied !== ev ? ` (capped at ${lim.maxEvCorrection} EV; the rest is for QC)` : '';
        steps.push({ step: 'exposure', applied: true, detail: `moved ${round(-applied)} EV toward ${anchor}${capped}`, measured: round(ev), unit: 'EV' });
      }
    }
  } else {
    steps.push({ step: 'exposure', applied: false, detail: 'no reliable subject mask, so exposure was left alone' });
  }
  if (corrections.length) applyBalance(raster, combineCorrections(...corrections));

  if (studio || cutout) {
    // A cutout's own alpha is its coverage (replaceBackground weighs each pixel by its alpha).
    const coverage = cutout ? new Uint8Array(raster.width * raster.height).fill(255) : maskCoverage(seg.mask, proxy.factor, raster.width, raster.height);
    const backdrop = labToSrgb(backdropLab).map((v) => Math.round(v * 255)) as [number, number, number];
    replaceBackground(raster, coverage, backdrop);
    steps.push({ step: 'background', applied: true, detail: `${cutout ? 'cutout placed' : 'backdrop replaced'} on ${ctx.lighting.background} (${ctx.lighting.id})`, measured: round((1 - seg.coverage) * 100), unit: '%' });
  } else {
    steps.push({ step: 'background', applied: false, detail: 'the backdrop could not be separated from the garment reliably, so it was left as shot' });
  }

  return {
    raster,
    steps,
    subject: seg.box ? scaleBox(seg.box, proxy.factor, raster.width, raster.height) : null,
    segmentation: { source: seg.source, coverage: seg.coverage, borderMatch: seg.borderMatch, tolerance: seg.tolerance },
  };
}

function round(v: number): number {
  return Math.round(v * 100) / 100;
}
