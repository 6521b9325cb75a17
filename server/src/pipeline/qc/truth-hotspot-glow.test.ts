// The ground truth's hotspots must look like light: a glow that fades into the fabric with no edge,
// the same in every direction. The generator used to paint the glow only inside a square of 3 radii
// round the centre, so on dark fabric the light stopped in a straight-edged step that no lamp makes
// (and the "true" lobe was that square): QC was scored against a fake unlike a real photo.
import { describe, expect, it } from 'vitest';
import type { TruthBase } from '../../../test-support/qc-truth/truth-bases';
import { paintHotspot } from '../../../test-support/qc-truth/variant-ops';

/** A flat dark-grey garment filling a disc: every direction from its centre is the same fabric. */
function flatGarment(size: number, code: number): TruthBase {
  const n = size * size;
  const coverage = new Float32Array(n);
  for (let i = 0; i < n; i++) coverage[i] = Math.hypot((i % size) - size / 2, Math.floor(i / size) - size / 2) < size * 0.48 ? 1 : 0;
  return {
    spec: { file: 'flat-grey.png', setting: 'packshot-white' },
    name: 'flat-grey',
    width: size,
    height: size,
    garment: new Uint8Array(n * 3).fill(code),
    coverage,
    backdrop: new Uint8Array(n * 3).fill(255),
    outline: Uint8Array.from(coverage, (c) => (c > 0 ? 1 : 0)),
  };
}

describe('the ground truth\'s painted hotspot', () => {
  it('lights a flat dark fabric the same in every direction, out to where it no longer changes a code', () => {
    const base = flatGarment(400, 30);
    const spot = paintHotspot(base, base.garment, 0.02);
    expect(spot).not.toBeNull();
    const r = Math.sqrt((0.02 * base.coverage.reduce((n, c) => n + c, 0)) / Math.PI);
    // Codes by squared distance from the (whole-pixel) centre: pixels at exactly the same distance in
    // different directions ((125, 0) and (75, 100)) must get exactly the same light.
    const byDistance = new Map<number, { lo: number; hi: number }>();
    for (let i = 0; i < base.coverage.length; i++) {
      if (!base.coverage[i]) continue;
      const d = ((i % base.width) - spot!.centre.x) ** 2 + (Math.floor(i / base.width) - spot!.centre.y) ** 2;
      const v = spot!.garment[i * 3 + 1];
      const seen = byDistance.get(d) ?? { lo: 255, hi: 0 };
      byDistance.set(d, { lo: Math.min(seen.lo, v), hi: Math.max(seen.hi, v) });
    }
    // The square's edge left fabric at 3.5 radii on the axes untouched and lit it on the diagonals.
    const uneven = [...byDistance.entries()].filter(([, { lo, hi }]) => hi !== lo).map(([d2, { lo, hi }]) => `${(Math.sqrt(d2) / r).toFixed(2)} radii: ${lo}..${hi}`);
    expect(uneven).toEqual([]);
    // And the light reaches past the old square on the axes: 3.5 radii straight out is lit.
    expect(spot!.garment[(spot!.centre.y * base.width + spot!.centre.x + Math.round(3.5 * r)) * 3 + 1]).toBeGreaterThan(30);
  });
});
