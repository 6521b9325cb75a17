// Generate from the panel against the real server (local provider) and the fake Photoshop: the
// document's pixels go up as the source, the job runs, the result comes back as a named layer in one
// History step with the server's production record in its XMP, in the document it was made for while
// the retoucher works in another. Cancel reaches the server even when the host cannot abort the event
// stream (UXP). Another SKU's master is not generated into without the retoucher's say-so. A job that
// finished while the panel was closed is listed for the SKU and placed later.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ProductionRecord } from '@brandlock/core/audit';
import { startPluginTestServer, TWO_COLOURWAYS, uploadBrief, type PluginTestServer } from '../../../test/support/brandlock-test-server';
import { fetchIgnoringAbort } from '../../../test/support/fetch-ignoring-abort';
import { fakeEnvironment } from '../../../test/support/fake-env';
import { studioImage } from '../../../test/support/studio-image';
import { openBrandlockSession } from '../../server/open-session';
import { readBrandlockXmp } from '../../xmp/brandlock-xmp';
import { generateIntoDocument } from './generate-into-document';
import { placeJobResult, placeJobResultAgain } from './place-job-result';
import { shortJobId } from '../short-job-id';
import { selectRectangle } from '../../descriptors/layers';
import { deleteChannel } from '../../descriptors/channels';
import type { Bounds } from '../../ports/ps-host';
import type { BrandlockServer } from '../../ports/brandlock-server';
import type { GenerateInput } from './generate-into-document';

let s: PluginTestServer;
beforeAll(async () => {
  s = await startPluginTestServer();
});
afterAll(async () => s?.close());

const quiet = { signal: new AbortController().signal, onProgress: () => {} };

describe('generate into the document', () => {
  it('generates a SKU the brief has in several colourways as the colourway chosen', async () => {
    const briefId = await uploadBrief(s, 'two colourways', TWO_COLOURWAYS);
    const env = fakeEnvironment();
    env.ps.addDocument({ title: 'NF-WV-1001_oat_front.psd', pixels: studioImage({ width: 160, height: 240, depth: 16 }) });
    const session = await openBrandlockSession(s.url, s.retoucherToken);
    // Before, the panel sent the SKU alone and the server refused: "SKU NF-WV-1001 has several colourways in the brief".
    const outcome = await generateIntoDocument(env.ps, env.fs, session, { briefId, sku: 'NF-WV-1001', colorway: 'Oat', view: 'front', source: 'document', documentSku: 'NF-WV-1001' }, quiet);
    const job = await (await fetch(`${s.url}/v1/jobs/${outcome.jobId}`, { headers: { authorization: `Bearer ${s.retoucherToken}` } })).json();
    expect([job.sku, job.colorway]).toEqual(['NF-WV-1001', 'Oat']);
  });

  it("lists only the jobs of the master's colourway when the brief has its SKU in several", async () => {
    const briefId = await uploadBrief(s, 'two colourways, two jobs', TWO_COLOURWAYS);
    const session = await openBrandlockSession(s.url, s.retoucherToken);
    const source = { bytes: new Uint8Array(await (await import('sharp')).default({ create: { width: 32, height: 48, channels: 3, background: '#d8d2c4' } }).png().toBuffer()), contentType: 'image/png' as const };
    const chalk = await session.startGenerate({ briefId, sku: 'NF-WV-1001', colorway: 'Chalk', view: 'front', source });
    const oat = await session.startGenerate({ briefId, sku: 'NF-WV-1001', colorway: 'Oat', view: 'front', source });
    // Before, "Jobs for this SKU" on the Oat master listed Chalk's job too, named only "front · job …",
    // and Place put Chalk's garment into the Oat master.
    const onOat = await session.jobsForSku('NF-WV-1001', 'oat');
    expect(onOat.map((j) => j.id)).toContain(oat.id);
    expect(onOat.map((j) => j.id)).not.toContain(chalk.id);
    expect(onOat.every((j) => j.colorway === 'Oat')).toBe(true);
    expect((await session.jobsForSku('NF-WV-1001', 'Chalk')).map((j) => j.id)).toContain(chalk.id);
  });

  it("does not let one retoucher cancel another's job, and says who started it", async () => {
    const kim = await openBrandlockSession(s.url, await s.server.tokenFor('retoucher', 'Kim Retoucher'));
    const source = { bytes: new Uint8Array(await (await import('sharp')).default({ create: { width: 32, height: 48, channels: 3, background: '#888888' } }).png().toBuffer()), contentType: 'image/png' as const };
    const started = await kim.startGenerate({ briefId: s.briefId, sku: 'NF-DN-2001', view: 'front', source });
    const session = await openBrandlockSession(s.url, s.retoucherToken);
    await expect(session.cancelJob(started.id)).rejects.toMatchObject({ code: 'forbidden', message: `The server did not let you cancel job ${started.id.slice(0, 8)}.`, hint: `The server said: job ${started.id} was started by Kim Retoucher; only they, an art director or an admin can cancel it` });
    await kim.cancelJob(started.id);
  });

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
    // The area is kept in the document while the job runs, and removed with the placement.
    expect(d.history).toEqual(['Open', `brandlock: keep the area for job ${shortJobId(outcome.jobId)}`, `brandlock: ${outcome.layerName}`]);
    expect(d.channels).toEqual([]);
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
    const refusal = await run.catch((e: unknown) => e);
    expect(refusal).toMatchObject({ code: 'cancelled', message: `Job ${shortJobId(jobId)} was cancelled on the server; nothing was placed or written.` });
    expect(shortJobId(jobId)).toMatch(/^[0-9a-f]{8}$/);
    const job = (await (await s.server.request(`/v1/jobs/${jobId}`)).json()) as { cancelRequested: boolean; state: string };
    expect(job.cancelRequested || job.state === 'canceled').toBe(true);
    expect(job.state).not.toBe('succeeded');
    expect(env.ps.doc(doc.id).layers).toHaveLength(1);
    expect(env.ps.doc(doc.id).history).toEqual(['Open']);
  });

  it('removes the area it kept for a job cancelled while it runs', async () => {
    const env = fakeEnvironment();
    const doc = env.ps.addDocument({ title: 'a.psd', pixels: studioImage({ width: 64, height: 96 }) });
    const session = await openBrandlockSession(s.url, s.retoucherToken, fetchIgnoringAbort);
    const controller = new AbortController();
    let kept: string[] = [];
    const run = generateIntoDocument(env.ps, env.fs, session, { briefId: s.briefId, sku: 'NF-WV-1002', view: 'front', source: 'document', documentSku: null }, {
      signal: controller.signal,
      onProgress: () => {
        // Cancel once the area is in the document.
        if (kept.length || !env.ps.doc(doc.id).channels.length) return;
        kept = env.ps.doc(doc.id).channels.map((c) => c.name);
        controller.abort();
      },
    });
    await expect(run).rejects.toMatchObject({ code: 'cancelled' });
    expect(kept).toEqual([expect.stringMatching(/^brandlock area · job \S{8} · 64×96$/)]);
    expect(env.ps.doc(doc.id).channels).toEqual([]);
    expect(env.ps.doc(doc.id).layers).toHaveLength(1);
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
    // The retoucher closes the master before pressing Place again: the job is named as its layer names it.
    await env.ps.executeAsModal('close', () => env.ps.closeDocument(doc.id));
    await expect(placeJobResult(env.ps, env.fs, await session.jobResult(started.id), { documentId: doc.id, documentSku: 'NF-DN-2001', allowOtherSku: false })).rejects.toMatchObject({
      code: 'no-document', message: `The document was closed while job ${shortJobId(started.id)} ran; the result was not placed.`,
    });
  });

  it('places a job whose area was never kept into the selection when there is one, else over the document, and says why', async () => {
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
    expect(whole.where).toBe('over the whole document');
    expect(whole.fallbackReason).toMatch(/^The area it was made for is not in this document/);
    expect(extent(whole.layerId)).toEqual({ left: 0, top: 0, right: 64, bottom: 96 });
    // The retoucher selects the area the job was made for, then places it again.
    await env.ps.executeAsModal('Marquee', () => env.ps.batchPlay([selectRectangle({ left: 8, top: 16, right: 40, bottom: 64 })]));
    const into = await placeJobResultAgain(env.ps, env.fs, await session.jobResult(started.id), req);
    expect(into.where).toBe('into your selection (32×48 px at 8, 16)');
    expect(extent(into.layerId)).toEqual({ left: 8, top: 16, right: 40, bottom: 64 });
  });
});

/** An ellipse inside `box`, as a document-sized selection (0 or 255). */
function ellipse(doc: { width: number; height: number }, box: Bounds): Uint8Array {
  const out = new Uint8Array(doc.width * doc.height);
  const cx = (box.left + box.right) / 2, cy = (box.top + box.bottom) / 2, rx = (box.right - box.left) / 2, ry = (box.bottom - box.top) / 2;
  for (let y = box.top; y < box.bottom; y++) for (let x = box.left; x < box.right; x++) {
    if (((x + 0.5 - cx) / rx) ** 2 + ((y + 0.5 - cy) / ry) ** 2 <= 1) out[y * doc.width + x] = 255;
  }
  return out;
}

/** The box of a layer's visible pixels (alpha and mask). */
async function visibleBox(env: ReturnType<typeof fakeEnvironment>, documentId: number, layerId: number): Promise<Bounds> {
  return (await env.ps.layers(documentId)).find((l) => l.id === layerId)!.pixelBounds;
}

/**
 * A generate run whose result is not placed: Photoshop is held by another plugin at that moment. What
 * is left is what a reopened panel has: the job on the server and the document.
 */
async function generateUnplaced(env: ReturnType<typeof fakeEnvironment>, session: BrandlockServer, input: GenerateInput): Promise<string> {
  let jobId = '';
  await expect(generateIntoDocument(env.ps, env.fs, session, input, {
    signal: new AbortController().signal,
    onJob: (id) => (jobId = id),
    onProgress: (p) => void (p.label === 'Placing the result…' && (env.ps.modalHeldBy = 'Retouch Pro')),
  })).rejects.toMatchObject({ code: 'modal-busy' });
  env.ps.modalHeldBy = null;
  return jobId;
}

describe('placing a job again, later, into the area it was made for', () => {
  const input = (source: GenerateInput['source']): GenerateInput => ({ briefId: s.briefId, sku: 'NF-WV-1001', view: 'front', source, documentSku: 'NF-WV-1001' });
  const req = (documentId: number) => ({ documentId, documentSku: 'NF-WV-1001', allowOtherSku: false });

  it('puts a selection job into that selection with its mask, whatever is selected now, and leaves the selection alone', async () => {
    const env = fakeEnvironment();
    const doc = env.ps.addDocument({ title: 'NF-WV-1001_front.psd', pixels: studioImage({ width: 160, height: 240 }) });
    const sleeve = { left: 40, top: 60, right: 100, bottom: 140 };
    env.ps.doc(doc.id).selection = ellipse(doc, sleeve);
    const session = await openBrandlockSession(s.url, s.retoucherToken);
    const jobId = await generateUnplaced(env, session, input('selection'));
    // The panel is reopened later; meanwhile the retoucher has drawn another marquee.
    await env.ps.executeAsModal('Marquee', () => env.ps.batchPlay([selectRectangle({ left: 0, top: 0, right: 10, bottom: 10 })]));
    const placed = await placeJobResultAgain(env.ps, env.fs, await session.jobResult(jobId), req(doc.id));
    expect(placed.where).toBe('into the area it was made for (60×80 px at 40, 60)');
    expect(placed.fallbackReason).toBeUndefined();
    const box = await visibleBox(env, doc.id, placed.layerId);
    expect(box.left).toBeGreaterThanOrEqual(40);
    expect(box.right).toBeLessThanOrEqual(100);
    expect(box).toMatchObject({ top: 60, bottom: 140 });
    const mask = env.ps.doc(doc.id).layers.find((l) => l.id === placed.layerId)!.mask!;
    expect(mask[100 * 160 + 70]).toBe(255);
    expect(mask[62 * 160 + 44]).toBe(0);
    expect(await env.ps.selectionBounds(doc.id)).toEqual({ left: 0, top: 0, right: 10, bottom: 10 });
    expect(await env.ps.alphaChannelNames(doc.id)).toEqual([]);
  });

  it('does not use the first document\'s area in another document, and says where the area is', async () => {
    const env = fakeEnvironment();
    const first = env.ps.addDocument({ title: 'NF-WV-1001_front.psd', pixels: studioImage({ width: 160, height: 240 }) });
    env.ps.doc(first.id).selection = ellipse(first, { left: 40, top: 60, right: 100, bottom: 140 });
    const session = await openBrandlockSession(s.url, s.retoucherToken);
    const jobId = await generateUnplaced(env, session, input('selection'));
    const other = env.ps.addDocument({ title: 'NF-WV-1001_front copy.psd', pixels: studioImage({ width: 64, height: 96 }) });
    const placed = await placeJobResultAgain(env.ps, env.fs, await session.jobResult(jobId), req(other.id));
    expect(placed.where).toBe('over the whole document');
    expect(placed.fallbackReason).toBe('The area it was made for is kept in "NF-WV-1001_front.psd", not in this document.');
    expect(await visibleBox(env, other.id, placed.layerId)).toEqual({ left: 0, top: 0, right: 64, bottom: 96 });
    expect((await env.ps.alphaChannelNames(first.id))).toHaveLength(1);
  });

  it('falls back to the selection, else the whole document, when the area was cut by a crop or deleted, and says why', async () => {
    const env = fakeEnvironment();
    const doc = env.ps.addDocument({ title: 'NF-WV-1001_front.psd', pixels: studioImage({ width: 160, height: 240 }) });
    const patch = studioImage({ width: 160, height: 240 });
    for (let i = 0; i < 160 * 240; i++) if (i % 160 < 80 || Math.floor(i / 160) < 120) patch.data[i * 4 + 3] = 0;
    env.ps.addPixelLayer(doc.id, 'Sleeve', patch);
    const session = await openBrandlockSession(s.url, s.retoucherToken);
    const layerJob = await generateUnplaced(env, session, input('layer'));
    const documentJob = await generateUnplaced(env, session, input('document'));
    const [layerArea, documentArea] = await env.ps.alphaChannelNames(doc.id);
    expect(layerArea).toMatch(/^brandlock area · job \S{8} · 80×120$/);
    // The retoucher crops the bottom off (through the layer job's area) and deletes the other job's channel.
    await env.ps.executeAsModal('Crop and delete', async () => {
      await env.ps.cropDocument(doc.id, { left: 0, top: 0, right: 160, bottom: 200 });
      await env.ps.batchPlay([deleteChannel(documentArea)]);
    });
    const cut = await placeJobResultAgain(env.ps, env.fs, await session.jobResult(layerJob), req(doc.id));
    expect(cut.where).toBe('over the whole document');
    expect(cut.fallbackReason).toBe('The area it was made for no longer fits this document: it was 80×120 px, and a crop or canvas change left 80×80 px of it.');
    await env.ps.executeAsModal('Marquee', () => env.ps.batchPlay([selectRectangle({ left: 8, top: 16, right: 40, bottom: 64 })]));
    const deleted = await placeJobResultAgain(env.ps, env.fs, await session.jobResult(documentJob), req(doc.id));
    expect(deleted.where).toBe('into your selection (32×48 px at 8, 16)');
    expect(deleted.fallbackReason).toMatch(/^The area it was made for is not in this document/);
    expect(await visibleBox(env, doc.id, deleted.layerId)).toEqual({ left: 8, top: 16, right: 40, bottom: 64 });
  });
});
