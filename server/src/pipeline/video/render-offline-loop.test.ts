// The local provider's offline loop, on a real sample photo: an H.264 MP4 at the still's size and
// 24 fps whose only motion is the camera move the motion brief asks for, smooth enough that frame QC
// finds no frozen or stuttering frames, and eased out and back so the loop closes.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildQcContext } from '@brandlock/core';
import { smallLockDir } from '../../../test-support/qc-fixtures';
import { renderOfflineLoop } from './render-offline-loop';
import { qcVideoFile } from './qc-video-file';
import { videoToolsFromEnv } from './video-tools';

const tools = videoToolsFromEnv(process.env);
const dir = mkdtempSync(join(tmpdir(), 'brandlock-offline-loop-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const photo = readFileSync(new URL('../../../../samples/photos/packshot/solidus-zip-hoodie-grey-white-bg.jpg', import.meta.url));

describe('renderOfflineLoop', () => {
  it('makes a closed, smooth push-in loop from the still that frame QC passes', async () => {
    const clip = await renderOfflineLoop({ still: photo, camera: { path: 'push-in', amount: 0.08 }, durationSeconds: 3, loop: true, subject: null, tools });
    expect(clip).toMatchObject({ fps: 24, frames: 72 });
    expect(clip.description).toBe('a 8% push-in, out and back so the loop closes');
    const path = join(dir, 'loop.mp4');
    writeFileSync(path, clip.bytes);
    const { lock } = smallLockDir();
    const category = lock.categories.find((c) => c.id === 'jersey')!;
    const still = buildQcContext(lock, { category, channel: null, swatch: null, file: { format: 'mp4', width: 0, height: 0, space: 'srgb', bitsPerSample: 8, hasAlpha: false, iccDescription: null, bytes: 0 } });
    const qc = await qcVideoFile({ tools, path, still, thresholds: category.video!.qc, brief: { durationSeconds: 3, loop: true }, cuts: [], offline: 'local provider: a camera move over the still' });
    expect(qc.facts).toMatchObject({ codec: 'h264', fps: 24, frames: 72, width: clip.width, height: clip.height });
    expect(qc.findings.filter((f) => f.severity === 'flag' || f.severity === 'reject')).toEqual([]);
    expect(qc.findings.find((f) => f.rule === 'offline')).toMatchObject({ severity: 'info', message: 'local provider: a camera move over the still' });
  }, 60_000);
});
