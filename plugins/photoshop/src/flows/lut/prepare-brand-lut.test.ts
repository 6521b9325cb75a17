// The brand LUT end to end: the lock's .cube through core to an ICC DeviceLink in a Color Lookup layer
// (rendered by the fake host the way a CMM evaluates the profile), against the same LUT baked by
// core's applyLut. Both paths must give the same picture.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fakeEnvironment } from '../../../test/support/fake-env';
import { studioImage } from '../../../test/support/studio-image';
import { applyBrandLut } from './apply-brand-lut';
import { prepareBrandLut } from './prepare-brand-lut';

const cube = readFileSync(new URL('../../../../../samples/luts/warm-studio.cube', import.meta.url), 'utf8');
const ref = { id: 'warm-studio', name: 'Warm studio grade', file: 'luts/warm-studio.cube', use: 'grade' as const, notes: '' };

describe('a brand LUT from the lock', () => {
  it('renders the same through the Color Lookup layer as baked through the Imaging API', async () => {
    const lut = prepareBrandLut(ref, cube);
    const env = fakeEnvironment();
    const pixels = studioImage({ width: 32, height: 40, depth: 16, garment: [150, 60, 40] });
    const layered = env.ps.addDocument({ title: 'layer.psd', pixels });
    await applyBrandLut(env.ps, env.fs, lut, { kind: 'active' }, { bake: false, signal: new AbortController().signal, onProgress: () => {} });
    const baked = env.ps.addDocument({ title: 'baked.psd', pixels });
    await applyBrandLut(env.ps, env.fs, lut, { kind: 'active' }, { bake: true, signal: new AbortController().signal, onProgress: () => {} });

    const a = (await env.ps.getPixels({ documentId: layered.id, depth: 16 })).raster.data;
    const b = (await env.ps.getPixels({ documentId: baked.id, depth: 16 })).raster.data;
    const original = pixels.data;
    let maxDiff = 0;
    let changed = 0;
    for (let i = 0; i < a.length; i++) {
      if (i % 4 === 3) continue;
      maxDiff = Math.max(maxDiff, Math.abs(a[i] - b[i]));
      if (Math.abs(b[i] - original[i]) > 257) changed++;
    }
    expect(changed).toBeGreaterThan(a.length / 2);
    expect(maxDiff).toBeLessThanOrEqual(2);
  });

  it('names the file and line when the lock ships a broken .cube', () => {
    const broken = cube.replace(/^0\.030000 0\.030000 0\.030000$/m, '0.03 oops 0.03');
    expect(() => prepareBrandLut(ref, broken)).toThrow(/^The brand LUT "Warm studio grade" \(luts\/warm-studio.cube\) cannot be read: line 5: /);
  });
});
