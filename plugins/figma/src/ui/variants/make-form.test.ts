// The variants form starts from the lock's copy type when the lock sets one, Inter Bold otherwise.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadBrandLock } from '@brandlock/core/brand';
import { defaultMakeOptions } from './make-form';

const sample = () => JSON.parse(readFileSync(new URL('../../../../../samples/brand-lock.json', import.meta.url), 'utf8'));

describe('the variants form', () => {
  it("starts from the lock's copy type, or Inter Bold when the lock sets none", () => {
    const plain = loadBrandLock(sample());
    const branded = loadBrandLock({ ...sample(), typography: { copy: { family: 'Helvetica Neue', style: 'Medium' } } });
    if (!plain.success || !branded.success) throw new Error('lock');
    expect(defaultMakeOptions(plain.lock, {}).font).toEqual({ family: 'Inter', style: 'Bold' });
    expect(defaultMakeOptions(branded.lock, {}).font).toEqual({ family: 'Helvetica Neue', style: 'Medium' });
  });
});
