/** The JSON Schema (draft 2020-12) of a lock file as written, generated from the zod schema. */
import { z } from 'zod';
import { BrandLockInput } from './brand-lock';

/**
 * @example brandLockJsonSchema().properties.schemaVersion // { type: 'number', const: 1 }
 */
export function brandLockJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(BrandLockInput, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  return { ...schema, title: 'brandlock Brand Lock', description: 'A brand\'s visual standard: models, lighting, LUTs, palette, poses, categories, channels, naming.' };
}
