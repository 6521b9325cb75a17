// Connecting from the panel to the real server: where the URL and token are kept, and the errors a
// retoucher meets before any request leaves Photoshop.
import { createServer, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPluginTestServer, type PluginTestServer } from '../../test/support/brandlock-test-server';
import { fakeServices } from '../../test/support/fake-services';
import { openBrandlockSession } from '../server/open-session';
import { connect, normaliseServerUrl, savedConnection } from './connect';
import { SERVER_URL_KEY } from './settings-keys';

let s: PluginTestServer;
beforeAll(async () => {
  s = await startPluginTestServer();
});
afterAll(async () => s?.close());

describe('connect', () => {
  it('keeps the URL in settings and the token only in secure storage', async () => {
    const { services, settings, secrets } = fakeServices((url, token) => openBrandlockSession(url, token), [new URL(s.url).origin]);
    const session = await connect(services, `  ${s.url}/ `, ` ${s.retoucherToken} `);
    expect(session.info.brand.name).toBe('Northfold Studio');
    expect(settings.values.get(SERVER_URL_KEY)).toBe(s.url);
    expect([...settings.values.values()].some((v) => v.includes(s.retoucherToken))).toBe(false);
    expect(await savedConnection(services)).toEqual({ url: s.url, token: s.retoucherToken });
    expect(secrets.values.size).toBe(1);
  });

  it('refuses a server this build may not reach, before trying', async () => {
    const { services } = fakeServices(async () => {
      throw new Error('must not be called');
    }, ['https://brandlock.northfold.example']);
    await expect(connect(services, s.url, s.retoucherToken)).rejects.toMatchObject({
      code: 'origin-not-allowed',
      message: `This copy of the plugin may only talk to https://brandlock.northfold.example, not ${new URL(s.url).origin}.`,
    });
  });

  it('stops waiting the moment Connect is cancelled, for a server that takes the connection and never answers', async () => {
    // A host that accepts TCP and then says nothing, as behind a VPN that is down: only the client's
    // 30 s timeout would end the wait.
    const sockets: Socket[] = [];
    const silent = createServer((socket) => void sockets.push(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(silent.address() as { port: number }).port}`;
    try {
      const { services, settings, secrets } = fakeServices((u, t) => openBrandlockSession(u, t), [url]);
      const cancel = new AbortController();
      const connecting = connect(services, url, s.retoucherToken, cancel.signal);
      await new Promise((r) => setTimeout(r, 300));
      expect(sockets.length).toBe(1);
      cancel.abort();
      await expect(connecting).rejects.toMatchObject({ code: 'cancelled', message: `Connecting to ${url} was cancelled; nothing was saved.` });
      expect(settings.values.size + secrets.values.size).toBe(0);
    } finally {
      for (const socket of sockets) socket.destroy();
      silent.close();
    }
  });

  it('says what is wrong with the address or a missing token', async () => {
    const { services } = fakeServices(async () => {
      throw new Error('must not be called');
    });
    await expect(connect(services, 'ftp://x', 't')).rejects.toMatchObject({ code: 'bad-input', message: '"ftp://x" uses ftp:; the server address must start with https:// or http://.' });
    await expect(connect(services, s.url, '  ')).rejects.toMatchObject({ code: 'bad-token', message: 'Enter your access token.' });
    expect(normaliseServerUrl('brandlock.example.com/')).toBe('https://brandlock.example.com');
  });
});
