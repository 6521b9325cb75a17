/** LoRA trainings over HTTP: an art director's request, the training as it runs, and pinning its result. */
import { z } from 'zod';
import { LoraTraining } from '../brand/model-profile';

export const TrainingCreateRequest = z.strictObject({
  provider: z.enum(['fal', 'replicate']),
  modelProfile: z.string().max(64),
  triggerWord: z.string().regex(/^[\p{L}\p{N}_-]{2,40}$/u, 'expected a word of letters, digits, "_" or "-"').optional(),
  steps: z.number().int().min(10).max(10_000).default(1000),
  assets: z.array(z.string().regex(/^(library:)?[0-9a-f]{64}$/)).min(4, 'brandlock asks for at least 4 photos (10 to 20 is usual)').max(200),
});
export type TrainingCreateRequest = z.input<typeof TrainingCreateRequest>;

export const Training = z.object({
  id: z.string(),
  provider: z.enum(['fal', 'replicate']),
  modelProfile: z.string(),
  triggerWord: z.string(),
  steps: z.number(),
  images: z.array(z.string()),
  state: z.enum(['queued', 'running', 'succeeded', 'failed', 'canceled']),
  providerJobId: z.string().nullable(),
  result: LoraTraining.nullable(),
  error: z.string().nullable(),
  requestedBy: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Training = z.infer<typeof Training>;

export const TrainingPinRequest = z.strictObject({ version: z.string().min(1).max(40).describe('Version label of the new lock') });
export const TrainingPinned = z.object({ lock: z.object({ number: z.number(), version: z.string(), hash: z.string() }), changes: z.array(z.string()) });
