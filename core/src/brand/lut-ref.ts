/** A LUT the lock ships: a .cube file beside the lock and what it is for. */
import { z } from 'zod';
import { Id, Name, RelativePath, Text } from './fields';

export const LutUse = z.enum(['grade', 'preview', 'technical']);

export const LutRef = z.strictObject({
  id: Id,
  name: Name,
  file: RelativePath.refine((p) => p.toLowerCase().endsWith('.cube'), { message: 'expected a .cube file' }),
  use: LutUse.default('grade').describe('grade: applied in production; preview: looks only; technical: conversions'),
  notes: Text(1000).default(''),
  sha256: z
    .string()
    .regex(/^[0-9a-f]{64}$/, 'expected the 64 lowercase hex digits of the file\'s SHA-256')
    .optional()
    .describe('SHA-256 of the .cube file: pins the grade\'s content into the lock hash; `brandlock lock check` prints and verifies it'),
});
export type LutRef = z.infer<typeof LutRef>;
