import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { evaluateLut, parseCubeOrThrow, parseIccProfile, type CubeLut } from '@brandlock/core';
import { runCli } from '../run-cli';
import { captureIo } from '../../../test-support/capture-io';

// transicc is Little CMS's command-line transform tool (Debian package liblcms2-utils): a real CMS
// applying our DeviceLink is the strongest check that Photoshop-class software reads it as intended.
const hasTransicc = spawnSync('transicc', ['-v0'], { input: '' }).error === undefined;
const dir = mkdtempSync(join(tmpdir(), 'brandlock-lut-icc-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const fixture = (p: string) => new URL(`../../../../${p}`, import.meta.url).pathname;


/** Runs colours (0..255) through a DeviceLink with Little CMS, no precalculation, and returns its outputs. */
function transicc(link: string, colours: number[][]): number[][] {
  const res = spawnSync('transicc', [`-l${link}`, '-n', '-c0'], { input: colours.map((c) => c.join(' ')).join('\n') + '\n' });
  if (res.status !== 0) throw new Error(`transicc failed: ${res.stderr}`);
  return res.stdout.toString().trim().split('\n').map((line) => line.trim().split(/\s+/).map(Number));
}

function testColours(): number[][] {
  const out: number[][] = [];
  for (let i = 0; i < 6; i++) for (let j = 0; j < 6; j++) for (let k = 0; k < 6; k++) out.push([i * 51, j * 47 + 8, k * 41 + 20].map((v) => Math.min(255, v)));
  return out;
}

async function writeLink(cube: string, grid: number): Promise<string> {
  const out = join(dir, `${grid}-${cube.split('/').pop()}.icc`);
  const io = captureIo(dir);
  expect(await runCli(['lut', 'icc', cube, out, '--grid', String(grid)], io)).toBe(0);
  return out;
}

describe('brandlock lut icc', () => {
  it('writes a DeviceLink that reads back with the right header and tags', async () => {
    const out = await writeLink(fixture('samples/luts/warm-studio.cube'), 33);
    const res = parseIccProfile(new Uint8Array(readFileSync(out)));
    expect(res).toMatchObject({ success: true, profile: { deviceClass: 'link', colorSpace: 'RGB ', pcs: 'RGB ', version: '2.4.0' } });
  });

  it.skipIf(!hasTransicc).each([
    ['samples/luts/warm-studio.cube', 33, 0.01],
    ['samples/luts/cool-editorial.cube', 65, 0.01],
    ['samples/luts/warm-studio.cube', 17, 1],
    ['core/test-fixtures/luts/colour-science/iridas_cube/eotf_sRGB_3D.cube', 33, 2],
  ] as const)('Little CMS applying %s as a %i-point DeviceLink matches the .cube within %f of 255', async (cube, grid, tolerance) => {
    const lut: CubeLut = parseCubeOrThrow(readFileSync(fixture(cube), 'utf8'));
    const colours = testColours();
    const got = transicc(await writeLink(fixture(cube), grid), colours);
    let worst = 0;
    colours.forEach((c, i) => {
      const want = evaluateLut(lut, [c[0] / 255, c[1] / 255, c[2] / 255]).map((v) => Math.min(1, Math.max(0, v)) * 255);
      want.forEach((v, ch) => (worst = Math.max(worst, Math.abs(got[i][ch] - v))));
    });
    expect(worst).toBeLessThan(tolerance);
  });

  it('refuses a grid Photoshop does not use and a malformed LUT', async () => {
    let io = captureIo(dir);
    expect(await runCli(['lut', 'icc', fixture('samples/luts/warm-studio.cube'), join(dir, 'x.icc'), '--grid', '20'], io)).toBe(2);
    expect(io.stderr).toMatch(/--grid "20" is not 17, 33 or 65/);
    io = captureIo(dir);
    expect(await runCli(['lut', 'icc', fixture('core/test-fixtures/luts/malformed/size-257.cube'), join(dir, 'y.icc')], io)).toBe(1);
    expect(io.stderr).toMatch(/size-257\.cube:2: LUT_3D_SIZE 257 is out of range/);
  });
});

if (!hasTransicc) console.warn('lut-icc.test.ts: transicc is not installed, so the Little CMS checks are skipped (apt-get install liblcms2-utils)');
