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
});
export type LutRef = z.infer<typeof LutRef>;
