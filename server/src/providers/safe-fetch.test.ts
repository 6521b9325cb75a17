import { createServer, type IncomingHttpHeaders, type Server, type ServerResponse } from 'node:http';
import sharp from 'sharp';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_RETRY_POLICY } from './http-retry';
import { parseHostAllowlist } from '../config/host-allowlist';
import { fetchAllowedOutput, type SafeFetchOptions } from './safe-fetch';

const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((r) => s.close(r))));
});

async function serve(handle: (path: string, res: ServerResponse, headers: IncomingHttpHeaders) => void): Promise<{ origin: string; seen: { path: string; headers: IncomingHttpHeaders }[] }> {
  const seen: { path: string; headers: IncomingHttpHeaders }[] = [];
  const server = createServer((req, res) => {
    seen.push({ path: req.url ?? '', headers: req.headers });
    handle(req.url ?? '', res, req.headers);
  });
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { origin: `http://127.0.0.1:${(server.address() as { port: number }).port}`, seen };
}

const png = await sharp({ create: { width: 4, height: 4, channels: 3, background: '#808080' } }).png().toBuffer();

function options(allowed: string[], extra: Partial<SafeFetchOptions> = {}): SafeFetchOptions {
  return { provider: 'fal', allowed: parseHostAllowlist(allowed.join(','), 'TEST_ALLOWED_HOSTS'), accept: ['image/'], maxBytes: 1 << 20, policy: { ...DEFAULT_RETRY_POLICY, baseDelayMs: 5, requestTimeoutMs: 500 }, ...extra };
}

describe('fetchAllowedOutput', () => {
  it('downloads an image from an allowed origin', async () => {
    const cdn = await serve((_p, res) => res.writeHead(200, { 'content-type': 'image/png' }).end(png));
    const out = await fetchAllowedOutput(`${cdn.origin}/a.png`, options([cdn.origin]));
    expect(Buffer.from(out.bytes).equals(png)).toBe(true);
  });

  it('refuses a loopback port that is not on the allowlist without connecting to it', async () => {
    const allowed = await serve((_p, res) => res.writeHead(200, { 'content-type': 'image/png' }).end(png));
    const other = await serve((_p, res) => res.writeHead(200, { 'content-type': 'image/png' }).end(png));
    await expect(fetchAllowedOutput(`${other.origin}/a.png`, options([allowed.origin]))).rejects.toMatchObject({ error: { code: 'url_not_allowed' } });
    await expect(fetchAllowedOutput(`${other.origin.replace('127.0.0.1', 'localhost')}/a.png`, options([allowed.origin]))).rejects.toMatchObject({ error: { code: 'url_not_allowed' } });
    expect(other.seen).toHaveLength(0);
  });

  it('re-checks every redirect, and sends credentials only to their own origin', async () => {
    const internal = await serve((_p, res) => res.writeHead(200, { 'content-type': 'image/png' }).end(png));
    const mirror = await serve((_p, res) => res.writeHead(200, { 'content-type': 'image/png' }).end(png));
    const api = await serve((path, res) => {
      const to = path === '/evil' ? `${internal.origin}/secret.png` : `${mirror.origin}/a.png`;
      res.writeHead(302, { location: to }).end();
    });
    const opts = options([api.origin, mirror.origin], { credentials: { origin: api.origin, headers: { authorization: 'Bearer sekret' } } });
    await expect(fetchAllowedOutput(`${api.origin}/evil`, opts)).rejects.toMatchObject({ error: { code: 'url_not_allowed', message: expect.stringMatching(/redirects to/) } });
    expect(internal.seen).toHaveLength(0);
    await fetchAllowedOutput(`${api.origin}/ok`, opts);
    expect(api.seen.at(-1)!.headers.authorization).toBe('Bearer sekret');
    expect(mirror.seen[0].headers.authorization).toBeUndefined();
  });

  it('caps the size, checks the content type and the magic bytes', async () => {
    const big = Buffer.alloc(4096, 1);
    const cdn = await serve((path, res) => {
      if (path === '/big') return res.writeHead(200, { 'content-type': 'image/png' }).end(big);
      if (path === '/html') return res.writeHead(200, { 'content-type': 'text/html' }).end('<h1>expired</h1>');
      if (path === '/liar') return res.writeHead(200, { 'content-type': 'image/png' }).end(Buffer.from('GIF89a-not-a-png-at-all'));
      res.writeHead(410).end();
    });
    await expect(fetchAllowedOutput(`${cdn.origin}/big`, options([cdn.origin], { maxBytes: 1024 }))).rejects.toMatchObject({ error: { code: 'too_large' } });
    await expect(fetchAllowedOutput(`${cdn.origin}/html`, options([cdn.origin]))).rejects.toMatchObject({ error: { code: 'unexpected_content_type' } });
    await expect(fetchAllowedOutput(`${cdn.origin}/liar`, options([cdn.origin]))).rejects.toMatchObject({ error: { code: 'unexpected_content_type' } });
    await expect(fetchAllowedOutput(`${cdn.origin}/gone`, options([cdn.origin]))).rejects.toMatchObject({ error: { code: 'output_expired' } });
  });
});
