/**
 * Runs every per-image QC rule on a prepared image and returns the findings, the verdict and the
 * headline measurements (kept for batch consistency and the report).
 */
import type { Lab } from '../color/lab';
import type { Box } from '../raster/mask';
import type { Finding } from './finding';
import { roundMeasure } from './finding';
import type { QcContext } from './qc-context';
import { fullBox, type QcImage } from './qc-image';
import { verdictOf, type Verdict } from './verdict';
import { checkTechnical } from './rules/check-technical';
import { checkColorAccuracy } from './rules/check-color-accuracy';
import { checkExposure } from './rules/check-exposure';
import { checkWhiteBalance } from './rules/check-white-balance';
import { checkBackground } from './rules/check-background';
import { checkSharpness } from './rules/check-sharpness';
import { checkHalo } from './rules/check-halo';
import { checkCompression } from './rules/check-compression';
import { checkHumanReview } from './rules/check-human-review';
import { measureSwatch } from './measure/measure-swatch';
import { fabricMask } from './measure/fabric-mask';
import { measureBackground } from './measure/background-stats';
import { measureSubjectExposure } from './measure/subject-exposure';

/** Every per-image rule, in report order. Batch consistency runs later, over all images. */
export const IMAGE_RULES: readonly { id: Finding['rule']; run: (image: QcImage, ctx: QcContext) => Finding[] }[] = [
  { id: 'technical', run: (_image, ctx) => checkTechnical(ctx) },
  { id: 'color', run: checkColorAccuracy },
  { id: 'exposure', run: checkExposure },
  { id: 'white-balance', run: checkWhiteBalance },
  { id: 'background', run: checkBackground },
  { id: 'sharpness', run: checkSharpness },
  { id: 'compression', run: checkCompression },
  { id: 'halo', run: checkHalo },
  { id: 'human-review', run: (_image, ctx) => checkHumanReview(ctx) },
];

export interface QcMetrics {
  garment: Lab | null;
  /** The measured swatch's hex, sample point and left-out regions (null when no fabric was measured). */
  swatch: QcSwatchMetrics | null;
  background: Lab | null;
  /** Subject lightness vs its target, EV (signed). */
  exposureEv: number | null;
  /** Fraction of the frame the subject covers. */
  coverage: number;
  maskSource: 'alpha' | 'background';
  /** Subject box in full-resolution pixels. */
  subjectBox: Box | null;
}

export interface QcSwatchMetrics {
  hex: string;
  point: { x: number; y: number };
  fabricShare: number;
  excluded: { box: Box; share: number; lab: Lab }[];
}

export interface QcImageResult {
  verdict: Verdict;
  findings: Finding[];
  metrics: QcMetrics;
}

/**
 * @example
 * const image = prepareQcImage(raster);
 * const { verdict, findings } = runQcRules(image, ctx);
 */
export function runQcRules(image: QcImage, ctx: QcContext): QcImageResult {
  const findings = IMAGE_RULES.flatMap((rule) => rule.run(image, ctx));
  const swatch = measureSwatch(image);
  const garment = swatch?.lab ?? null;
  const regions = fabricMask(image)?.regions ?? [];
  const background = measureBackground(image)?.median ?? null;
  const exposure = measureSubjectExposure(image, ctx);
  return {
    verdict: verdictOf(findings),
    findings,
    metrics: {
      garment: garment && roundLab(garment),
      swatch: swatch && {
        hex: swatch.hex,
        point: swatch.point,
        fabricShare: roundMeasure(swatch.fabricShare, 3),
        excluded: regions.slice(0, 12).map((r) => ({ box: fullBox(image, r.box), share: roundMeasure(r.share, 4), lab: roundLab(r.lab) })),
      },
      background: background && roundLab(background),
      exposureEv: exposure ? roundMeasure(exposure.ev, 3) : null,
      coverage: roundMeasure(image.subject.coverage, 4),
      maskSource: image.subject.source,
      subjectBox: image.subject.box ? fullBox(image, image.subject.box) : null,
    },
  };
}

function roundLab(lab: Lab): Lab {
  return { l: roundMeasure(lab.l, 2), a: roundMeasure(lab.a, 2), b: roundMeasure(lab.b, 2) };
}
