/** A model profile: who is cast, and the LoRA that renders them consistently. */
import { z } from 'zod';
import { Id, Name, RelativePath, Text } from './fields';

/** A provider-neutral LoRA: the provider adapters map `ref` to their own weights URL or file name. */
export const LoraRef = z.strictObject({
  ref: z.string().min(1).max(300).describe('Provider-neutral LoRA reference, e.g. "northwind/models/ava-v3"'),
  triggerWord: z.string().max(100).optional().describe('Word the LoRA was trained to respond to'),
  strength: z.number().min(-2).max(2).default(1).describe('LoRA strength, usually 0.6..1.0'),
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
