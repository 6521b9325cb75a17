/** A model profile: who is cast, and the LoRA that renders them consistently. */
import { z } from 'zod';
import { Id, Name, RelativePath, Text } from './fields';

/** How a LoRA was trained, when brandlock trained it: the provider's record, pinned by the lock. */
export const LoraTraining = z.strictObject({
  provider: z.enum(['fal', 'replicate']),
  trainer: z.string().max(200).describe('The trainer, e.g. "fal-ai/flux-lora-fast-training"'),
  jobId: z.string().max(200),
  version: z.string().max(300).optional().describe('The provider\'s model version of the result (Replicate)'),
  weightsUrl: z.string().max(2000),
  weightsSha256: z.string().regex(/^[0-9a-f]{64}$/).optional(),
  configUrl: z.string().max(2000).optional(),
  steps: z.number().int().min(1).max(100_000),
  trainingSet: z.strictObject({ zipSha256: z.string().regex(/^[0-9a-f]{64}$/), images: z.array(z.string().regex(/^[0-9a-f]{64}$/)).min(1).max(1000) }),
  cost: z.strictObject({ usd: z.number().min(0).nullable(), basis: z.string().max(300) }),
  trainedAt: z.string().max(40),
});
export type LoraTraining = z.infer<typeof LoraTraining>;

/** A provider-neutral LoRA: the provider adapters map `ref` to their own weights URL or file name. */
export const LoraRef = z.strictObject({
  ref: z.string().min(1).max(2000).describe('Provider-neutral LoRA reference, e.g. "northwind/models/ava-v3", or the weights URL of a trained LoRA'),
  triggerWord: z.string().max(100).optional().describe('Word the LoRA was trained to respond to'),
  strength: z.number().min(-2).max(2).default(1).describe('LoRA strength, usually 0.6..1.0'),
  training: LoraTraining.optional().describe('Set when brandlock trained this LoRA: trainer, job, result, training set and cost'),
});
export type LoraRef = z.infer<typeof LoraRef>;

export const ModelProfile = z.strictObject({
  id: Id,
  name: Name,
  castingNotes: Text().default(''),
  bodyType: z.string().min(1).max(200).describe('e.g. "straight size, 178 cm, EU 36"'),
  skinTone: z.string().min(1).max(200).describe('e.g. "Monk 5, warm undertone"'),
  referenceImages: z.array(RelativePath).max(50).default([]),
  lora: LoraRef,
});
export type ModelProfile = z.infer<typeof ModelProfile>;
