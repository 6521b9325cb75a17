/**
 * The motion brief every seed category starts from. Soft fabrics move, structured ones hold their
 * shape; flowing sheers and sparkling embellishment get looser outline and flicker limits because
 * their outline and highlights legitimately change from frame to frame.
 */
import type { MotionBrief } from './motion-brief';
import type { SeedCategoryId } from './seed-categories';
import type { VideoQcThresholds } from './video-qc-thresholds';

const MOTION_PROMPT =
  'the {color} {fabric} {silhouette} from the first frame, {fabricMovement}, {gesture}, {camera}, {lighting}, the garment keeps its exact colour, shape and construction throughout, {loop}';
const MOTION_NEGATIVE = 'morphing garment, melting fabric, colour shift, flicker, changing logo or print, extra limbs, warped hands, camera shake, text, watermark';

const standardVideoQc: VideoQcThresholds = {
  maxColorDriftDeltaE00: 1.5,
  flicker: { maxExposureEv: 0.05, maxColorDeltaE00: 1 },
  stability: { maxShapeChange: 0.08, maxAreaChangePct: 5, minAreaRatio: 0.5 },
  frozen: { maxFrozenSeconds: 0.5, maxDuplicatePct: 5 },
  seam: { maxSeamJump: 3 },
  technical: { durationToleranceSeconds: 0.5, minFps: 23, maxUpscale: 1.5 },
};

const strictVideoQc: VideoQcThresholds = { ...standardVideoQc, maxColorDriftDeltaE00: 1 };

function brief(motion: Pick<MotionBrief, 'fabric' | 'camera' | 'gesture'> & Partial<MotionBrief>, qc: VideoQcThresholds = standardVideoQc): MotionBrief {
  return {
    durationSeconds: 6,
    loop: true,
    promptTemplate: MOTION_PROMPT,
    negativePrompt: MOTION_NEGATIVE,
    qc,
    ...motion,
  };
}

export const SEED_MOTION_BRIEFS: Readonly<Record<SeedCategoryId, MotionBrief>> = {
  wovens: brief({ fabric: { movement: 'soft', direction: 'left-to-right', notes: 'hem and sleeves catch a light breeze' }, camera: { path: 'push-in', amount: 0.06 }, gesture: 'shifts weight to one foot, shoulders relaxed' }),
  denim: brief({ fabric: { movement: 'subtle', direction: 'none', notes: 'stiff denim barely moves; the stack at the hem holds' }, camera: { path: 'orbit-left', amount: 0.05 }, gesture: 'turns a quarter toward camera, hands at the pockets' }),
  'jersey-knits': brief({ fabric: { movement: 'soft', direction: 'left-to-right', notes: 'jersey ripples softly with the breath' }, camera: { path: 'push-in', amount: 0.06 }, gesture: 'breathes in and relaxes, a slight turn of the head' }),
  'structured-outerwear': brief(
    { fabric: { movement: 'subtle', direction: 'none', notes: 'the coat holds its shape; lapels and shoulders stay sharp' }, camera: { path: 'pan-right', amount: 0.05 }, gesture: 'opens the front with one hand, then lets it fall closed' },
    { ...standardVideoQc, stability: { ...standardVideoQc.stability, maxShapeChange: 0.1, maxAreaChangePct: 7 } },
  ),
  'fine-knitwear': brief({ fabric: { movement: 'subtle', direction: 'downward', notes: 'the rib settles; no stretching or pilling' }, camera: { path: 'push-in', amount: 0.04 }, gesture: 'slowly folds the arms, then lowers them' }, strictVideoQc),
  sheers: brief(
    { fabric: { movement: 'flowing', direction: 'left-to-right', notes: 'layers float and settle; opacity stays the same' }, camera: { path: 'push-in', amount: 0.03 }, gesture: 'a slow half-turn, letting the fabric trail' },
    { ...strictVideoQc, stability: { maxShapeChange: 0.15, maxAreaChangePct: 10, minAreaRatio: 0.5 } },
  ),
  embellished: brief(
    { fabric: { movement: 'subtle', direction: 'around', notes: 'sequins and beads catch the light as the body turns' }, camera: { path: 'orbit-right', amount: 0.04 }, gesture: 'turns slowly toward the key light' },
    { ...strictVideoQc, flicker: { maxExposureEv: 0.1, maxColorDeltaE00: 2 } },
  ),
  leather: brief({ fabric: { movement: 'subtle', direction: 'none', notes: 'heavy leather; creases hold, sheen moves with the light' }, camera: { path: 'orbit-left', amount: 0.04 }, gesture: 'turns a quarter, one hand in a pocket' }, strictVideoQc),
};
