import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { loadBrandLock } from '@brandlock/core/brand';
import { matchPalette } from './match-palette';
import { resolveSwatches } from './swatch-colors';
import type { PaintUse } from '../protocol/palette';

const lockDoc = JSON.parse(readFileSync(new URL('../../../../samples/brand-lock.json', import.meta.url), 'utf8'));
const loaded = loadBrandLock(lockDoc);
if (!loaded.success) throw new Error('sample lock does not load');
const palette = loaded.lock.palette;
const swatches = resolveSwatches(palette);

const hexRgb = (hex: string) => {
  const n = parseInt(hex.slice(1), 16);
  return { r: ((n >> 16) & 255) / 255, g: ((n >> 8) & 255) / 255, b: (n & 255) / 255 };
};
const use = (hex: string, nodeName = 'Layer', extra: Partial<PaintUse> = {}): PaintUse => ({
  nodeId: `${nodeName}-${hex}`, nodeName, target: 'fill', index: 0, range: null, color: hexRgb(hex), opacity: 1, binding: null, ...extra,
});

describe('matchPalette against the Northfold palette', () => {
  it('passes exact swatch colours and near misses within tolerance, flags the rest with the nearest swatch', () => {
    const report = matchPalette([use('#1f2a44'), use('#c1613f'), use('#ffffff'), use('#00ff00'), use('#00ff00', 'Other')], palette, { includeNeutrals: true });
    const rows = report.colours.map((c) => [c.hex, c.nearest.name, Number(c.deltaE.toFixed(2)), c.onPalette, c.uses.length]);
    expect(rows).toEqual([
      ['#00ff00', 'Sage', expect.any(Number), false, 2],
      ['#ffffff', 'Optic white', expect.any(Number), false, 1],
      ['#c1613f', 'Terracotta', expect.any(Number), true, 1],
      ['#1f2a44', 'Ink navy', 0, true, 1],
    ]);
    const white = report.colours.find((c) => c.hex === '#ffffff')!;
    expect(white.deltaE).toBeGreaterThan(2.5);
    expect(report.offPalette.map((c) => c.hex)).toEqual(['#00ff00', '#ffffff']);
    expect(report.colours.find((c) => c.hex === '#c1613f')!.deltaE).toBeLessThan(2.5);
  });

  it('uses each swatch\'s own tolerance (Cognac allows 2, the palette default is 2.5)', () => {
    // #934c2a is about ΔE00 2.1 from Cognac #8a4b2a: inside the default 2.5 but outside Cognac's 2.
    const report = matchPalette([use('#934c2a')], palette);
    expect(report.colours[0].nearest.id).toBe('cognac');
    expect(report.colours[0].deltaE).toBeGreaterThan(2);
    expect(report.colours[0].deltaE).toBeLessThan(2.5);
    expect(report.colours[0].onPalette).toBe(false);
  });

  it('resolves Lab swatches to the sRGB colour a snap paints', () => {
    const forest = swatches.find((s) => s.id === 'forest')!;
    expect(forest.hex).toMatch(/^#[0-9a-f]{6}$/);
    expect(forest.clamped).toBe(false);
    expect(matchPalette([use(forest.hex)], palette).colours[0]).toMatchObject({ onPalette: true, nearest: { id: 'forest' } });
  });

  it('counts paints bound to a style or variable, which a snap changes there', () => {
    const report = matchPalette([use('#00ff00', 'A', { binding: { kind: 'style', id: 'S:1', name: 'Accent', remote: false } }), use('#00ff00', 'B')], palette);
    expect(report.offPalette[0].bound).toBe(1);
  });

  it('leaves neutrals (UI greys, black, white) out unless asked, and marks only near misses for snapping', () => {
    const uses = [use('#ffffff'), use('#808080'), use('#333333'), use('#934c2a'), use('#00ff00')];
    const report = matchPalette(uses, palette);
    expect(report.neutrals).toBe(3);
    expect(report.colours.map((c) => c.hex)).toEqual(['#00ff00', '#934c2a']);
    expect(Object.fromEntries(report.offPalette.map((c) => [c.hex, c.nearMiss]))).toEqual({ '#00ff00': false, '#934c2a': true });
    expect(matchPalette(uses, palette, { includeNeutrals: true }).colours).toHaveLength(5);
  });
});
