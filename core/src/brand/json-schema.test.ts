import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { brandLockJsonSchema } from './json-schema';

describe('brandLockJsonSchema', () => {
  const schema = brandLockJsonSchema() as any;

  it('describes every top-level section and forbids unknown keys', () => {
    expect(Object.keys(schema.properties)).toEqual(expect.arrayContaining(['schemaVersion', 'brand', 'models', 'lighting', 'luts', 'palette', 'poseSets', 'categories', 'channels', 'naming']));
    expect(schema.additionalProperties).toBe(false);
    expect(schema.properties.lighting.items.properties.colorTemperatureK.type).toBe('integer');
  });

  it('matches the copy committed beside the sample lock', () => {
    const committed = JSON.parse(readFileSync(new URL('../../../samples/brand-lock.schema.json', import.meta.url), 'utf8'));
    expect(committed).toEqual(schema);
  });
});
