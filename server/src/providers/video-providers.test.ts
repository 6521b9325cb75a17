// Image-to-video through the providers as their APIs take it: fal's Kling endpoint (duration "5" or
// "10" as strings, the still again as tail_image_url so a loop ends where it starts) and Runway's
// image_to_video (a gen4_turbo ratio, whole seconds, no last frame). The simulators validate each
// body as the provider's schema does and answer with real MP4s made from the still; the downloaded
// clips are decoded and checked frame by frame like any provider output.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { buildQcContext, type BrandLock } from '@brandlock/core';
import { createFalProvider } from './fal';
import { createRunwayProvider } from './runway';
import { readProviderEnv } from './provider-env';
import type { Provider } from './provider';
import { FalSimulator } from '../../test-support/simulators/fal-simulator';
import { RunwaySimulator } from '../../test-support/simulators/runway-simulator';
import { pollUntilDone, TEST_MAP, TEST_POLICY, testVideoParams, testVideoRequest } from '../../test-support/simulators/provider-fixtures';
import { garmentIn, labOf, smallLockDir } from '../../test-support/qc-fixtures';
import { qcVideoFile } from '../pipeline/video/qc-video-file';
import { videoToolsFromEnv } from '../pipeline/video/video-tools';

const tools = videoToolsFromEnv(process.env);
const dir = mkdtempSync(join(tmpdir(), 'brandlock-video-providers-'));
const { lock } = smallLockDir();
const POPPY = 'lab(48.5 68 54.5)';
let fal: FalSimulator | undefined;
let runway: RunwaySimulator | undefined;
afterEach(async () => {
  await fal?.close();
  await runway?.close();
  fal = runway = undefined;
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function poppyStill(): Promise<Uint8Array> {
  const g = garmentIn(POPPY, 400, 600);
  return new Uint8Array(await sharp(g.raster.data, { raw: { width: 400, height: 600, channels: 4 } }).png().toBuffer());
}

function captureBodies(): { bodies: Record<string, unknown>[]; restore(): void } {
  const bodies: Record<string, unknown>[] = [];
  const original = globalThis.fetch;
  globalThis.fetch = async (input, init) => {
    if (init?.method === 'POST' && typeof init.body === 'string') bodies.push(JSON.parse(init.body));
    return original(input, init);
  };
  return { bodies, restore: () => void (globalThis.fetch = original) };
}

async function frameQc(bytes: Uint8Array, name: string, loop: boolean, l: BrandLock = lock) {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  const category = l.categories.find((c) => c.id === 'jersey')!;
  const still = buildQcContext(l, { category, channel: null, swatch: { input: 'poppy', lab: labOf(POPPY), hex: null, swatchId: 'poppy', name: 'Poppy', tolerance: 2 }, file: { format: 'mp4', width: 0, height: 0, space: 'srgb', bitsPerSample: 8, hasAlpha: false, iccDescription: null, bytes: 0 } });
  return qcVideoFile({ tools, path, still, thresholds: category.video!.qc, brief: { durationSeconds: 5, loop }, cuts: [], offline: null });
}

describe('image-to-video providers against their simulators', () => {
  it('fal Kling: sends duration as the string Kling takes, the still as image_url and tail_image_url, and the loop closes', async () => {
    fal = await FalSimulator.start({ queueMs: 20, runMs: 30, videoScale: 0.25 });
    const provider: Provider = createFalProvider({ settings: readProviderEnv({ ...fal.env(), FAL_POLL_INTERVAL_MS: '15' }).fal!, map: TEST_MAP.fal, mapSource: 'test map', policy: TEST_POLICY, maxOutputBytes: 20 << 20 });
    const still = await poppyStill();
    const capture = captureBodies();
    const submitted = await provider.submit(testVideoRequest(still, { durationSeconds: 6 })).finally(capture.restore);
    const body = capture.bodies[0];
    expect(fal.requests.find((r) => r.method === 'POST')!.path).toBe('/fal-ai/kling-video/v2.1/pro/image-to-video');
    expect(body).toMatchObject({ duration: '5', prompt: testVideoParams().motion.prompt, negative_prompt: testVideoParams().motion.negativePrompt });
    expect(String(body.image_url)).toMatch(/^data:image\/png;base64,/);
    expect(body.tail_image_url).toBe(body.image_url);
    expect(body).not.toHaveProperty('loras');
    expect(submitted.notes).toEqual(['fal fal-ai/kling-video/v2.1/pro/image-to-video: asked for 5 s: fal fal-ai/kling-video/v2.1/pro/image-to-video takes 5, 10 s; the motion brief says 6 s']);

    const done = await pollUntilDone(provider, submitted.providerJobId, 60_000);
    expect(done.state).toBe('succeeded');
    const clip = await provider.fetchOutput(done.outputs![0]);
    expect(clip.contentType).toBe('video/mp4');
    const qc = await frameQc(clip.bytes, 'kling.mp4', true);
    // Kling answers 1080p on the short side in the still's aspect (scaled down here), 24 fps, 5 s.
    expect(qc.facts).toMatchObject({ codec: 'h264', width: 270, height: 406, fps: 24, frames: 120 });
    expect(qc.metrics.deltaE00Worst).toBeLessThan(1);
    expect(qc.findings.find((f) => f.check === 'seam')).toMatchObject({ severity: 'pass' });
  }, 120_000);

  it('fal refuses a number where Kling takes "5" or "10", as fal\'s validation does', async () => {
    fal = await FalSimulator.start({ queueMs: 20, runMs: 30, videoScale: 0.1 });
    const map = { ...TEST_MAP.fal!, video: { id: 'fal-ai/kling-video/v2.1/pro/image-to-video', input: { prompt: '$prompt', image_url: '$source_image', duration: 5 } } };
    const provider = createFalProvider({ settings: readProviderEnv({ ...fal.env(), FAL_POLL_INTERVAL_MS: '15' }).fal!, map, mapSource: 'test map', policy: TEST_POLICY, maxOutputBytes: 1 << 20 });
    await expect(provider.submit(testVideoRequest(await poppyStill()))).rejects.toMatchObject({ error: { retryable: false } });
  });

  it('Runway: picks the gen4_turbo ratio that fills the cuts best, asks a second more for a loop it cannot close, and the raw clip shows it at the seam', async () => {
    runway = await RunwaySimulator.start({ queueMs: 20, runMs: 40, videoScale: 0.3 });
    const provider = createRunwayProvider({ settings: readProviderEnv({ ...runway.env(), RUNWAY_POLL_INTERVAL_MS: '15' }).runway!, map: TEST_MAP.runway, mapSource: 'test map', policy: TEST_POLICY, maxOutputBytes: 20 << 20 });
    const capture = captureBodies();
    const submitted = await provider.submit(testVideoRequest(await poppyStill(), { durationSeconds: 5 })).finally(capture.restore);
    expect(capture.bodies[0]).toMatchObject({ model: 'gen4_turbo', ratio: '720:1280', duration: 6, seed: 77, promptText: testVideoParams().motion.prompt });
    expect(capture.bodies[0]).not.toHaveProperty('referenceImages');
    expect(submitted.notes).toContain('runway gen4_turbo: the model takes no last frame, so the loop cannot be asked to end on the still; 6 s were asked for and post-production crossfades the end into the start');

    const done = await pollUntilDone(provider, submitted.providerJobId, 60_000);
    const qc = await frameQc((await provider.fetchOutput(done.outputs![0])).bytes, 'runway.mp4', true);
    expect(qc.facts).toMatchObject({ width: 216, height: 384, fps: 24, frames: 144 });
    expect(qc.findings.find((f) => f.check === 'seam')).toMatchObject({ severity: 'reject' });
  }, 120_000);
});
