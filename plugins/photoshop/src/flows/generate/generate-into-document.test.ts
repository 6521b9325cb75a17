// Generate from the panel against the real server (local provider) and the fake Photoshop: the
// document's pixels go up as the source, the job runs, the result comes back as a named layer in one
// History step with the server's production record in its XMP, in the document it was made for while
// the retoucher works in another. Cancel reaches the server even when the host cannot abort the event
// stream (UXP). Another SKU's master is not generated into without the retoucher's say-so. A job that
// finished while the panel was closed is listed for the SKU and placed later.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ProductionRecord } from '@brandlock/core/audit';
import { startPluginTestServer, type PluginTestServer } from '../../../test/support/brandlock-test-server';
import { fetchIgnoringAbort } from '../../../test/support/fetch-ignoring-abort';
import { fakeEnvironment } from '../../../test/support/fake-env';
import { studioImage } from '../../../test/support/studio-image';
import { openBrandlockSession } from '../../server/open-session';
import { readBrandlockXmp } from '../../xmp/brandlock-xmp';
import { generateIntoDocument } from './generate-into-document';
import { placeJobResult, placeJobResultAgain } from './place-job-result';
import { selectRectangle } from '../../descriptors/layers';

let s: PluginTestServer;
beforeAll(async () => {
  s = await startPluginTestServer();
});
afterAll(async () => s?.close());

const quiet = { signal: new AbortController().signal, onProgress: () => {} };

describe('generate into the document', () => {
  it('places the job result as a named layer with its production record, in one History step, leaving the retoucher in their document', async () => {
    const env = fakeEnvironment();
    const doc = env.ps.addDocument({ title: 'NF-WV-1001_front.psd', pixels: studioImage({ width: 160, height: 240, depth: 16 }) });
    const session = await openBrandlockSession(s.url, s.retoucherToken);
    const progress: string[] = [];
    const run = generateIntoDocument(env.ps, env.fs, session, { briefId: s.briefId, sku: 'NF-WV-1001', view: 'front', source: 'document', documentSku: 'NF-WV-1001' }, {
      signal: new AbortController().signal,
      onProgress: (p) => progress.push(p.label),
      // The retoucher opens another master while the job runs.
      onJob: () => void env.ps.addDocument({ title: 'NF-WV-1002_terracotta_front.psd', pixels: studioImage({ width: 40, height: 60 }) }),
    });
    const outcome = await run;
    expect(outcome.layerName).toMatch(/^NF-WV-1001 front · job \S+$/);
    expect(outcome.recordWarning).toBeNull();
    const d = env.ps.doc(doc.id);
    const layer = d.layers.find((l) => l.id === outcome.layerId)!;
    expect(layer.name).toBe(outcome.layerName);
    expect(d.history).toEqual(['Open', `brandlock: ${outcome.layerName}`]);
    expect((await env.ps.activeDocument())!.title).toBe('NF-WV-1002_terracotta_front.psd');
    const xmp = readBrandlockXmp(layer.xmp);
    expect(xmp).toMatchObject({ jobId: outcome.jobId, sku: 'NF-WV-1001', view: 'front', lockHash: session.info.lockHash, provider: 'local' });
    const record = ProductionRecord.parse(JSON.parse(xmp.productionRecord));
    expect(record.recipe.width).toBeGreaterThan(0);
    expect(progress[0]).toBe('Reading document pixels…');
    expect(progress).toContain('Placing the result…');
    expect((await env.ps.layers(doc.id)).find((l) => l.id === outcome.layerId)!.pixelBounds).toEqual({ left: 0, top: 0, right: 160, bottom: 240 });
    expect([...env.fs.files.keys()].filter((k) => k.startsWith('/plugin-temp/'))).toEqual([]);
  });

  it('cancels the job on the server at once, even when the host never aborts the event stream, and leaves the document as it was', async () => {
    const env = fakeEnvironment();
    const doc = env.ps.addDocument({ title: 'a.psd', pixels: studioImage({ width: 64, height: 96 }) });
    const session = await openBrandlockSession(s.url, s.retoucherToken, fetchIgnoringAbort);
    const controller = new AbortController();
    let jobId = '';
    const run = generateIntoDocument(env.ps, env.fs, session, { briefId: s.briefId, sku: 'NF-WV-1002', view: 'front', source: 'document', documentSku: null }, {
      signal: controller.signal,
      onJob: (id) => (jobId = id),
      onProgress: (p) => {
        // The first report from the server (the job exists, queued or running): the user presses Cancel.
        if (!p.label.startsWith('Reading') && !p.label.startsWith('Uploading')) controller.abort();
      },
    });
    await expect(run).rejects.toMatchObject({ code: 'cancelled' });
    const job = (await (await s.server.request(`/v1/jobs/${jobId}`)).json()) as { cancelRequested: boolean; state: string };
    expect(job.cancelRequested || job.state === 'canceled').toBe(true);
    expect(job.state).not.toBe('succeeded');
    expect(env.ps.doc(doc.id).layers).toHaveLength(1);
    expect(env.ps.doc(doc.id).history).toEqual(['Open']);
  });

  it("asks before generating one SKU into another SKU's master, and starts no job until then", async () => {
    const env = fakeEnvironment();
    env.ps.addDocument({ title: 'NF-WV-1002_terracotta_front.psd', pixels: studioImage({ width: 64, height: 96 }) });
    const session = await openBrandlockSession(s.url, s.retoucherToken);
    const before = (await session.jobsForSku('NF-WV-1003')).length;
    await expect(generateIntoDocument(env.ps, env.fs, session, { briefId: s.briefId, sku: 'NF-WV-1003', view: 'front', source: 'document', documentSku: 'NF-WV-1002' }, quiet))
      .rejects.toMatchObject({ code: 'needs-confirmation', message: '"NF-WV-1002_terracotta_front.psd" is NF-WV-1002\'s master, and this is NF-WV-1003. Put NF-WV-1003 into it anyway?' });
    expect((await session.jobsForSku('NF-WV-1003')).length).toBe(before);
  });

  it('lists a job that finished while the panel was closed, and places it later into its master', async () => {
    const env = fakeEnvironment();
    const session = await openBrandlockSession(s.url, s.retoucherToken);
    const started = await session.startGenerate({ briefId: s.briefId, sku: 'NF-DN-2001', view: 'front', source: { bytes: new Uint8Array(await (await import('sharp')).default({ create: { width: 32, height: 48, channels: 3, background: '#888888' } }).png().toBuffer()), contentType: 'image/png' } });
    await session.followJob(started.id, () => {}, new AbortController().signal);
    // The panel is opened again, on the SKU's master.
    const doc = env.ps.addDocument({ title: 'NF-DN-2001_mid-wash_front.psd', pixels: studioImage({ width: 64, height: 96 }) });
    const jobs = await session.jobsForSku('NF-DN-2001');
    expect(jobs[0]).toMatchObject({ id: started.id, state: 'succeeded', sku: 'NF-DN-2001' });
    const placed = await placeJobResult(env.ps, env.fs, await session.jobResult(started.id), { documentId: doc.id, documentSku: 'NF-DN-2001', allowOtherSku: false });
    expect(readBrandlockXmp(env.ps.doc(doc.id).layers.find((l) => l.id === placed.layerId)!.xmp).jobId).toBe(started.id);
  });

  it('places a job again from the list into the selection when there is one, else over the document, and says where', async () => {
    const env = fakeEnvironment();
    const session = await openBrandlockSession(s.url, s.retoucherToken);
    const started = await session.startGenerate({ briefId: s.briefId, sku: 'NF-DN-2001', view: 'front', source: { bytes: new Uint8Array(await (await import('sharp')).default({ create: { width: 32, height: 48, channels: 3, background: '#888888' } }).png().toBuffer()), contentType: 'image/png' } });
    await session.followJob(started.id, () => {}, new AbortController().signal);
    const doc = env.ps.addDocument({ title: 'NF-DN-2001_mid-wash_front.psd', pixels: studioImage({ width: 64, height: 96 }) });
    const req = { documentId: doc.id, documentSku: 'NF-DN-2001', allowOtherSku: false };
    /** The box of a placed layer's visible pixels. */
    const extent = (layerId: number) => {
      const { data, width, height } = env.ps.doc(doc.id).layers.find((l) => l.id === layerId)!.pixels!;
      let left = width, top = height, right = 0, bottom = 0;
      for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) if (data[(y * width + x) * 4 + 3] > 0) {
        left = Math.min(left, x); top = Math.min(top, y); right = Math.max(right, x + 1); bottom = Math.max(bottom, y + 1);
      }
      return { left, top, right, bottom };
    };
    const whole = await placeJobResultAgain(env.ps, env.fs, await session.jobResult(started.id), req);
    expect(whole.where).toMatch(/^over the whole document: the area it was made for is not kept/);
    expect(extent(whole.layerId)).toEqual({ left: 0, top: 0, right: 64, bottom: 96 });
    // The retoucher selects the area the job was made for, then places it again.
    await env.ps.executeAsModal('Marquee', () => env.ps.batchPlay([selectRectangle({ left: 8, top: 16, right: 40, bottom: 64 })]));
    const into = await placeJobResultAgain(env.ps, env.fs, await session.jobResult(started.id), req);
    expect(into.where).toBe('into your selection (32×48 px at 8, 16)');
    expect(extent(into.layerId)).toEqual({ left: 8, top: 16, right: 40, bottom: 64 });
  });
});
