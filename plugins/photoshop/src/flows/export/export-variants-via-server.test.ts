// Export through the real server (local provider renders the variants) from the fake Photoshop, for a
// master that passed QC:
// every chosen channel comes back, WebP included, named by the lock's template, written without
// overwriting, and the master document is left as it was.
import sharp from 'sharp';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startPluginTestServer, type PluginTestServer } from '../../../test/support/brandlock-test-server';
import { fakeEnvironment } from '../../../test/support/fake-env';
import { studioImage } from '../../../test/support/studio-image';
import { FakeFileSystem } from '../../fake-host/fake-file-system';
import { openBrandlockSession } from '../../server/open-session';
import { exportVariantsViaServer } from './export-variants-via-server';
import { writeBrandlockXmp } from '../../xmp/brandlock-xmp';

let s: PluginTestServer;
beforeAll(async () => {
  s = await startPluginTestServer();
});
afterAll(async () => s?.close());

it('writes the server-rendered variants, WebP included, named by the lock', async () => {
  const env = fakeEnvironment();
  const master = env.ps.addDocument({ title: 'NF-WV-1001.psd', pixels: studioImage({ width: 400, height: 600, depth: 16 }) });
  env.ps.doc(master.id).xmp = writeBrandlockXmp('', { qcVerdict: 'pass', sku: 'NF-WV-1001' });
  const session = await openBrandlockSession(s.url, s.retoucherToken);
  const channels = session.lock.channels.filter((c) => ['ig-square', 'pdp-webp'].includes(c.id));
  const { outcomes } = await exportVariantsViaServer(env.ps, env.fs, session, {
    briefId: s.briefId, sku: 'NF-WV-1001', colorway: 'Ecru', view: 'front', category: 'wovens', channels, folder: FakeFileSystem.folder('/delivery'),
  }, { signal: new AbortController().signal, onProgress: () => {} });
  expect(outcomes.map((o) => [o.name, o.status])).toEqual([
    ['northfold_nf-wv-1001_ecru_front_ig-square_1080x1080.jpg', 'done'],
    ['northfold_nf-wv-1001_ecru_front_pdp-webp_1200x1500.webp', 'done'],
  ]);
  const webp = await sharp(env.fs.files.get('/delivery/northfold_nf-wv-1001_ecru_front_pdp-webp_1200x1500.webp')!).metadata();
  expect(webp).toMatchObject({ format: 'webp', width: 1200, height: 1500 });
  expect(env.ps.docs.map((d) => d.id)).toEqual([master.id]);
  expect(env.ps.doc(master.id).history).toEqual(['Open']);
});
