// The garment colour of a clip is measured on a sample of its frames: these clips are made of
// synthetic studio frames (a woven tee whose grain differs from frame to frame, as codec noise does)
// and show which frames the sampler measures, and that a colour change shorter than the gap between
// sampled frames is still measured on the frames it happens.
import { describe, expect, it } from 'vitest';
import { srgbToLab, type Lab } from '../color/lab';
import { deltaE2000 } from '../color/delta-e-2000';
import type { Raster } from '../raster/raster';
import { syntheticGarment } from '../../test-fixtures/qc/synthetic-garment';
import { createClipAnalyser, type ClipAnalysis } from './analyse-clip';
import { colorDriftSeries } from './rules/check-clip-color';

const NAVY: Lab = srgbToLab(40 / 255, 52 / 255, 110 / 255);
const TEAL: Lab = srgbToLab(40 / 255, 70 / 255, 100 / 255);
const BACKDROP = [244, 241, 236] as const;

function frame(garment: Lab, seed: number): Raster {
  return syntheticGarment({ width: 120, height: 180, garment, background: BACKDROP, seed }).raster;
}

/** 48 frames at 24 fps of a navy tee; `colorAt` may change its colour on some frames. */
function clip(colorAt: (index: number) => Lab = () => NAVY): ClipAnalysis {
  const analyser = createClipAnalyser({ fps: 24, swatch: NAVY });
  for (let i = 0; i < 48; i++) analyser.add(frame(colorAt(i), i + 1));
  return analyser.finish();
}

const measured = (c: ClipAnalysis) => c.frames.filter((f) => f.colorMeasured).map((f) => f.index);

describe('garment colour sampling', () => {
  it('measures a steady clip on its first quarter second, six frames a second and its last frame', () => {
    const c = clip();
    expect(measured(c)).toEqual([0, 1, 2, 3, 4, 5, 8, 12, 16, 20, 24, 28, 32, 36, 40, 44, 47]);
    expect(c.frames[9]).toMatchObject({ colorMeasured: false, garment: null, deltaE: null });
    // Everything else is still measured on every frame.
    expect(c.frames.every((f) => f.area > 0.1 && f.box !== null)).toBe(true);
    expect(c.seam!.deltaE).toBeLessThan(0.5);
  });

  it('measures every frame around a one-frame re-tint between two sampled frames, and finds it', () => {
    expect(deltaE2000(NAVY, TEAL)).toBeGreaterThan(3);
    const c = clip((i) => (i === 26 ? TEAL : NAVY));
    expect(measured(c)).toEqual(expect.arrayContaining([24, 25, 26, 27, 28]));
    const worst = c.frames.reduce((a, b) => ((b.deltaE ?? 0) > (a.deltaE ?? 0) ? b : a));
    expect(worst.index).toBe(26);
    expect(worst.deltaE).toBeGreaterThan(3);
    // One odd frame is not drift: the running median of five measurements passes over it.
    expect(Math.max(...colorDriftSeries(c).map((d) => d ?? 0))).toBeLessThan(1);
    // The rest of the clip stays sampled.
    expect(measured(c)).not.toContain(9);
  });

  it('measures every frame where the colour turns between two sampled frames', () => {
    const c = clip((i) => (i >= 18 ? TEAL : NAVY));
    expect(measured(c)).toEqual(expect.arrayContaining([16, 17, 18, 19, 20]));
    expect(c.frames[17].deltaE).toBeLessThan(1);
    expect(c.frames[18].deltaE).toBeGreaterThan(3);
    expect(colorDriftSeries(c)[40]).toBeGreaterThan(3);
  });
});
