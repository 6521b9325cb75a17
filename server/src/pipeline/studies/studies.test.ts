import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import sharp from 'sharp';
import { loadBrandLock, parseCube, type LightingPreset } from '@brandlock/core';
import { renderCellStudy } from './cell-study';
import { poseKind } from './pose-outline';
import { lightColour } from './light-colour';

const samples = new URL('../../../../samples/', import.meta.url);
const loaded = loadBrandLock(JSON.parse(readFileSync(new URL('brand-lock.json', samples), 'utf8')));
if (!loaded.success) throw new Error('sample lock');
const lock = loaded.lock;
const AVA = new Uint8Array(readFileSync(new URL('photos/on-model/solidus-hoodie-red-onmodel-cutout.png', samples)));
const preset = (id: string) => lock.lighting.find((l) => l.id === id)!;
const view = (id: string) => lock.poseSets[0].views.find((v) => v.id === id)!;
const swatches = lock.palette.swatches.slice(3, 6);

async function pixels(png: Uint8Array) {
  const { data, info } = await sharp(png).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  return { data, info, at: (x: number, y: number) => Array.from(data.subarray((y * info.width + x) * 3, (y * info.width + x) * 3 + 3)) };
}

/** Mean R/B of the non-backdrop pixels in the figure's box (the relit reference). */
async function figureWarmth(png: Uint8Array): Promise<number> {
  const p = await pixels(png);
  let r = 0;
  let b = 0;
  for (let y = Math.round(p.info.height * 0.1); y < p.info.height * 0.75; y += 3) {
    for (let x = Math.round(p.info.width * 0.1); x < p.info.width * 0.55; x += 3) {
      const [pr, , pb] = p.at(x, y);
      if (pr + pb < 380) {
        r += pr;
        b += pb;
      }
    }
  }
  return r / Math.max(1, b);
}

const study = (over: Partial<Parameters<typeof renderCellStudy>[0]> = {}) =>
  renderCellStudy({ width: 384, height: 480, lighting: preset('studio-warm'), model: { name: 'Ava' }, view: view('front'), swatches, reference: AVA, lut: null, caption: 'Warm daylight studio · Ava · Front', ...over });

describe('a moodboard cell study', () => {
  it('shows the model reference in the preset\'s light: warm light renders the figure warmer than cool light', async () => {
    const warm = await figureWarmth(await study({ lighting: preset('studio-warm') }));
    const cool = await figureWarmth(await study({ lighting: { ...preset('editorial-cool'), colorTemperatureK: 8000 } as LightingPreset }));
    expect(warm).toBeGreaterThan(cool * 1.08);
  });

  it('grades with the lock\'s LUT for that light (the pixels change), and without a reference draws the pose', async () => {
    const cube = parseCube(readFileSync(new URL('luts/cool-editorial.cube', samples), 'utf8'));
    if (!cube.success) throw new Error('cube');
    const plain = await pixels(await study());
    const graded = await pixels(await study({ lut: { name: 'Cool editorial grade', cube: cube.lut } }));
    let diff = 0;
    for (let i = 0; i < plain.data.length; i++) diff += Math.abs(plain.data[i] - graded.data[i]);
    expect(diff / plain.data.length).toBeGreaterThan(0.5);
    const noRef = await pixels(await study({ reference: null }));
    let changed = 0;
    for (let i = 0; i < plain.data.length; i++) changed += Math.abs(plain.data[i] - noRef.data[i]) > 20 ? 1 : 0;
    expect(changed / plain.data.length).toBeGreaterThan(0.05);
  });

  it('reads the pose from the lock\'s views', () => {
    expect(lock.poseSets.flatMap((p) => p.views.map((v) => `${v.id}:${poseKind(v)}`))).toEqual([
      'front:front', 'back:back', 'side:side', 'detail:detail', 'front-closed:front', 'front-open:open', 'back:back', 'detail:detail', 'front:front', 'back:back',
    ]);
  });

  it('takes colour temperature from the Planckian locus', () => {
    const [r, g, b] = lightColour(6500);
    expect(Math.abs(r - b)).toBeLessThan(0.06);
    expect(g).toBeGreaterThan(0.9);
    const [wr, , wb] = lightColour(3200);
    expect(wr / wb).toBeGreaterThan(1.5);
  });
});
