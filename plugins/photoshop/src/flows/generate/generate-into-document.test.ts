// Generate from the panel against the real server (local provider) and the fake Photoshop: the
// document's pixels go up as the source, the job runs, the result comes back as a named layer in one
// History step with the server's production record in its XMP. Cancel cancels the job on the server.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ProductionRecord } from '@brandlock/core/audit';
import { startPluginTestServer, type PluginTestServer } from '../../../test/support/brandlock-test-server';
import { fakeEnvironment } from '../../../test/support/fake-env';
import { studioImage } from '../../../test/support/studio-image';
import { openBrandlockSession } from '../../server/open-session';
import { readBrandlockXmp } from '../../xmp/brandlock-xmp';
import { generateIntoDocument } from './generate-into-document';

let s: PluginTestServer;
beforeAll(async () => {
  s = await startPluginTestServer();
});
afterAll(async () => s?.close());

describe('generate into the document', () => {
  it('places the job result as a named layer with its production record, in one History step', async () => {
    const env = fakeEnvironment();
    const doc = env.ps.addDocument({ title: 'NF-WV-1001_front.psd', pixels: studioImage({ width: 160, height: 240, depth: 16 }) });
    const session = await openBrandlockSession(s.url, s.retoucherToken);
    const progress: string[] = [];
    const outcome = await generateIntoDocument(env.ps, env.fs, session, { briefId: s.briefId, sku: 'NF-WV-1001', view: 'front', source: 'document' }, {
      signal: new AbortController().signal, onProgress: (p) => progress.push(p.label),
    });
    expect(outcome.layerName).toMatch(/^NF-WV-1001 front · job \S+$/);
    const d = env.ps.doc(doc.id);
    const layer = d.layers.find((l) => l.id === outcome.layerId)!;
    expect(layer.name).toBe(outcome.layerName);
    expect(d.history).toEqual(['Open', `brandlock: ${outcome.layerName}`]);
    const xmp = readBrandlockXmp(layer.xmp);
    expect(xmp).toMatchObject({ jobId: outcome.jobId, sku: 'NF-WV-1001', view: 'front', lockHash: session.info.lockHash, provider: 'local' });
    const record = ProductionRecord.parse(JSON.parse(xmp.productionRecord));
    expect(record.recipe.width).toBeGreaterThan(0);
    expect(progress[0]).toBe('Reading document pixels…');
    expect(progress).toContain('Placing the result…');
    expect((await env.ps.layers(doc.id)).find((l) => l.id === outcome.layerId)!.bounds).toEqual({ left: 0, top: 0, right: 160, bottom: 240 });
  });

  it('cancels the job on the server and leaves the document as it was', async () => {
    const env = fakeEnvironment();
    const doc = env.ps.addDocument({ title: 'a.psd', pixels: studioImage({ width: 64, height: 96 }) });
    const session = await openBrandlockSession(s.url, s.retoucherToken);
    const controller = new AbortController();
    const run = generateIntoDocument(env.ps, env.fs, session, { briefId: s.briefId, sku: 'NF-WV-1002', view: 'front', source: 'document' }, {
      signal: controller.signal,
      onProgress: (p) => {
        // The first report from the server (the job exists, queued or running): the user presses Cancel.
        if (!p.label.startsWith('Reading') && !p.label.startsWith('Uploading')) controller.abort();
      },
    });
    await expect(run).rejects.toMatchObject({ code: 'cancelled' });
    expect(env.ps.doc(doc.id).layers).toHaveLength(1);
    expect(env.ps.doc(doc.id).history).toEqual(['Open']);
    const { jobs } = (await (await s.server.request('/v1/jobs?sku=NF-WV-1002')).json()) as { jobs: { cancelRequested: boolean; state: string }[] };
    expect(jobs).toHaveLength(1);
    expect(jobs[0].cancelRequested || jobs[0].state === 'canceled').toBe(true);
  });
});
