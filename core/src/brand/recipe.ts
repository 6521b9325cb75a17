/** A generation recipe: everything a provider needs to render one view of a garment category. */
import { z } from 'zod';
import { LoraRef } from './model-profile';
import { PROMPT_PLACEHOLDERS, unknownPlaceholders } from './placeholders';
import { Text } from './fields';

const known = Object.keys(PROMPT_PLACEHOLDERS);

export const SeedPolicy = z.discriminatedUnion('policy', [
  z.strictObject({ policy: z.literal('fixed'), value: z.number().int().min(0).max(4294967295) }),
  z.strictObject({ policy: z.literal('per-sku').describe('Derived from the SKU and view: stable across re-runs') }),
  z.strictObject({ policy: z.literal('random').describe('Chosen by the provider at generation time, then recorded') }),
]);
export type SeedPolicy = z.infer<typeof SeedPolicy>;

const Dimension = z.number().int().min(256).max(4096).refine((n) => n % 8 === 0, { message: 'expected a multiple of 8' });

export const Recipe = z.strictObject({
  promptTemplate: z
    .string()
    .min(1)
    .max(4000)
    .superRefine((t, ctx) => {
      const bad = unknownPlaceholders(t, known);
      if (bad.length) {
        ctx.addIssue({
          code: 'custom',
          message: `unknown placeholder ${bad.map((b) => `{${b}}`).join(', ')}; expected one of ${known.map((k) => `{${k}}`).join(' ')}`,
        });
      }
    }),
  negativePrompt: Text(4000).default(''),
  baseModel: z.string().min(1).max(200).describe('Provider-neutral base model, e.g. "flux-1-dev"'),
  loras: z.array(LoraRef).max(8).default([]).describe('LoRAs on top of the model profile LoRA (fabric, style)'),
  width: Dimension,
  height: Dimension,
  steps: z.number().int().min(1).max(150),
  guidance: z.number().min(0).max(30),
  seed: SeedPolicy,
  textureNotes: Text(1000).default(''),
  drapeNotes: Text(1000).default(''),
});
export type Recipe = z.infer<typeof Recipe>;
