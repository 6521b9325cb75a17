/** The delivery naming template: how files are named for the brand's DAM. */
import { z } from 'zod';
import { unknownPlaceholders } from './placeholders';

/** Tokens a naming template may use and what fills them. */
export const NAMING_TOKENS = {
  brand: "the lock's brand id",
  season: "the lock's season",
  sku: 'the SKU',
  colorway: 'the colorway',
  category: 'the category id',
  view: 'the view id (front, back, detail, ...)',
  channel: 'the channel id',
  market: 'the market code, or "all"',
  width: 'output width in pixels',
  height: 'output height in pixels',
  ext: 'file extension for the format (jpg, png, webp, avif, tif)',
  index: 'a 2-digit sequence number within the SKU and view, 01, 02...',
  version: "the lock's version",
} as const;

const tokens = Object.keys(NAMING_TOKENS);

export const Naming = z.strictObject({
  template: z
    .string()
    .min(1)
    .max(300)
    .superRefine((t, ctx) => {
      const bad = unknownPlaceholders(t, tokens);
      if (bad.length) {
        ctx.addIssue({ code: 'custom', message: `unknown token ${bad.map((b) => `{${b}}`).join(', ')}; expected some of ${tokens.map((k) => `{${k}}`).join(' ')}` });
      }
      if (!t.includes('{ext}') && !/\.[a-z0-9]+$/i.test(t)) {
        ctx.addIssue({ code: 'custom', message: 'expected the template to end with an extension, usually ".{ext}"' });
      }
      if (/[\\/]/.test(t)) ctx.addIssue({ code: 'custom', message: 'expected a file name without "/" or "\\"' });
    }),
  maxLength: z.number().int().min(16).max(255).default(120).describe('Longest file name the DAM accepts'),
  case: z.enum(['keep', 'lower', 'upper']).default('keep'),
});
export type Naming = z.infer<typeof Naming>;
