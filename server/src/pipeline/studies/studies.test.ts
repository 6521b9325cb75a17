import { describe, expect, it } from 'vitest';
import sharp from 'sharp';
import type { LightingPreset } from '@brandlock/core';
import { renderLightingStudy } from './lighting-study';
import { renderPaletteStudy } from './palette-study';
import { planStudies } from './plan-studies';
import { lightColour } from './light-colour';

const preset = (over: Partial<LightingPreset> = {}): LightingPreset => ({
  id: 'p', name: 'Preset', colorTemperatureK: 5500, tint: 0, keyFillRatio: 4, keyDirection: 'left-45', exposure: { targetL: 60, toleranceEv: 0.3 }, background: '#e9ecef', promptFragment: '', ...over,
});

async function pixels(png: Uint8Array) {
  const { data, info } = await sharp(png).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  return { at: (x: number, y: number) => Array.from(data.subarray((y * info.width + x) * 3, (y * info.width + x) * 3 + 3)), info };
}
const luma = ([r, g, b]: number[]) => 0.2126 * r + 0.7152 * g + 0.0722 * b;

describe('lighting studies', () => {
  it('light the sphere from the key side, with the ratio the preset gives', async () => {
    const w = 240;
    const h = 300;
    const hard = await pixels(await renderLightingStudy({ preset: preset({ keyDirection: 'left-45', keyFillRatio: 8 }), objectColor: '#9caf88', objectName: 'Sage', width: w, height: h }));
    const cy = Math.round(h * 0.42);
    const r = Math.round(Math.min(w, h) * 0.27);
    const left = luma(hard.at(Math.round(w / 2 - r * 0.6), cy));
    const right = luma(hard.at(Math.round(w / 2 + r * 0.6), cy));
    expect(left).toBeGreaterThan(right + 40);
    const soft = await pixels(await renderLightingStudy({ preset: preset({ keyDirection: 'left-45', keyFillRatio: 1.5 }), objectColor: '#9caf88', objectName: 'Sage', width: w, height: h }));
    const softRight = luma(soft.at(Math.round(w / 2 + r * 0.6), cy));
    expect(softRight).toBeGreaterThan(right + 20);
    const mirrored = await pixels(await renderLightingStudy({ preset: preset({ keyDirection: 'right-45', keyFillRatio: 8 }), objectColor: '#9caf88', objectName: 'Sage', width: w, height: h }));
    expect(luma(mirrored.at(Math.round(w / 2 + r * 0.6), cy))).toBeGreaterThan(luma(mirrored.at(Math.round(w / 2 - r * 0.6), cy)) + 40);
  });

  it('render warm light warmer than cool light', async () => {
    const ratio = async (k: number) => {
      const p = await pixels(await renderLightingStudy({ preset: preset({ colorTemperatureK: k, keyDirection: 'front' }), objectColor: '#b9bcc0', objectName: 'Silver', width: 160, height: 200 }));
      const [r, , b] = p.at(80, Math.round(200 * 0.42));
      return r / b;
    };
    expect(await ratio(3200)).toBeGreaterThan((await ratio(8000)) * 1.3);
    const [r, g, b] = lightColour(6500);
    expect(Math.abs(r - b)).toBeLessThan(0.06);
    expect(g).toBeGreaterThan(0.9);
  });

  it('carry a caption band that says they are studies, not photographs', async () => {
    const p = await pixels(await renderLightingStudy({ preset: preset(), objectColor: '#d8392b', objectName: 'Poppy <&>', width: 400, height: 500 }));
    const band = [];
    for (let x = 0; x < 400; x += 4) for (let y = 460; y < 500; y += 2) band.push(luma(p.at(x, y)));
    expect(band.filter((l) => l > 230).length / band.length).toBeGreaterThan(0.6);
    expect(band.some((l) => l < 90)).toBe(true);
  });
});

describe('palette studies', () => {
  it('show each swatch as a flat chip in its own colour', async () => {
    const swatches = [
      { id: 'poppy', name: 'Poppy', color: '#d8392b' },
      { id: 'ink', name: 'Ink', color: '#1f2a44' },
      { id: 'sage', name: 'Sage', color: '#9caf88' },
      { id: 'forest', name: 'Forest', color: 'lab(32 -22 10)' },
    ];
    const p = await pixels(await renderPaletteStudy({ swatches, width: 400, height: 500, title: 'test', background: '#f7f7f5' }));
    const pad = 20;
    const cellW = (400 - pad * 3) / 2;
    expect(p.at(Math.round(pad + cellW / 2), pad + 20)).toEqual([0xd8, 0x39, 0x2b]);
    expect(p.at(Math.round(pad * 2 + cellW * 1.5), pad + 20)).toEqual([0x1f, 0x2a, 0x44]);
  });
});

describe('moodboard plans', () => {
  it('interleave a palette study every third image and cycle the chosen presets', () => {
    const a = preset({ id: 'a' });
    const b = preset({ id: 'b' });
    const specs = planStudies(9, [a, b], [{ id: 's1', name: 'S1', color: '#1f2a44' }, { id: 's2', name: 'S2', color: '#d8392b' }]);
    expect(specs.map((s) => (s.type === 'lighting' ? s.preset.id : 'palette'))).toEqual(['a', 'b', 'palette', 'a', 'b', 'palette', 'a', 'b', 'palette']);
  });
});
