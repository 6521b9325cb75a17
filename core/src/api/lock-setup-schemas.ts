/** Setting up a lock over HTTP: swatch files read, swatches and lighting measured from library photos. */
import { z } from 'zod';

const Issue = z.object({ file: z.string(), entry: z.number().optional(), line: z.number().optional(), name: z.string().optional(), code: z.string(), message: z.string(), found: z.string().optional(), expected: z.string().optional() });
const Lab = z.object({ l: z.number(), a: z.number(), b: z.number() });

export const PaletteImportResult = z.object({
  format: z.enum(['ase', 'aco', 'csv', 'pantone-list']),
  swatches: z.array(z.object({ name: z.string(), code: z.string().optional(), color: z.string(), original: z.string(), conversion: z.string(), entry: z.number(), line: z.number().optional(), group: z.string().optional() })),
  issues: z.array(Issue),
});

const References = z.array(z.string().regex(/^(library:)?[0-9a-f]{64}$/, 'expected library:<sha256>')).min(1).max(12);

export const SwatchMeasureRequest = z.strictObject({ references: References.describe('Approved photos in the library') });
export const SwatchMeasureResult = z.object({
  lab: Lab,
  color: z.string(),
  spread: z.number(),
  references: z.array(z.object({ id: z.string(), lab: Lab.nullable(), deltaE: z.number().nullable(), error: z.string().optional() })),
  nearest: z.object({ id: z.string(), name: z.string(), deltaE: z.number() }).nullable(),
});

export const LightingCalibrateRequest = z.strictObject({ references: References.min(2).describe('3 to 5 approved photos in the library') });
export const LightingCalibrateResult = z.object({
  preset: z.record(z.string(), z.unknown()),
  spread: z.record(z.string(), z.unknown()),
  warnings: z.array(z.string()),
  references: z.array(z.object({ id: z.string(), error: z.string().optional() }).passthrough()),
});
