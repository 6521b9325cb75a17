// The menu commands (no panel): they report in Photoshop's alert, say how to connect when there is no
// saved connection, and work against the real server with the choices last made in the panel.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPluginTestServer, type PluginTestServer } from '../../../test/support/brandlock-test-server';
import { openBrandlockSession } from '../../server/open-session';
import { readBrandlockXmp } from '../../xmp/brandlock-xmp';
import { lutCacheKey } from '../lut/load-lut-cube';
import { SERVER_URL_KEY, TOKEN_KEY } from '../settings-keys';
import { fakeServices } from '../../../test/support/fake-services';
import { studioImage } from '../../../test/support/studio-image';
import { runMenuCommand } from './run-menu-command';

it('tells the retoucher to connect in the panel first when no connection is saved', async () => {
  const { services, ps } = fakeServices(async () => {
    throw new Error('must not be called without a saved connection');
  });
  ps.addDocument({ title: 'a.psd', pixels: studioImage() });
  await runMenuCommand(services, 'apply-lut-to-open-documents');
  await runMenuCommand(services, 'qc-active-document');
  expect(ps.alerts).toEqual([
    'brandlock: brandlock is not connected to a server.\nOpen the brandlock panel (Plugins > brandlock), connect once, then use this command again.',
    'brandlock: brandlock is not connected to a server.\nOpen the brandlock panel (Plugins > brandlock), connect once, then use this command again.',
  ]);
  expect(ps.doc(ps.docs[0].id).history).toEqual(['Open']);
});

describe('with a saved connection to the real server', () => {
  let s: PluginTestServer;
  beforeAll(async () => {
    s = await startPluginTestServer();
  });
  afterAll(async () => s?.close());

  function connected() {
    const env = fakeServices((url, token) => openBrandlockSession(url, token), [new URL(s.url).origin]);
    env.settings.values.set(SERVER_URL_KEY, s.url);
    env.secrets.values.set(TOKEN_KEY, s.retoucherToken);
    return env;
  }

  it('applies the last LUT to every open document, from the server once an admin uploaded it', async () => {
    const { services, ps, settings } = connected();
    ps.addDocument({ title: 'a.psd', pixels: studioImage() });
    ps.addDocument({ title: 'b.psd', pixels: studioImage() });
    await runMenuCommand(services, 'apply-lut-to-open-documents');
    expect(ps.alerts.pop()).toBe('brandlock: Warm studio grade (warm-studio.cube) is not on the server and has not been loaded for lock SS27.1 yet.\nApply it once from the LUT tab of the brandlock panel (it asks for the file); the command reuses it after that.');
    const cube = readFileSync(new URL('../../../../../samples/luts/warm-studio.cube', import.meta.url), 'utf8');
    const uploaded = await s.server.request('/v1/luts', { method: 'PUT', body: cube, headers: { 'content-type': 'text/plain' } });
    expect(uploaded.status).toBeLessThan(300);
    await runMenuCommand(services, 'apply-lut-to-open-documents');
    expect(ps.alerts.pop()).toBe('brandlock: Warm studio grade added to 2 of 2 open documents.');
    expect(ps.docs.map((d) => d.layers[0].name)).toEqual(['brandlock LUT · Warm studio grade', 'brandlock LUT · Warm studio grade']);
    const session = await openBrandlockSession(s.url, s.retoucherToken);
    const ref = session.lock.luts.find((l) => l.id === 'warm-studio')!;
    expect(settings.values.get(lutCacheKey(ref, session.info.lockHash))).toBe(cube);
  });

  it("runs QC on the active document against the swatch of the SKU its name gives, and records it", async () => {
    const { services, ps } = connected();
    const doc = ps.addDocument({ title: 'NF-WV-1003_sky_front.psd', pixels: studioImage({ width: 128, height: 192, garment: [120, 120, 120], texture: 2 }) });
    await runMenuCommand(services, 'qc-active-document');
    const alert = ps.alerts.pop()!;
    expect(alert).toMatch(/^brandlock: QC REJECT for "NF-WV-1003_sky_front.psd" as NF-WV-1003 \(Sky swatch, Wovens: shirts, blouses, skirts\)\.\n/);
    expect(alert).toContain('• Resolution: 128x192 (expected at least 1024x1536)');
    expect(alert).toMatch(/• Colour vs swatch: \d+\.\d ΔE00/);
    expect(readBrandlockXmp(ps.doc(doc.id).xmp)).toMatchObject({ qcVerdict: 'reject', qcSwatch: 'sky', sku: 'NF-WV-1003' });
  });

  it('refuses, and writes nothing, when it cannot tell which SKU the document is', async () => {
    const { services, ps } = connected();
    const doc = ps.addDocument({ title: 'IMG_2231.psd', pixels: studioImage({ width: 128, height: 192 }) });
    await runMenuCommand(services, 'qc-active-document');
    expect(ps.alerts.pop()).toBe(
      'brandlock: brandlock cannot tell which SKU "IMG_2231.psd" is, so it has no swatch to judge the colour against. Nothing was checked or written.\n'
      + 'Name the file after its SKU (e.g. NF-WV-1001_chalk_front.psd), or run QC from the QC tab of the brandlock panel, which asks which SKU it is.',
    );
    expect(ps.doc(doc.id).xmp).toBe('');
  });
});
