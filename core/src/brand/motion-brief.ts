/**
 * The motion brief of a garment category: how its product video loops move (fabric, camera, the
 * model's gesture), how long they run, whether they loop, the aspect ratios they are delivered in,
 * the motion prompt sent to image-to-video models, and the frame-level QC thresholds. Seed
 * categories carry defaults; a lock category overrides what it writes, or sets `"video": null`.
 */
import { z } from 'zod';
import { Text } from './fields';
import { PROMPT_PLACEHOLDERS, unknownPlaceholders } from './placeholders';
import { VideoQcThresholds } from './video-qc-thresholds';

export const FabricMovement = z.enum(['none', 'subtle', 'soft', 'flowing', 'swinging']).describe('How much the fabric moves');
export const MovementDirection = z.enum(['none', 'left-to-right', 'right-to-left', 'upward', 'downward', 'toward-camera', 'around']);
export const CameraPath = z
  .enum(['static', 'push-in', 'pull-out', 'pan-left', 'pan-right', 'tilt-up', 'tilt-down', 'orbit-left', 'orbit-right', 'parallax'])
  .describe('The camera move over the clip');
export type CameraPath = z.infer<typeof CameraPath>;

/** An aspect ratio as width:height in small integers, e.g. "4:5", "9:16", "1:1". */
export const AspectRatio = z
  .string()
  .regex(/^[1-9]\d{0,2}:[1-9]\d{0,2}$/, 'expected an aspect ratio like "4:5", "9:16" or "1:1"');

/** What a motion prompt template may use: the still recipe's placeholders plus these. */
export const MOTION_PLACEHOLDERS = {
  ...PROMPT_PLACEHOLDERS,
  fabricMovement: 'the fabric movement in words, e.g. "soft fabric movement from left to right"',
  camera: 'the camera path in words, e.g. "slow push-in"',
  gesture: "the motion brief's gesture",
  duration: 'the duration, e.g. "6 seconds"',
  loop: '"seamless loop, the last frame matches the first" for loops, else empty',
} as const;
const known = Object.keys(MOTION_PLACEHOLDERS);

export const MotionBrief = z.strictObject({
  fabric: z.strictObject({
    movement: FabricMovement,
    direction: MovementDirection,
    notes: Text(500).default(''),
  }),
  camera: z.strictObject({
    path: CameraPath,
    amount: z.number().min(0).max(0.3).default(0.06).describe('How far the camera moves over the clip: zoom or travel as a fraction of the frame'),
  }),
  gesture: Text(500).describe('What the model does, e.g. "turns a quarter toward camera"; empty for packshots'),
  durationSeconds: z.number().min(2).max(15).describe('Length of the master clip, seconds'),
  loop: z.boolean().describe('true: the clip must end where it starts (PDP loops)'),
  aspectRatios: z
    .array(AspectRatio)
    .min(1)
    .max(6)
    .refine((xs) => new Set(xs).size === xs.length, { message: 'expected each aspect ratio once' })
    .optional()
    .describe('Delivered aspect ratios: the lock\'s video channels of these ratios are cut from the master; every video channel when absent'),
  promptTemplate: z
    .string()
    .min(1)
    .max(1000)
    .superRefine((t, ctx) => {
      const bad = unknownPlaceholders(t, known);
      if (bad.length) ctx.addIssue({ code: 'custom', message: `unknown placeholder ${bad.map((b) => `{${b}}`).join(', ')}; expected some of ${known.map((k) => `{${k}}`).join(' ')}` });
    })
    .describe('The motion prompt for image-to-video models (Runway takes at most 1000 characters)'),
  negativePrompt: Text(1000).default(''),
  qc: VideoQcThresholds,
});
export type MotionBrief = z.infer<typeof MotionBrief>;

/** A motion brief as a lock category writes it: any part may be left to the seed category. */
export const MotionBriefInput = z.strictObject({
  fabric: MotionBrief.shape.fabric.partial().optional(),
  camera: MotionBrief.shape.camera.partial().optional(),
  gesture: MotionBrief.shape.gesture.optional(),
  durationSeconds: MotionBrief.shape.durationSeconds.optional(),
  loop: MotionBrief.shape.loop.optional(),
  aspectRatios: MotionBrief.shape.aspectRatios.optional(),
  promptTemplate: MotionBrief.shape.promptTemplate.optional(),
  negativePrompt: MotionBrief.shape.negativePrompt.optional(),
  qc: z
    .strictObject({
      maxColorDriftDeltaE00: VideoQcThresholds.shape.maxColorDriftDeltaE00.optional(),
      flicker: VideoQcThresholds.shape.flicker.partial().optional(),
      stability: VideoQcThresholds.shape.stability.partial().optional(),
      frozen: VideoQcThresholds.shape.frozen.partial().optional(),
      seam: VideoQcThresholds.shape.seam.partial().optional(),
      technical: VideoQcThresholds.shape.technical.partial().optional(),
    })
    .optional(),
});
export type MotionBriefInput = z.infer<typeof MotionBriefInput>;

/**
 * Width over height of an aspect ratio string.
 * @example aspectValue('4:5') // 0.8
 */
export function aspectValue(ratio: string): number {
  const [w, h] = ratio.split(':').map(Number);
  return w / h;
}

/**
 * True when a width x height frame has the ratio, within 1% (1080x1350 is 4:5, 1080x1920 is 9:16).
 * @example hasAspect(1080, 1350, '4:5') // true
 */
export function hasAspect(width: number, height: number, ratio: string): boolean {
  return Math.abs(width / height / aspectValue(ratio) - 1) <= 0.01;
}
