// brandlock palette import / export / measure on real files: swatch files written by code, the
// sample lock copied to a temporary folder, and the sample photos measured by QC's garment measure.
import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { writeAse } from '@brandlock/core';
import { runCli } from '../run-cli';
import { captureIo } from '../../../test-support/capture-io';

const samples = new URL('../../../../samples/', import.meta.url).pathname;
let dir: string;
let lock: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'bl-palette-'));
  await cp(join(samples, 'brand-lock.json'), join(dir, 'brand-lock.json'));
  await cp(join(samples, 'luts'), join(dir, 'luts'), { recursive: true });
  lock = join(dir, 'brand-lock.json');
});

describe('brandlock palette import', () => {
  it('adds an .ase and a CSV to the palette, reports each bad entry by file and line, and writes a valid lock', async () => {
    await writeFile(join(dir, 'ss28.ase'), writeAse([{ id: 'x', name: 'Classic Blue', code: '19-4052 TCX', color: 'lab(31.2 -0.3 -30.1)' }, { id: 'ink', name: 'Ink navy', color: '#1f2a44' }], 'SS28'));
    await writeFile(join(dir, 'extra.csv'), 'name,L,a,b\nMoss,40,-12,20\nBroken,abc,1,1\n');
    const io = captureIo();
    const out = join(dir, 'lock-v2.json');
    expect(await runCli(['palette', 'import', join(dir, 'ss28.ase'), join(dir, 'extra.csv'), '--lock', lock, '--out', out, '--version', 'SS28.1'], io)).toBe(1);
    expect(io.stdout).toMatch(/\+ classic-blue +lab\(\S+ \S+ \S+\) +Classic Blue \(19-4052 TCX\) +from LAB D50 /);
    expect(io.stdout).toMatch(/= ink /);
    expect(io.stdout).toMatch(/\+ moss +lab\(40 -12 20\) +Moss .*Lab D65, kept exactly/);
    expect(io.stderr).toMatch(/extra\.csv:line 3 \(Broken\): "abc 1 1" are not three numbers|extra\.csv:line 3 \(Broken\): .*numbers/);
    expect(io.stdout).toMatch(/2 added, 0 replaced, 1 already in the palette, 1 problem; wrote .*lock-v2\.json/);
    const check = captureIo();
    expect(await runCli(['lock', 'check', out], check)).toBe(0);
    const doc = JSON.parse(await readFile(out, 'utf8'));
    expect(doc.version).toBe('SS28.1');
    expect(doc.palette.swatches.find((s: { id: string }) => s.id === 'moss')).toEqual({ id: 'moss', name: 'Moss', color: 'lab(40 -12 20)' });
    const diff = captureIo();
    await runCli(['lock', 'diff', lock, out], diff);
    expect(diff.stdout).toMatch(/\+ Swatch "Moss" \(moss\) added/);
  });

  it('exports the palette as .ase and .aco that import back with no change', async () => {
    for (const ext of ['ase', 'aco']) {
      const file = join(dir, `palette.${ext}`);
      const io = captureIo();
      expect(await runCli(['palette', 'export', file, '--lock', lock], io)).toBe(0);
      expect(io.stdout).toMatch(/27 swatches/);
      const back = captureIo();
      expect(await runCli(['palette', 'import', file, '--lock', lock, '--json'], back)).toBe(0);
      const res = JSON.parse(back.stdout);
      expect(res.changes.filter((c: { kind: string }) => c.kind !== 'unchanged')).toEqual([]);
      expect(res.changes).toHaveLength(27);
    }
  });

  it('refuses a file that is not a swatch file, naming it', async () => {
    const io = captureIo();
    expect(await runCli(['palette', 'import', join(samples, 'photos/packshot/payload-cap-black-cutout.png'), '--lock', lock], io)).toBe(1);
    expect(io.stderr).toMatch(/payload-cap-black-cutout\.png.*(binary content|no Pantone-style code)/);
  });
});

describe('brandlock palette measure', () => {
  it('measures the red hoodie packshots as a red near the lock\'s Poppy, with the spread between photos', async () => {
    const io = captureIo();
    const photos = ['photos/packshot/solidus-hoodie-red-cutout.png', 'photos/packshot/solidus-longsleeve-red-cutout.png'].map((p) => join(samples, p));
    expect(await runCli(['palette', 'measure', ...photos, '--lock', lock, '--name', 'Merch red', '--json'], io)).toBe(0);
    const res = JSON.parse(io.stdout);
    expect(res.photos).toHaveLength(2);
    expect(res.lab.a).toBeGreaterThan(35);
    expect(res.nearest.id).toMatch(/poppy|terracotta/);
    expect(res.spread).toBeGreaterThanOrEqual(0);
  });

  it('reports a photo it cannot read and still measures the others', async () => {
    await writeFile(join(dir, 'broken.jpg'), new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 1, 2]));
    const io = captureIo();
    expect(await runCli(['palette', 'measure', join(dir, 'broken.jpg'), join(samples, 'photos/flatlay/solidus-tee-blue-white-bg.jpg'), '--lock', lock, '--name', 'Tee blue'], io)).toBe(1);
    expect(io.stderr).toMatch(/broken\.jpg: /);
    expect(io.stdout).toMatch(/Tee blue: lab\(\S+ \S+ \S+\) from 1 photo, spread ΔE00 0\.00/);
  });

  it('pins a swatch measured from one photo inside the lock folder, and lock check re-measures it', async () => {
    await cp(join(samples, 'photos/packshot/solidus-hoodie-blue-white-bg.jpg'), join(dir, 'ref-blue.jpg'));
    const out = join(dir, 'lock-pinned.json');
    const io = captureIo(dir);
    expect(await runCli(['palette', 'measure', 'ref-blue.jpg', '--lock', 'brand-lock.json', '--name', 'Merch blue', '--out', 'lock-pinned.json'], io)).toBe(0);
    const doc = JSON.parse(await readFile(out, 'utf8'));
    expect(doc.palette.swatches.find((s: { id: string }) => s.id === 'merch-blue')).toMatchObject({ measured: { image: 'ref-blue.jpg', measure: 'brandlock-swatch/1' } });
    const check = captureIo(dir);
    expect(await runCli(['lock', 'check', out], check), check.stdout + check.stderr).toBe(0);
  });
});
