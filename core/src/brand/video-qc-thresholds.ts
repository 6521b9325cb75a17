/**
 * Frame-level QC thresholds for a category's product video loops. Each number is the flag limit;
 * twice it rejects (as the still rules do for clipping and cast), unless a field says otherwise.
 * Garment colour against the swatch uses the category's still thresholds (`qc.maxDeltaE00`), frame by frame.
 */
import { z } from 'zod';

export const VideoQcThresholds = z.strictObject({
  maxColorDriftDeltaE00: z.number().positive().max(20).describe('Garment colour of any frame against the first quarter second, ΔE00: colour that wanders over the clip'),
  flicker: z.strictObject({
    maxExposureEv: z.number().positive().max(2).describe('Frame-to-frame exposure jitter: a frame\'s mean luminance against the mean of its two neighbours, EV'),
    maxColorDeltaE00: z.number().positive().max(20).describe('Frame-to-frame colour jitter: a frame\'s mean colour against its two neighbours, ΔE00'),
  }),
  stability: z.strictObject({
    maxShapeChange: z.number().positive().max(1).describe('Garment outline change between consecutive frames, 1 - IoU of their subject masks'),
    maxAreaChangePct: z.number().positive().max(100).describe('Garment area change between consecutive frames, percent'),
    minAreaRatio: z.number().min(0).max(1).describe('A frame whose garment area is below this share of the clip median has lost the garment (rejects at once)'),
  }),
  frozen: z.strictObject({
    maxFrozenSeconds: z.number().positive().max(10).describe('Longest run of frames without any motion, seconds'),
    maxDuplicatePct: z.number().min(0).max(100).describe('Frames that repeat the previous one while the clip around them moves (stutter), percent'),
  }),
  seam: z.strictObject({
    maxSeamJump: z.number().positive().max(100).describe('Loops: the last-to-first frame difference against the clip\'s 90th-percentile frame-to-frame difference (1 or less = invisible seam)'),
  }),
  technical: z.strictObject({
    durationToleranceSeconds: z.number().min(0).max(10).describe('Allowed difference from the motion brief\'s duration, seconds'),
    minFps: z.number().positive().max(240).describe('Lowest frame rate accepted from a provider (rejects below)'),
    maxUpscale: z.number().min(1).max(8).describe('How far a channel cut may enlarge the master (output pixels per master pixel)'),
  }),
});
export type VideoQcThresholds = z.infer<typeof VideoQcThresholds>;
