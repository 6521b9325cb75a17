// Frame-level QC against clips the provider simulators return: each rule is shown a clip with the
// defect it exists for (colour drift, a colour that wanders off and back, a re-tint of three frames
// that falls between the frames colour is sampled on, flicker, a shape jump, a vanishing garment, frozen and stuttering
// frames, a clip that does not move, an open loop seam, the wrong duration, frame rate and size), made
// by the simulator from a real still and fetched through the adapter, and must say so at the frames
// where the simulator put it, while a clean clip passes every rule.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildQcContext, type VideoFinding } from '@brandlock/core';
import { createRunwayProvider } from '../../providers/runway';
import { createFalProvider } from '../../providers/fal';
import { readProviderEnv } from '../../providers/provider-env';
import type { Provider } from '../../providers/provider';
import { FalSimulator } from '../../../test-support/simulators/fal-simulator';
import { RunwaySimulator } from '../../../test-support/simulators/runway-simulator';
import { DEFECT_AT, type VideoDefect } from '../../../test-support/simulators/synthetic-video';
import { pollUntilDone, TEST_MAP, TEST_POLICY, testVideoRequest } from '../../../test-support/simulators/provider-fixtures';
import { garmentIn, labOf, smallLockDir } from '../../../test-support/qc-fixtures';
import { qcVideoFile, type VideoQcFileResult } from './qc-video-file';
import { videoToolsFromEnv } from './video-tools';

const tools = videoToolsFromEnv(process.env);
const POPPY = 'lab(48.5 68 54.5)';
const { lock } = smallLockDir();
const jersey = lock.categories.find((c) => c.id === 'jersey')!;
const dir = mkdtempSync(join(tmpdir(), 'brandlock-video-rules-'));
const DEFECT = /defect:([\w-]+)/g;
const defectsOf = (input: Record<string, unknown>) => [...String(input.prompt ?? input.promptText).matchAll(DEFECT)].map((m) => m[1] as VideoDefect);

let runwaySim: RunwaySimulator;
let slowSim: RunwaySimulator;
let falSim: FalSimulator;
let runway: Provider;
let slow: Provider;
let fal: Provider;
let still: Uint8Array;

beforeAll(async () => {
  const g = garmentIn(POPPY, 400, 600);
  still = new Uint8Array(await sharp(g.raster.data, { raw: { width: 400, height: 600, channels: 4 } }).png().toBuffer());
  runwaySim = await RunwaySimulator.start({ queueMs: 10, runMs: 20, videoScale: 0.3, videoDefects: defectsOf });
  slowSim = await RunwaySimulator.start({ queueMs: 10, runMs: 20, videoScale: 0.3, videoFps: 15 });
  falSim = await FalSimulator.start({ queueMs: 10, runMs: 20, videoScale: 0.25, videoDefects: defectsOf });
  const runwayOf = (sim: RunwaySimulator) => createRunwayProvider({ settings: readProviderEnv({ ...sim.env(), RUNWAY_POLL_INTERVAL_MS: '15' }).runway!, map: TEST_MAP.runway, mapSource: 'test map', policy: TEST_POLICY, maxOutputBytes: 20 << 20 });
  runway = runwayOf(runwaySim);
  slow = runwayOf(slowSim);
  fal = createFalProvider({ settings: readProviderEnv({ ...falSim.env(), FAL_POLL_INTERVAL_MS: '15' }).fal!, map: TEST_MAP.fal, mapSource: 'test map', policy: TEST_POLICY, maxOutputBytes: 20 << 20 });
});
afterAll(async () => {
  await Promise.all([runwaySim?.close(), slowSim?.close(), falSim?.close()]);
  rmSync(dir, { recursive: true, force: true });
});

/** Asks a provider for a clip with these defects, downloads it and runs frame QC as the server does. */
async function clipQc(provider: Provider, defects: VideoDefect[], o: { durationSeconds?: number; loop?: boolean; briefSeconds?: number; cuts?: { id: string; width: number; height: number }[] } = {}): Promise<VideoQcFileResult> {
  const seconds = o.durationSeconds ?? 2;
  const request = testVideoRequest(still, { durationSeconds: seconds, loop: o.loop ?? false, prompt: `poppy hoodie, soft sway ${defects.map((d) => `defect:${d}`).join(' ')}` });
  const submitted = await provider.submit(request);
  const done = await pollUntilDone(provider, submitted.providerJobId, 90_000);
  const { bytes } = await provider.fetchOutput(done.outputs![0]);
  const path = join(dir, `${defects.join('-') || 'clean'}-${submitted.providerJobId}.mp4`);
  writeFileSync(path, bytes);
  const swatch = { input: 'poppy', lab: labOf(POPPY), hex: null, swatchId: 'poppy', name: 'Poppy', tolerance: 2 };
  const ctx = buildQcContext(lock, { category: jersey, channel: null, swatch, file: { format: 'mp4', width: 0, height: 0, space: 'srgb', bitsPerSample: 8, hasAlpha: false, iccDescription: null, bytes: 0 } });
  return qcVideoFile({ tools, path, still: ctx, thresholds: jersey.video!.qc, brief: { durationSeconds: o.briefSeconds ?? seconds, loop: o.loop ?? false }, cuts: o.cuts ?? [], offline: null });
}

const failing = (qc: VideoQcFileResult) => qc.findings.filter((f) => f.severity === 'flag' || f.severity === 'reject').map((f) => `${f.rule}/${f.check}`).sort();
const find = (qc: VideoQcFileResult, check: string): VideoFinding => qc.findings.find((f) => f.check === check)!;
const within = (f: VideoFinding, from: number, to: number, frames: number) => {
  expect(f.frames!.from, f.message).toBeGreaterThanOrEqual(Math.floor(from * frames) - 1);
  expect(f.frames!.to, f.message).toBeLessThanOrEqual(Math.ceil(to * frames) + 1);
};

describe('frame-level QC on simulator clips', () => {
  it('passes a clean Kling loop: colour on the swatch in every frame, no flicker, stable outline, the seam closed', async () => {
    const qc = await clipQc(fal, [], { durationSeconds: 5, loop: true });
    expect(failing(qc)).toEqual([]);
    expect(qc.verdict).toBe('pass');
    expect(qc.metrics.deltaE00Worst).toBeLessThan(1);
    expect(qc.series.deltaE).toHaveLength(120);
    // A steady clip has its garment colour measured six times a second, not on every frame.
    expect(qc.metrics.colorFramesMeasured).toBeLessThan(40);
    expect(qc.series.colorMeasured!.filter(Boolean)).toHaveLength(qc.metrics.colorFramesMeasured);
    expect(find(qc, 'delta-e').message).toMatch(/colour measured on \d+ of 120 frames/);
  }, 120_000);

  it('colour: rejects a garment that drifts off its swatch, pointing at the late frames', async () => {
    const qc = await clipQc(runway, ['drift']);
    expect(failing(qc)).toEqual(expect.arrayContaining(['color/delta-e', 'color/drift']));
    expect(find(qc, 'drift')).toMatchObject({ severity: 'reject' });
    expect(find(qc, 'drift').frames!.from).toBeGreaterThan(qc.series.time.length * 0.7);
    expect(find(qc, 'delta-e').message).toMatch(/^worst frame \d+ \([\d.]+ s\): garment lab\(.*\) vs swatch Poppy lab\(48.5 68.0 54.5\)/);
  }, 120_000);

  it('colour: rejects a re-tint that lasts three frames between the frames colour is sampled on, naming them', async () => {
    const qc = await clipQc(runway, ['tint']);
    const n = qc.series.time.length;
    const tinted = qc.series.time.flatMap((_, i) => (i / n >= DEFECT_AT.tint[0] && i / n < DEFECT_AT.tint[1] ? [i] : []));
    expect(tinted.length).toBeGreaterThanOrEqual(2);
    expect(tinted.every((i) => i % 4 !== 0)).toBe(true); // none of them is a sampled frame at 24 fps
    expect(find(qc, 'delta-e')).toMatchObject({ severity: 'reject' });
    expect(tinted).toContain(find(qc, 'delta-e').frames!.from);
    for (const i of tinted) expect(qc.series.deltaE[i], `frame ${i}`).toBeGreaterThan(3);
    expect(find(qc, 'drift').severity).not.toBe('pass');
  }, 120_000);

  it('colour: rejects a loop whose colour wanders off in the middle and comes back by its end, pointing at the middle', async () => {
    const qc = await clipQc(fal, ['wander'], { loop: true, durationSeconds: 5 });
    within(find(qc, 'drift'), DEFECT_AT.wander[0], DEFECT_AT.wander[1], qc.series.time.length);
    expect(find(qc, 'drift')).toMatchObject({ severity: 'reject' });
    expect(find(qc, 'delta-e')).toMatchObject({ severity: 'reject' });
    within(find(qc, 'delta-e'), DEFECT_AT.wander[0], DEFECT_AT.wander[1], qc.series.time.length);
    expect(find(qc, 'seam').severity).toBe('pass');
  }, 120_000);

  it('flicker: rejects an exposure that pumps every sixth frame, at one of those frames', async () => {
    const qc = await clipQc(runway, ['flicker']);
    const f = find(qc, 'exposure');
    expect(f).toMatchObject({ rule: 'flicker', severity: 'reject' });
    expect(f.frames!.from % DEFECT_AT.flickerEvery).toBe(3);
    expect(find(qc, 'drift').severity).toBe('pass'); // single bright frames are flicker, not drift
  }, 120_000);

  it('stability: rejects a garment that jumps into another shape halfway', async () => {
    const qc = await clipQc(runway, ['shape-jump']);
    expect(find(qc, 'outline')).toMatchObject({ rule: 'stability', severity: 'reject' });
    within(find(qc, 'outline'), DEFECT_AT.shapeJumpFrom, DEFECT_AT.shapeJumpFrom, qc.series.time.length);
  }, 120_000);

  it('stability: rejects a garment that vanishes for a few frames, naming them', async () => {
    const qc = await clipQc(runway, ['vanish']);
    const f = find(qc, 'vanish');
    expect(f).toMatchObject({ severity: 'reject' });
    within(f, DEFECT_AT.vanish[0], DEFECT_AT.vanish[1], qc.series.time.length);
  }, 120_000);

  it('frozen: flags motion that stops, with the run of frames', async () => {
    const qc = await clipQc(runway, ['frozen']);
    const f = find(qc, 'frozen');
    expect(['flag', 'reject']).toContain(f.severity);
    within(f, DEFECT_AT.frozen[0], DEFECT_AT.frozen[1], qc.series.time.length);
  }, 120_000);

  it('frozen: rejects stutter (every fourth frame repeated) and a clip where nothing moves', async () => {
    const stutter = await clipQc(runway, ['stutter']);
    expect(find(stutter, 'duplicates')).toMatchObject({ severity: 'reject' });
    const still = await clipQc(runway, ['static']);
    expect(find(still, 'frozen')).toMatchObject({ severity: 'reject' });
  }, 120_000);

  it('loop seam: rejects a loop whose last frame does not lead back into its first (Runway\'s raw clip: it takes no last frame)', async () => {
    // Runway is asked for a second more (3 s) to close the loop in post; this judges the raw clip.
    const qc = await clipQc(runway, [], { loop: true, briefSeconds: 3 });
    expect(failing(qc)).toEqual(['loop-seam/seam']);
    expect(find(qc, 'seam').message).toMatch(/jumps where it restarts/);
  }, 120_000);

  it('technical: rejects a clip shorter than the brief, below the frame-rate floor, and too small for its cuts', async () => {
    const short = await clipQc(runway, [], { briefSeconds: 5, cuts: [{ id: 'reels', width: 1080, height: 1920 }] });
    expect(find(short, 'duration')).toMatchObject({ severity: 'reject', measured: 2 });
    expect(find(short, 'resolution')).toMatchObject({ severity: 'reject' });
    expect(find(short, 'resolution').message).toMatch(/reels cut \(1080x1920\) enlarges it 5\.00x/);
    const slowClip = await clipQc(slow, []);
    expect(find(slowClip, 'fps')).toMatchObject({ severity: 'reject', measured: 15 });
  }, 120_000);
});
