// A video loop in Photoshop, against the real server (local provider, FFmpeg frame QC) and the fake
// Photoshop, which opens an MP4 as Photoshop does: a new document of the clip's size with one video
// layer that reads its frames from the file. The retoucher finds the SKU's finished loop among its
// jobs, opens it, and sees what frame QC found; the clip file stays where the layer reads it; the
// document carries the production record. A clip from the review queue opens the same way.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ProductionRecord } from '@brandlock/core/audit';
import { makeVideoJob, startPluginTestServer, type PluginTestServer } from '../../../test/support/brandlock-test-server';
import { fakeEnvironment } from '../../../test/support/fake-env';
import { openBrandlockSession } from '../../server/open-session';
import { readBrandlockXmp } from '../../xmp/brandlock-xmp';
import { openReviewItem } from '../review/open-review-item';
import { openVideoJob } from './open-video-job';

let s: PluginTestServer;
let videoJobId = '';
beforeAll(async () => {
  s = await startPluginTestServer({
    editLock: (lock) => {
      // Small stills and a two-second loop keep the test's FFmpeg work short on a busy machine.
      for (const c of lock.categories) c.recipe = { ...(c.recipe ?? {}), width: 512, height: 640 };
      const jersey = lock.categories.find((c) => c.id === 'jersey')!;
      jersey.video = { ...(jersey.video ?? {}), durationSeconds: 2 };
    },
  });
  videoJobId = await makeVideoJob(s);
}, 300_000);
afterAll(async () => s?.close());

describe('a video loop in Photoshop', () => {
  it('lists the SKU’s loop, opens it as a video document of the clip’s size, keeps the clip, and shows its frame QC', async () => {
    const session = await openBrandlockSession(s.url, s.retoucherToken);
    const jobs = await session.jobsForSku('NF-JR-3005');
    expect(jobs.find((j) => j.id === videoJobId)).toMatchObject({ kind: 'video', state: 'succeeded', view: 'front', outputs: 1 });

    const result = await session.videoResult(videoJobId);
    expect(result).toMatchObject({ contentType: 'video/mp4', sku: 'NF-JR-3005', view: 'front', width: 512, height: 640 });
    expect(result.poster).toMatchObject({ width: 512, height: 640 });
    expect(result.qc.clip).toMatch(/^2\.0 s · 24 fps · 512x640 · 48 frames$/);
    expect(result.qc.figures.map((f) => f.key)).toEqual(expect.arrayContaining(['deltaE00Worst', 'colorDriftDeltaE00', 'flickerEv', 'seamJump']));
    expect(result.qc.figures.find((f) => f.key === 'deltaE00Worst')!.text).toMatch(/^\d+\.\d\d ΔE00$/);
    // The local provider's loop is labelled offline wherever it shows.
    expect(result.qc.findings.map((f) => f.rule)).toContain('offline');

    const env = fakeEnvironment();
    const opened = await openVideoJob(env.ps, env.fs, result);
    expect(opened.document).toMatchObject({ width: 512, height: 640, mode: 'RGB', bitsPerChannel: 8 });
    expect(opened.document.title).toMatch(/^NF-JR-3005_front_loop-\w{1,8}\.mp4$/);
    const [layer] = await env.ps.layers(opened.document.id);
    expect(layer).toMatchObject({ id: opened.layerId, kind: 'video' });
    // The video layer reads its frames from the file: it is kept in the plugin's data folder.
    const footage = env.ps.doc(opened.document.id).layers[0].footage!;
    expect(footage).toMatch(/^\/plugin-data\/videos\//);
    expect(env.fs.files.get(footage)).toEqual(result.bytes);
    const xmp = readBrandlockXmp(env.ps.doc(opened.document.id).xmp);
    expect(xmp).toMatchObject({ jobId: videoJobId, sku: 'NF-JR-3005', provider: 'local' });
    expect(ProductionRecord.parse(JSON.parse(xmp.productionRecord)).video).toMatchObject({ offline: true, motion: { durationSeconds: 2 } });
    expect(opened.recordWarning).toBeNull();

    // Opened again while the first document still reads the file: the kept clip is reused, never
    // rewritten under the open document (even were the bytes handed over this time different).
    const again = await openVideoJob(env.ps, env.fs, { ...result, bytes: new Uint8Array([...result.bytes, 0]) });
    expect(env.ps.doc(again.document.id).layers[0].footage).toBe(footage);
    expect(env.fs.files.get(footage)).toEqual(result.bytes);
    expect([...env.fs.files.keys()].filter((k) => k.startsWith('/plugin-data/videos/'))).toEqual([footage]);
  });

  it('refuses a clip Photoshop cannot read, naming the file, and opens nothing', async () => {
    const session = await openBrandlockSession(s.url, s.retoucherToken);
    const result = await session.videoResult(videoJobId);
    const env = fakeEnvironment();
    const cut = { ...result, bytes: result.bytes.subarray(0, Math.floor(result.bytes.length / 2)) };
    await expect(openVideoJob(env.ps, env.fs, cut)).rejects.toThrow(/NF-JR-3005_front_loop-\w+\.mp4/);
    expect(env.ps.docs).toHaveLength(0);
  });

  it('opens a clip from the review queue as a video document, not as an image', async () => {
    const session = await openBrandlockSession(s.url, s.retoucherToken);
    const item = (await session.reviewQueue(['flagged', 'rejected', 'ready', 'approved'])).find((i) => i.jobId === videoJobId)!;
    expect(item).toBeDefined();
    const env = fakeEnvironment();
    const doc = await openReviewItem(env.ps, env.fs, session, item);
    expect(doc.title).toMatch(/\.mp4$/);
    expect((await env.ps.layers(doc.id))[0].kind).toBe('video');
    expect(readBrandlockXmp(env.ps.doc(doc.id).xmp)).toMatchObject({ reviewAssetId: item.assetId, sku: 'NF-JR-3005' });
  });
});
