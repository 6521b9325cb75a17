import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { deltaE2000 } from './delta-e-2000';
import { differenceCiede2000 } from 'culori';

const rows = readFileSync(new URL('../../test-fixtures/sharma-2005-ciede2000.tsv', import.meta.url), 'utf8')
  .split('\n')
  .filter((line) => line.trim() && !line.startsWith('#'))
  .map((line) => line.trim().split(/\s+/).map(Number));

describe('deltaE2000', () => {
  it('has the complete Sharma table (34 pairs)', () => {
    expect(rows).toHaveLength(34);
  });

  it.each(rows.map((r, i) => [i + 1, r] as const))('pair %i matches to 1e-4 in both directions', (_n, r) => {
    const x = { l: r[0], a: r[1], b: r[2] };
    const y = { l: r[3], a: r[4], b: r[5] };
    expect(Math.abs(deltaE2000(x, y) - r[6])).toBeLessThanOrEqual(1e-4);
    expect(Math.abs(deltaE2000(y, x) - r[6])).toBeLessThanOrEqual(1e-4);
  });

  it('agrees with culori lab65 on random colours', () => {
    const de = differenceCiede2000();
    let seed = 7;
    const rand = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    for (let i = 0; i < 500; i++) {
      const x = { l: rand() * 100, a: rand() * 200 - 100, b: rand() * 200 - 100 };
      const y = { l: rand() * 100, a: rand() * 200 - 100, b: rand() * 200 - 100 };
      const ours = deltaE2000(x, y);
      const theirs = de({ mode: 'lab65', ...x }, { mode: 'lab65', ...y });
      expect(ours).toBeCloseTo(theirs, 9);
    }
  });
});
