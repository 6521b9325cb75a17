// Channel cuts from a video master as a DAM and the platforms receive them: exact size, H.264 at the
// channel's frame rate, silent, under its bitrate and byte caps, a loop played again to reach TikTok's
// 5 s minimum, the garment framed from its track (an off-centre garment is centred in a 9:16 cut), the
// XMP provenance read back by ExifTool (an independent reader) from the MP4 and its poster JPEG.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildQcContext, planVideoCuts, type BrandLock } from '@brandlock/core';
import { garmentIn, smallLockDir } from '../../../test-support/qc-fixtures';
import { renderSimulatedVideo } from '../../../test-support/simulators/synthetic-video';
import { qcVideoFile } from './qc-video-file';
import { renderVideoCut, type RenderedCut } from './render-video-cut';
import { videoToolsFromEnv } from './video-tools';

const tools = videoToolsFromEnv(process.env);
const dir = mkdtempSync(join(tmpdir(), 'brandlock-video-cuts-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let lock: BrandLock;
let cuts: RenderedCut[] = [];
let issues: { channel: string; message: string }[] = [];

function exiftool(path: string): Record<string, unknown> {
  try {
    return JSON.parse(execFileSync('exiftool', ['-j', '-G1', '-XMP:all', path], { encoding: 'utf8' }))[0];
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') throw new Error('exiftool is missing: install Debian\'s libimage-exiftool-perl (.ci/run does)');
    throw e;
  }
}

/** Where the garment (red on the off-white backdrop) is in a frame: its box centre as a fraction of the width. */
async function garmentCentreX(jpegOrPng: Uint8Array): Promise<number> {
  const { data, info } = await sharp(jpegOrPng).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  let sum = 0;
  let n = 0;
  for (let i = 0; i < info.width * info.height; i++) {
    if (data[i * 3] - data[i * 3 + 2] > 60) {
      sum += i % info.width;
      n++;
    }
  }
  return sum / n / info.width;
}

beforeAll(async () => {
  ({ lock } = smallLockDir());
  // A landscape still with the garment in its right third: a 9:16 cut must follow the garment, not the centre.
  const g = garmentIn('lab(48.5 68 54.5)', 300, 400);
  const garment = await sharp(g.raster.data, { raw: { width: 300, height: 400, channels: 4 } }).png().toBuffer();
  const still = await sharp({ create: { width: 720, height: 400, channels: 3, background: { r: 244, g: 241, b: 236 } } }).composite([{ input: garment, left: 400, top: 0 }]).png().toBuffer();
  const master = await renderSimulatedVideo({ still: new Uint8Array(still), width: 720, height: 400, fps: 24, durationSeconds: 3, loop: true });
  const masterPath = join(dir, 'master.mp4');
  writeFileSync(masterPath, master);
  const category = lock.categories.find((c) => c.id === 'jersey')!;
  const qc = await qcVideoFile({ tools, path: masterPath, still: buildQcContext(lock, { category, channel: null, swatch: null, file: { format: 'mp4', width: 0, height: 0, space: 'srgb', bitsPerSample: 8, hasAlpha: false, iccDescription: null, bytes: 0 } }), thresholds: category.video!.qc, brief: { durationSeconds: 3, loop: true }, cuts: [], offline: null, filmstripFrames: 0 });
  // Small channel sizes keep the test quick; the presets' own rules (loop, minimum length, caps) are kept.
  const fifth = (n: number) => 2 * Math.round(n / 10);
  const channels = lock.videoChannels.map((c) => ({ ...c, width: c.width / 5, height: c.height / 5, safeArea: { top: fifth(c.safeArea.top), right: fifth(c.safeArea.right), bottom: fifth(c.safeArea.bottom), left: fifth(c.safeArea.left) } }));
  const planned = planVideoCuts({
    lock, lockHash: 'sha256:test', backdrop: '#f4f1ec', master: { width: qc.facts.width, height: qc.facts.height, fps: qc.facts.fps, durationSeconds: qc.facts.durationSeconds, sha256: 'c'.repeat(64) },
    track: qc.track, loop: true, sku: 'NF-JR-3003', colorway: 'Poppy', view: 'front', category: 'jersey', channels,
    provenance: { jobId: 'job-v1', provider: 'fal', model: 'fal-ai/kling-video/v2.1/pro/image-to-video', seed: 77, qc: 'pass', digitalSourceType: 'trainedAlgorithmicMedia' },
  });
  issues = planned.issues;
  for (const plan of planned.plans) {
    const out = join(dir, plan.channel.id);
    mkdirSync(out);
    cuts.push(await renderVideoCut(tools, masterPath, plan, { out, tmp: dir }));
  }
}, 180_000);

describe('video channel cuts', () => {
  it('makes every channel at its exact size, frame rate and length, silent H.264 under its caps', () => {
    expect(issues).toEqual([]);
    const byId = Object.fromEntries(cuts.map((c) => [c.channel, c]));
    expect(Object.keys(byId).sort()).toEqual(['pdp-loop', 'reels', 'square-loop', 'tiktok']);
    for (const cut of cuts) {
      const spec = lock.videoChannels.find((c) => c.id === cut.channel)!;
      expect(cut.file.facts, cut.channel).toMatchObject({ width: spec.width / 5, height: spec.height / 5, codec: 'h264', profile: 'High', pixelFormat: 'yuv420p', fps: 24, hasAudio: false });
      expect(cut.file.bytes).toBeLessThanOrEqual(spec.maxBytes);
      expect(cut.file.name).toBe(`northfold_nf-jr-3003_poppy_front_${cut.channel}_${spec.width / 5}x${spec.height / 5}.mp4`);
      expect(cut.poster.name).toBe(cut.file.name.replace(/\.mp4$/, '.jpg'));
    }
    expect(byId['pdp-loop'].file.facts.durationSeconds).toBeCloseTo(3, 1);
    // TikTok takes at least 5 s: the 3 s loop plays twice.
    expect(byId.tiktok.file.facts.durationSeconds).toBeCloseTo(6, 1);
    expect(byId.tiktok.notes).toContain("the loop plays 2 times to reach the channel's 5 s minimum");
    // and at least 516 kbps on average, even for a simple loop that x264 compresses well below it
    expect((byId.tiktok.file.bytes * 8) / 1000 / byId.tiktok.file.facts.durationSeconds).toBeGreaterThanOrEqual(516);
  });

  it('frames the garment from its track: centred in the 9:16 cut although it sits in the right third of the master', async () => {
    const reels = cuts.find((c) => c.channel === 'reels')!;
    expect(await garmentCentreX(readFileSync(reels.poster.path))).toBeGreaterThan(0.4);
    expect(await garmentCentreX(readFileSync(reels.poster.path))).toBeLessThan(0.6);
  });

  it('carries IPTC DigitalSourceType and the brandlock provenance in the MP4 and the poster, as ExifTool reads them', () => {
    const pdp = cuts.find((c) => c.channel === 'pdp-loop')!;
    for (const path of [pdp.file.path, pdp.poster.path]) {
      const tags = exiftool(path);
      expect(tags['XMP-iptcExt:DigitalSourceType'], path).toBe('http://cv.iptc.org/newscodes/digitalsourcetype/trainedAlgorithmicMedia');
      expect(tags['XMP-iptcExt:AISystemUsed']).toBe('fal-ai/kling-video/v2.1/pro/image-to-video');
      expect(tags['XMP-brandlock:Sku']).toBe('NF-JR-3003');
      expect(tags['XMP-brandlock:QcVerdict']).toBe('pass');
    }
    // The box sits after the media and moved nothing: ffprobe still reads every frame.
    expect(execFileSync('ffprobe', ['-v', 'error', '-count_frames', '-select_streams', 'v:0', '-show_entries', 'stream=nb_read_frames', '-of', 'csv=p=0', pdp.file.path], { encoding: 'utf8' }).trim()).toBe('72');
  });
});
