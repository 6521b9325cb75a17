// Lighting calibration: on a dome rendered under a known key direction and key/fill ratio
// (test-support/lit-dome), the measures recover them; on the repo's white-background packshots
// the command writes a preset and shows where the references disagree.
import { mkdtemp, readFile, writeFile, cp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { measureLighting } from '@brandlock/core';
import { renderLitDome } from '../../../test-support/lit-dome';
import { readPhotoForMeasure } from '../../lock-setup/read-photo-for-measure';
import { runCli } from '../run-cli';
import { captureIo } from '../../../test-support/capture-io';

const samples = new URL('../../../../samples/', import.meta.url).pathname;

describe('measureLighting on a rendered lit dome', () => {
  it('finds the side the key comes from and reads 4:1 and 1.5:1 lights within a factor of 1.6', async () => {
    const measure = async (direction: Parameters<typeof renderLitDome>[0]['direction'], ratio: number) => measureLighting((await readPhotoForMeasure('dome.png', await renderLitDome({ direction, ratio }))).image)!;
    const left = await measure('left-45', 4);
    const right = await measure('right-45', 4);
    const soft = await measure('right-45', 1.5);
    const front = await measure('front', 2);
    expect(left.keyDirection).toMatch(/^left/);
    expect(right.keyDirection).toMatch(/^right/);
    expect(soft.keyDirection).toBe('right-45');
    expect(front.keyDirection).toBe('front');
    expect(right.keyFillRatio).toBeGreaterThan(2.5);
    expect(right.keyFillRatio).toBeLessThan(5);
    expect(soft.keyFillRatio).toBeGreaterThan(1.2);
    expect(soft.keyFillRatio).toBeLessThan(2.4);
    expect(left.backdrop?.hex).toBeDefined();
  }, 60_000);
});

describe('brandlock lock calibrate', () => {
  it('writes the calibrated preset into a new lock and says where the references disagree', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'bl-cal-'));
    for (const f of ['brand-lock.json', 'luts']) await cp(join(samples, f), join(dir, f), { recursive: true });
    const refs = ['packshot/solidus-hoodie-blue-white-bg.jpg', 'packshot/solidus-polo-red-navy-white-bg.jpg', 'packshot/solidus-zip-hoodie-grey-white-bg.jpg'].map((p) => join(samples, 'photos', p));
    const io = captureIo(dir);
    expect(await runCli(['lock', 'calibrate', 'packshot-white', ...refs, '--lock', 'brand-lock.json', '--out', 'calibrated.json', '--version', 'SS27.2'], io)).toBe(0);
    expect(io.stdout).toMatch(/backdrop {7}#ffffff/);
    expect(io.stdout).toMatch(/colour temp\. {3}6500 K {3}\(was 5500 K; references 650\d to 650\d K\)/);
    expect(io.stdout).toMatch(/check: exposures differ by/);
    expect(io.stdout).toMatch(/~ Lighting preset "Packshot on white" \(packshot-white\): colour temperature \(K\) changed from 5500 to 6500/);
    const doc = JSON.parse(await readFile(join(dir, 'calibrated.json'), 'utf8'));
    expect(doc.lighting.find((l: { id: string }) => l.id === 'packshot-white')).toMatchObject({ colorTemperatureK: 6500, background: '#ffffff', exposure: { toleranceEv: 0.3 } });
    const few = captureIo(dir);
    expect(await runCli(['lock', 'calibrate', 'packshot-white', refs[0], '--lock', 'brand-lock.json'], few)).toBe(2);
    await writeFile(join(dir, 'broken.jpg'), 'nope');
    const bad = captureIo(dir);
    expect(await runCli(['lock', 'calibrate', 'packshot-white', ...refs, 'broken.jpg', '--lock', 'brand-lock.json'], bad)).toBe(1);
    expect(bad.stderr).toMatch(/broken\.jpg: /);
  }, 120_000);
});
