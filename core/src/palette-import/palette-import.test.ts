// Palette import: .ase and .aco files assembled byte by byte from the published layouts (not by our
// writers), round trips through our writers, CSV tables and Pantone-style lists, and per-entry errors.
import { describe, expect, it } from 'vitest';
import { converter } from 'culori';
import { parseColor } from '../color/parse-color';
import { deltaE2000 } from '../color/delta-e-2000';
import { addSwatches, labD50ToD65, labD65ToD50, readAco, readAse, readPantoneList, readSwatchFile, readSwatchTable, writeAco, writeAse } from './index';
import type { Swatch } from '../brand/palette';

/** An .ase file as the format describes it, built by hand: [name, model, values, type][]. */
function handAse(entries: { name: string; model: string; values: number[] }[], group?: string): Uint8Array {
  const parts: number[] = [];
  const u16 = (v: number) => parts.push((v >> 8) & 255, v & 255);
  const u32 = (v: number) => parts.push((v >>> 24) & 255, (v >> 16) & 255, (v >> 8) & 255, v & 255);
  const f32 = (v: number) => {
    const b = new Uint8Array(4);
    new DataView(b.buffer).setFloat32(0, v);
    parts.push(...b);
  };
  const name = (s: string) => {
    u16(s.length + 1);
    for (const ch of s) u16(ch.charCodeAt(0));
    u16(0);
  };
  parts.push(0x41, 0x53, 0x45, 0x46);
  u16(1);
  u16(0);
  u32(entries.length + (group ? 2 : 0));
  if (group) {
    u16(0xc001);
    u32(2 + (group.length + 1) * 2);
    name(group);
  }
  for (const e of entries) {
    u16(0x0001);
    u32(2 + (e.name.length + 1) * 2 + 4 + e.values.length * 4 + 2);
    name(e.name);
    for (const ch of e.model) parts.push(ch.charCodeAt(0));
    e.values.forEach(f32);
    u16(2);
  }
  if (group) {
    u16(0xc002);
    u32(0);
  }
  return new Uint8Array(parts);
}

const toLab65 = converter('lab65');

describe('Lab D50 <-> D65', () => {
  it('agrees with culori (lab D50 to lab65) to 0.001 and round-trips', () => {
    for (const c of [{ l: 31.2, a: -0.3, b: -30.1 }, { l: 48.5, a: 68, b: 54.5 }, { l: 90, a: 2, b: 10 }, { l: 5, a: 10, b: -20 }]) {
      const ours = labD50ToD65(c);
      const theirs = toLab65({ mode: 'lab', l: c.l, a: c.a, b: c.b })!;
      expect(Math.abs(ours.l - theirs.l) + Math.abs(ours.a - theirs.a) + Math.abs(ours.b - theirs.b)).toBeLessThan(0.01);
      const back = labD65ToD50(ours);
      expect(Math.abs(back.l - c.l) + Math.abs(back.a - c.a) + Math.abs(back.b - c.b)).toBeLessThan(1e-6);
    }
  });
});

describe('readAse', () => {
  it('reads RGB, Lab (D50, adapted to D65), grey and Pantone names from a hand-built file; CMYK is refused by name', () => {
    const bytes = handAse(
      [
        { name: 'Ink navy', model: 'RGB ', values: [0x1f / 255, 0x2a / 255, 0x44 / 255] },
        { name: 'PANTONE 17-1664 TCX Poppy Red', model: 'LAB ', values: [0.485, 68, 54.5] },
        { name: 'Mid grey', model: 'Gray', values: [0.5] },
        { name: 'Press red', model: 'CMYK', values: [0, 1, 1, 0] },
      ],
      'SS27',
    );
    const { swatches, issues } = readAse(bytes, 'brand.ase');
    expect(swatches.map((s) => [s.name, s.code, s.group])).toEqual([['Ink navy', undefined, 'SS27'], ['Poppy Red', '17-1664 TCX', 'SS27'], ['Mid grey', undefined, 'SS27']]);
    expect(swatches[0].color).toBe('#1f2a44');
    const poppy = parseColor(swatches[1].color);
    const expected = toLab65({ mode: 'lab', l: 48.5, a: 68, b: 54.5 })!;
    expect(poppy.success && deltaE2000(poppy.lab, { l: expected.l, a: expected.a, b: expected.b })).toBeLessThan(0.01);
    expect(swatches[1].original).toBe('LAB D50 48.5 68 54.5');
    expect(swatches[2].color).toBe('#808080');
    expect(issues).toEqual([expect.objectContaining({ file: 'brand.ase', entry: 4, name: 'Press red', code: 'unsupported_color', found: 'CMYK 0 1 1 0' })]);
  });

  it('reports a truncated file, a foreign file and a bad model, keeping the good entries', () => {
    const good = handAse([{ name: 'A', model: 'RGB ', values: [1, 0, 0] }, { name: 'B', model: 'RGB ', values: [0, 1, 0] }]);
    const cut = readAse(good.subarray(0, good.length - 5), 'cut.ase');
    expect(cut.swatches.map((s) => s.name)).toEqual(['A']);
    expect(cut.issues[0].message).toMatch(/block 2 runs past the end of the file/);
    expect(readAse(new TextEncoder().encode('GIF89a........'), 'x.ase').issues[0]).toMatchObject({ code: 'invalid_file', message: 'not an Adobe Swatch Exchange file' });
    const weird = handAse([{ name: 'Odd', model: 'XYZ ', values: [1, 1, 1] }, { name: 'Fine', model: 'RGB ', values: [0, 0, 1] }]);
    const res = readAse(weird, 'weird.ase');
    expect(res.swatches.map((s) => s.color)).toEqual(['#0000ff']);
    expect(res.issues[0]).toMatchObject({ entry: 1, name: 'Odd', found: '"XYZ "' });
  });

  it('survives hostile lengths and block counts without reading out of bounds', () => {
    const bytes = handAse([{ name: 'A', model: 'RGB ', values: [1, 0, 0] }]);
    const huge = bytes.slice();
    new DataView(huge.buffer).setUint32(8, 0xffffffff);
    expect(readAse(huge, 'h.ase').issues[0].message).toMatch(/too many blocks/);
    const longName = bytes.slice();
    new DataView(longName.buffer).setUint16(18, 0xffff);
    expect(readAse(longName, 'n.ase').issues[0]).toMatchObject({ entry: 1, message: 'the swatch name is cut short' });
  });
});

describe('readAco', () => {
  /** A version 1 + 2 .aco per Adobe's Photoshop File Formats Specification, by hand. */
  function handAco(colors: { space: number; v: number[]; name: string }[], withV2 = true): Uint8Array {
    const parts: number[] = [];
    const u16 = (v: number) => parts.push((v >> 8) & 255, v & 255);
    u16(1);
    u16(colors.length);
    for (const c of colors) [c.space, ...c.v].forEach(u16);
    if (withV2) {
      u16(2);
      u16(colors.length);
      for (const c of colors) {
        [c.space, ...c.v].forEach(u16);
        u16(0);
        u16(c.name.length + 1);
        for (const ch of c.name) u16(ch.charCodeAt(0));
        u16(0);
      }
    }
    return new Uint8Array(parts);
  }

  it('reads RGB, Lab (hundredths, signed a/b, D50) and names from the version 2 section', () => {
    const bytes = handAco([
      { space: 0, v: [0x1f * 257, 0x2a * 257, 0x44 * 257, 0], name: 'Ink navy' },
      { space: 7, v: [3120, (65536 - 30) % 65536, 65536 - 3010, 0], name: 'PANTONE 19-4052 TCX Classic Blue' },
      { space: 2, v: [0, 0, 65535, 65535], name: 'Process' },
    ]);
    const { swatches, issues } = readAco(bytes, 'brand.aco');
    expect(swatches.map((s) => [s.name, s.code, s.color.slice(0, 4)])).toEqual([['Ink navy', undefined, '#1f2'], ['Classic Blue', '19-4052 TCX', 'lab(']]);
    expect(swatches[1].original).toBe('LAB D50 31.2 -0.3 -30.1');
    expect(issues).toEqual([expect.objectContaining({ entry: 3, name: 'Process', code: 'unsupported_color' })]);
  });

  it('reads a version 1 file without names, and says when the file ends early', () => {
    const v1 = handAco([{ space: 0, v: [65535, 0, 0, 0], name: '' }], false);
    expect(readAco(v1, 'v1.aco').swatches).toEqual([expect.objectContaining({ name: 'Swatch 1', color: '#ff0000' })]);
    const cut = readAco(v1.subarray(0, 8), 'cut.aco');
    expect(cut.issues[0]).toMatchObject({ code: 'invalid_file', message: 'the file ends after 0 of 1 colours' });
  });
});

describe('round trips through our writers', () => {
  const palette: Swatch[] = [
    { id: 'ink', name: 'Ink navy', code: '19-4024 TCX', color: '#1f2a44' },
    { id: 'poppy', name: 'Poppy', code: '17-1664 TCX', color: 'lab(48.5 68 54.5)' },
    { id: 'forest', name: 'Forest', color: 'lab(32 -22 10)' },
    { id: 'optic', name: 'Optic white', color: 'lab(88 0 0.2)' },
  ];
  const close = (a: string, b: string, limit: number) => {
    const pa = parseColor(a);
    const pb = parseColor(b);
    return pa.success && pb.success ? deltaE2000(pa.lab, pb.lab) < limit : false;
  };

  it('.ase keeps hex exactly and Lab within float32 precision (ΔE00 < 0.001), names and codes too', () => {
    const back = readAse(writeAse(palette, 'Northfold'), 'out.ase');
    expect(back.issues).toEqual([]);
    expect(back.swatches.map((s) => [s.name, s.code ?? null])).toEqual(palette.map((s) => [s.name, s.code ?? null]));
    expect(back.swatches[0].color).toBe('#1f2a44');
    back.swatches.forEach((s, i) => expect(close(s.color, palette[i].color, 0.001)).toBe(true));
  });

  it('.aco keeps hex exactly and Lab within the format\'s hundredths (ΔE00 < 0.02)', () => {
    const back = readAco(writeAco(palette), 'out.aco');
    expect(back.issues).toEqual([]);
    expect(back.swatches[0].color).toBe('#1f2a44');
    back.swatches.forEach((s, i) => expect(close(s.color, palette[i].color, 0.02)).toBe(true));
  });
});

describe('swatch tables and Pantone-style lists', () => {
  it('keeps Lab D65 exactly as written, adapts D50, and names every bad row', () => {
    const csv = ['Name,Code,L,a,b,Illuminant,Tolerance', 'Classic Blue,19-4052 TCX,31.2,-0.3,-30.1,D65,1.5', 'Print red,,48.5,68,54.5,D50,', ',,1,1,1,,', 'Bad light,,120,0,0,,', 'Huge tol,,50,0,0,,99'].join('\r\n');
    const { swatches, issues } = readSwatchTable(csv, 'palette.csv');
    expect(swatches[0]).toMatchObject({ name: 'Classic Blue', code: '19-4052 TCX', color: 'lab(31.2 -0.3 -30.1)', tolerance: 1.5, conversion: 'Lab D65, kept exactly' });
    expect(swatches[1].conversion).toMatch(/Bradford/);
    expect(issues.map((i) => [i.line, i.message])).toEqual([
      [4, 'the name is empty'],
      [5, 'Lab lightness 120 is outside 0..100'],
      [6, 'tolerance is not a ΔE00 above 0 and at most 30'],
    ]);
  });

  it('says which column is missing', () => {
    expect(readSwatchTable('name,notes\nInk,dark\n', 'p.csv').issues[0]).toMatchObject({ line: 1, code: 'missing_column', message: 'the header has no colour column' });
  });

  it('reads Pantone-style lines and refuses a code without a value instead of guessing', () => {
    const text = ['# SS27 colour standards', 'PANTONE 19-4052 TCX Classic Blue  L*31.2 a*-0.3 b*-30.1', '17-1664 TCX; Poppy Red; #d8383a', 'PANTONE 11-0601 TCX Bright White', 'Sand beige lab(70 5 20)'].join('\n');
    const { swatches, issues } = readPantoneList(text, 'standards.txt');
    expect(swatches.map((s) => [s.line, s.code, s.name, s.color])).toEqual([
      [2, '19-4052 TCX', 'Classic Blue', 'lab(31.2 -0.3 -30.1)'],
      [3, '17-1664 TCX', 'Poppy Red', '#d8383a'],
    ]);
    expect(issues.map((i) => [i.line, i.message.slice(0, 40)])).toEqual([
      [4, "no colour for 11-0601 TCX: brandlock doe"],
      [5, 'no Pantone-style code on the line'],
    ]);
  });

  it('picks the reader from the content, not only the name', () => {
    const ase = writeAse([{ id: 'a', name: 'A', color: '#ffffff' }]);
    expect(readSwatchFile(ase, 'renamed.bin').format).toBe('ase');
    expect(readSwatchFile(writeAco([{ id: 'a', name: 'A', color: '#ffffff' }]), 'swatches').format).toBe('aco');
  });
});

describe('addSwatches', () => {
  const palette = { defaultTolerance: 2.5, swatches: [{ id: 'ink', name: 'Ink', color: '#1f2a44', tolerance: 2 }] };
  const src = (name: string, color: string) => ({ name, color, original: color, conversion: '', file: 'f.ase', entry: 1 });

  it('adds new ids, leaves equal colours alone, and refuses to overwrite a different colour unless told to', () => {
    const res = addSwatches(palette, [src('Ink', '#1f2a44'), src('Classic Blue', 'lab(31.2 -0.3 -30.1)'), src('Ink', '#000000')]);
    expect(res.changes.map((c) => [c.id, c.kind])).toEqual([['ink', 'unchanged'], ['classic-blue', 'added']]);
    expect(res.issues.map((i) => i.code)).toEqual(['duplicate']);
    const rep = addSwatches(palette, [src('Ink', '#000000')], { replace: true });
    expect(rep.changes[0]).toMatchObject({ kind: 'replaced', swatch: { id: 'ink', color: '#000000', tolerance: 2 } });
    expect(rep.palette.swatches).toHaveLength(1);
  });
});
