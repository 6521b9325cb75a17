// Export through the real server (local provider renders the variants) from the fake Photoshop, for a
// master that passed QC:
// every chosen channel comes back, WebP included, named by the lock's template, written without
// overwriting, and the master document is left as it was; a channel the master is too small for by
// the lock's maxUpscale is not sent; the flattened copy it uploads is not left in the temporary folder.
import sharp from 'sharp';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startPluginTestServer, TWO_COLOURWAYS, uploadBrief, type PluginTestServer } from '../../../test/support/brandlock-test-server';
import { fakeEnvironment } from '../../../test/support/fake-env';
import { studioImage } from '../../../test/support/studio-image';
import { FakeFileSystem } from '../../fake-host/fake-file-system';
import { openBrandlockSession } from '../../server/open-session';
import { exportVariantsViaServer } from './export-variants-via-server';
import { giveQcVerdict } from '../../../test/support/qc-verdict';

let s: PluginTestServer;
beforeAll(async () => {
  s = await startPluginTestServer();
});
afterAll(async () => s?.close());

it('writes the server-rendered variants, WebP included, named by the lock', async () => {
  const env = fakeEnvironment();
  // 1000x1500: the order of a recipe master. The hero (2x) and the square (1.25x) fit it, the zoom
  // detail crop (never enlarged) does not.
  const master = env.ps.addDocument({ title: 'NF-WV-1001.psd', pixels: studioImage({ width: 1000, height: 1500, depth: 16 }) });
  await giveQcVerdict(env.ps, master.id, { qcVerdict: 'pass', sku: 'NF-WV-1001' });
  const session = await openBrandlockSession(s.url, s.retoucherToken);
  const channels = session.lock.channels.filter((c) => ['ig-square', 'pdp-webp', 'zoom'].includes(c.id));
  const { outcomes } = await exportVariantsViaServer(env.ps, env.fs, session, {
    briefId: s.briefId, sku: 'NF-WV-1001', colorway: 'Ecru', view: 'front', category: 'wovens', channels, folder: FakeFileSystem.folder('/delivery'),
  }, { signal: new AbortController().signal, onProgress: () => {} });
  expect(outcomes.map((o) => [o.name, o.status])).toEqual([
    ['Mobile zoom detail crop', 'skipped'],
    ['northfold_nf-wv-1001_ecru_front_ig-square_1080x1080.jpg', 'done'],
    ['northfold_nf-wv-1001_ecru_front_pdp-webp_1200x1500.webp', 'done'],
  ]);
  expect(outcomes[0].message).toMatch(/^Not made: Mobile zoom detail crop would need the master enlarged \d\.\d\dx; the lock allows at most 1x\./);
  expect([...env.fs.files.keys()].filter((k) => k.includes('zoom'))).toEqual([]);
  const webp = await sharp(env.fs.files.get('/delivery/northfold_nf-wv-1001_ecru_front_pdp-webp_1200x1500.webp')!).metadata();
  expect(webp).toMatchObject({ format: 'webp', width: 1200, height: 1500 });
  expect(env.ps.docs.map((d) => d.id)).toEqual([master.id]);
  expect(env.ps.doc(master.id).history).toEqual(['Open']);
  // The flattened copy it uploaded (a 24 MP master makes a PNG of tens of MB) is not left behind.
  expect([...env.fs.files.keys()].filter((k) => k.startsWith('/plugin-temp/'))).toEqual([]);
});

it('renders on the server as the view the master is, so the job and its audit trail say what the file names say', async () => {
  const env = fakeEnvironment();
  const master = env.ps.addDocument({ title: 'NF-WV-1001_back.psd', pixels: studioImage({ width: 1000, height: 1500, depth: 16 }) });
  await giveQcVerdict(env.ps, master.id, { qcVerdict: 'pass', sku: 'NF-WV-1001' });
  const session = await openBrandlockSession(s.url, s.retoucherToken);
  const channels = session.lock.channels.filter((c) => c.id === 'ig-square');
  const { outcomes, jobId } = await exportVariantsViaServer(env.ps, env.fs, session, {
    briefId: s.briefId, sku: 'NF-WV-1001', colorway: 'Ecru', view: 'back', category: 'wovens', channels, folder: FakeFileSystem.folder('/delivery'),
  }, { signal: new AbortController().signal, onProgress: () => {} });
  expect(outcomes.map((o) => [o.name, o.status])).toEqual([['northfold_nf-wv-1001_ecru_back_ig-square_1080x1080.jpg', 'done']]);
  const job = await (await fetch(`${s.url}/v1/jobs/${jobId}`, { headers: { authorization: `Bearer ${s.retoucherToken}` } })).json();
  expect([job.sku, job.view]).toEqual(['NF-WV-1001', 'back']);
});

it('renders a SKU the brief has in several colourways as the colourway of the master', async () => {
  // One style in two colourways, each its own brief row: the server needs to know which.
  const briefId = await uploadBrief(s, 'two colourways', TWO_COLOURWAYS);
  const env = fakeEnvironment();
  const master = env.ps.addDocument({ title: 'NF-WV-1001_oat_front.psd', pixels: studioImage({ width: 1000, height: 1500, depth: 16 }) });
  await giveQcVerdict(env.ps, master.id, { qcVerdict: 'pass', sku: 'NF-WV-1001' });
  const session = await openBrandlockSession(s.url, s.retoucherToken);
  const channels = session.lock.channels.filter((c) => c.id === 'ig-square');
  const { outcomes, jobId } = await exportVariantsViaServer(env.ps, env.fs, session, {
    briefId, briefColorway: 'Oat', sku: 'NF-WV-1001', colorway: 'oat', view: 'front', category: 'wovens', channels, folder: FakeFileSystem.folder('/delivery'),
  }, { signal: new AbortController().signal, onProgress: () => {} });
  expect(outcomes.map((o) => [o.name, o.status])).toEqual([['northfold_nf-wv-1001_oat_front_ig-square_1080x1080.jpg', 'done']]);
  const job = await (await fetch(`${s.url}/v1/jobs/${jobId}`, { headers: { authorization: `Bearer ${s.retoucherToken}` } })).json();
  expect([job.sku, job.colorway]).toEqual(['NF-WV-1001', 'Oat']);
});
