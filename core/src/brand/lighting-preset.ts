/** A lighting preset: the studio set-up a category is shot (or generated) under. */
import { z } from 'zod';
import { ColorString, Id, Name, Text } from './fields';

export const KeyDirection = z.enum(['front', 'left', 'right', 'left-45', 'right-45', 'top', 'back', 'butterfly', 'rembrandt-left', 'rembrandt-right']);

export const LightingPreset = z.strictObject({
  id: Id,
  name: Name,
  colorTemperatureK: z.number().int().min(2000).max(12000).describe('Correlated colour temperature in kelvin'),
  tint: z.number().min(-150).max(150).default(0).describe('Green (-) to magenta (+), Lightroom-style units'),
  keyFillRatio: z.number().min(1).max(32).describe('Key to fill light ratio, e.g. 2 for 2:1'),
  keyDirection: KeyDirection,
  exposure: z.strictObject({
    targetL: z.number().min(5).max(95).describe('Target mean L* (D65) of the subject'),
    toleranceEv: z.number().min(0.05).max(3).default(0.33).describe('Allowed deviation in EV before QC flags'),
  }),
  background: ColorString.describe('Backdrop colour the set is lit to'),
  promptFragment: Text(500).describe('Text appended to generation prompts for this light'),
});
export type LightingPreset = z.infer<typeof LightingPreset>;
