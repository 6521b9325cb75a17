// The panel's session against the real brandlock server on loopback: who the token is, the lock,
// the brief's SKUs, and what a retoucher reads when the token is wrong or the server is not there.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPluginTestServer, type PluginTestServer } from '../../test/support/brandlock-test-server';
import { openBrandlockSession } from './open-session';

let s: PluginTestServer;
beforeAll(async () => {
  s = await startPluginTestServer();
});
afterAll(async () => s?.close());

describe('a session with the brandlock server', () => {
  it('knows the brand, the lock version and hash, and who the token belongs to', async () => {
    const session = await openBrandlockSession(s.url, s.retoucherToken);
    expect(session.info).toMatchObject({ serverUrl: s.url, brand: { id: 'northfold', name: 'Northfold Studio' }, lockVersion: 'SS27.1', user: { name: 'Dana Retoucher', role: 'retoucher' } });
    expect(session.info.lockHash).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(session.lock.categories.map((c) => c.id)).toContain('wovens');
    const brief = await session.currentBrief();
    expect(brief).toMatchObject({ id: s.briefId, name: 'SS27 core range' });
    expect(brief!.skus[0]).toMatchObject({ sku: 'NF-WV-1001', colorway: 'Chalk', category: 'wovens', swatch: { name: expect.any(String) } });
    expect(brief!.skus[0].views.length).toBeGreaterThan(0);
  });

  it('says the token was refused, and that an unreachable server cannot be reached', async () => {
    await expect(openBrandlockSession(s.url, 'not-a-token')).rejects.toMatchObject({ name: 'PanelError', code: 'bad-token', message: 'The server did not accept this token.' });
    await expect(openBrandlockSession('http://127.0.0.1:9', s.retoucherToken)).rejects.toMatchObject({
      code: 'server-unreachable', message: 'Cannot reach the brandlock server at http://127.0.0.1:9.',
    });
  });
});
