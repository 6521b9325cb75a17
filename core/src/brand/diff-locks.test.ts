import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadBrandLock } from './load-brand-lock';
import { diffLocks } from './diff-locks';
import type { BrandLock } from './brand-lock';

const sampleText = readFileSync(new URL('../../../samples/brand-lock.json', import.meta.url), 'utf8');
function load(mutate: (doc: any) => void = () => {}): BrandLock {
  const doc = JSON.parse(sampleText);
  mutate(doc);
  const res = loadBrandLock(doc);
  if (!res.success) throw new Error(JSON.stringify(res.issues));
  return res.lock;
}

describe('diffLocks', () => {
  it('finds nothing between a lock and a reordered copy of it', () => {
    expect(diffLocks(load(), load((d) => { d.channels.reverse(); d.palette.swatches.reverse(); }))).toEqual([]);
  });

  it('describes changes by id in words', () => {
    const changes = diffLocks(
      load(),
      load((d) => {
        d.categories.find((c: any) => c.id === 'knitwear').qc = { maxDeltaE00: 1.5 };
        d.palette.swatches = d.palette.swatches.filter((s: any) => s.id !== 'silver');
        d.palette.swatches.push({ id: 'mint', name: 'Mint', color: '#b8e0c8' });
        d.lighting[0].colorTemperatureK = 5000;
      }),
    );
    const text = changes.map((c) => c.description);
    expect(text).toContain('Category "Fine knitwear" (knitwear): QC max ΔE00 changed from 2 to 1.5');
    expect(text).toContain('Swatch "Silver" (silver) removed');
    expect(text).toContain('Swatch "Mint" (mint) added');
    expect(text).toContain('Lighting preset "Warm daylight studio" (studio-warm): colour temperature (K) changed from 5200 to 5000');
    expect(changes.find((c) => c.kind === 'changed' && c.path === 'categories[knitwear].qc.maxDeltaE00')).toMatchObject({ before: 2, after: 1.5 });
  });
});
