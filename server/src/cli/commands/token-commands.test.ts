import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../run-cli';
import { captureIo } from '../../../test-support/capture-io';
import { readServerConfig } from '../../config/server-config';
import { startBrandlockServer } from '../../runtime/brandlock-server';
import { createLogger } from '../../log/logger';

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'brandlock-tokens-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

async function cli(...argv: string[]) {
  const io = captureIo(dir, { BRANDLOCK_DATA: join(dir, 'data') });
  const code = await runCli(argv, io);
  return { code, out: io.stdout, err: io.stderr };
}

describe('brandlock token', () => {
  it('creates a token printed once, lists it without the secret, and revokes it; the server honours all of it', async () => {
    const created = await cli('token', 'create', '--role', 'art-director', '--name', 'Ines (AD)', '--json');
    expect(created.code, created.err).toBe(0);
    const { id, token, role } = JSON.parse(created.out);
    expect(role).toBe('art-director');
    expect(token).toMatch(/^bl_[a-z2-7]{12}\.[A-Za-z0-9_-]{43}$/);

    const list = await cli('token', 'list');
    expect(list.code).toBe(0);
    expect(list.out).toContain(id);
    expect(list.out).toContain('Ines (AD)');
    expect(list.out).not.toContain(token.split('.')[1]);

    const config = readServerConfig({ BRANDLOCK_DATA: join(dir, 'data'), PORT: '0' }, dir);
    const server = await startBrandlockServer({ config, log: createLogger({ sink: () => undefined }) });
    try {
      expect(server.firstAdminToken).toBeNull();
      const me = await server.app.request('/v1/me', { headers: { authorization: `Bearer ${token}` } });
      expect(await me.json()).toMatchObject({ name: 'Ines (AD)', role: 'art-director' });
      const busy = await cli('token', 'list');
      expect(busy.code).toBe(1);
      expect(busy.err).toMatch(/in use by process \d+.*POST \/v1\/tokens/);
    } finally {
      await server.stop();
    }

    const revoked = await cli('token', 'revoke', id);
    expect(revoked.code).toBe(0);
    expect(revoked.out).toContain('Revoked art-director token "Ines (AD)"');
    expect((await cli('token', 'revoke', 'nosuchtoken')).code).toBe(1);
    const again = await startBrandlockServer({ config, log: createLogger({ sink: () => undefined }), workers: false });
    try {
      expect((await again.app.request('/v1/me', { headers: { authorization: `Bearer ${token}` } })).status).toBe(401);
    } finally {
      await again.stop();
    }
  });

  it('refuses unknown roles and a missing name as usage errors', async () => {
    const bad = await cli('token', 'create', '--role', 'intern', '--name', 'x');
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/--role must be one of admin, art-director, designer, retoucher, service; found "intern"/);
    expect((await cli('token', 'create', '--role', 'designer')).code).toBe(2);
  });
});

describe('brandlock serve', () => {
  it('serves until interrupted, printing the URL, and stops cleanly', async () => {
    const controller = new AbortController();
    const io = captureIo(dir, { BRANDLOCK_DATA: join(dir, 'serve-data') });
    io.signal = controller.signal;
    const running = runCli(['serve', '--port', '0'], io);
    const end = Date.now() + 60_000;
    while (!/listening on (\S+)/.test(io.stdout) && Date.now() < end) await new Promise((r) => setTimeout(r, 50));
    const url = /listening on (\S+)/.exec(io.stdout)![1];
    expect(io.stdout).toMatch(/First start: an admin token was created/);
    expect(await (await fetch(`${url}/health`)).json()).toMatchObject({ ok: true });
    controller.abort();
    expect(await running).toBe(0);
    await expect(fetch(`${url}/health`)).rejects.toThrow();
  });

  it('refuses to revoke the last active admin token', async () => {
    const admin = JSON.parse((await cli('token', 'create', '--role', 'admin', '--name', 'only admin', '--json')).out);
    const refused = await cli('token', 'revoke', admin.id);
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(/last active admin token.*brandlock token create --role admin/);
    const second = JSON.parse((await cli('token', 'create', '--role', 'admin', '--name', 'second admin', '--json')).out);
    expect((await cli('token', 'revoke', admin.id)).code).toBe(0);
    expect((await cli('token', 'revoke', second.id)).code).toBe(1);
  });
});
