// A lock may set the brand's type for copy on channel variants; without it nothing changes (the lock's
// hash included), and a range upside down is refused with its path.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadBrandLock } from './load-brand-lock';

const sample = () => JSON.parse(readFileSync(new URL('../../../samples/brand-lock.json', import.meta.url), 'utf8'));

describe('typography in a lock', () => {
  it('is optional: a lock without it loads as before, with the same hash', () => {
    const plain = loadBrandLock(sample());
    if (!plain.success) throw new Error('sample lock');
    expect(plain.lock.typography).toBeUndefined();
    const again = loadBrandLock(sample());
    expect(again.success && again.hash).toBe(plain.hash);
  });

  it('fills the style and size range it leaves out', () => {
    const res = loadBrandLock({ ...sample(), typography: { copy: { family: 'Helvetica Neue' } } });
    if (!res.success) throw new Error(JSON.stringify(res.issues));
    expect(res.lock.typography).toEqual({ copy: { family: 'Helvetica Neue', style: 'Regular', minSize: 0.02, maxSize: 0.05 } });
  });

  it('refuses a size range upside down, naming the field', () => {
    const res = loadBrandLock({ ...sample(), typography: { copy: { family: 'Inter', style: 'Medium', minSize: 0.06, maxSize: 0.03 } } });
    expect(res.success).toBe(false);
    if (res.success) return;
    expect(res.issues.map((i) => i.path)).toContain('typography.copy.minSize');
  });
});
