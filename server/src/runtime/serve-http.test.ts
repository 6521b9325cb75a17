// The HTTP server as `brandlock serve` and `npm start` run it, against a client that trickles its
// request headers (slowloris): the socket is closed with 408 once the headers timeout passes, instead
// of held for Node's default 60 s (checked only every 30 s), while ordinary requests are answered.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { connect } from 'node:net';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readServerConfig } from '../config/server-config';
import { serveHttp, type ServingServer } from './serve-http';

let dir = '';
let serving: ServingServer;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'brandlock-serve-'));
  const config = readServerConfig({ BRANDLOCK_DATA: dir, PORT: '0', BRANDLOCK_HEADERS_TIMEOUT_MS: '500', BRANDLOCK_WORKERS: 'false' }, dir);
  serving = await serveHttp(config, { out: () => undefined, err: () => undefined, env: {} });
}, 60_000);
afterAll(async () => {
  await serving?.close();
  await rm(dir, { recursive: true, force: true });
});

function exchange(write: (socket: ReturnType<typeof connect>) => void): Promise<{ answer: string; ms: number }> {
  const { hostname, port } = new URL(serving.url);
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const socket = connect(Number(port), hostname.replace(/^\[|\]$/g, ''));
    let answer = '';
    socket.on('data', (d) => (answer += d.toString('latin1')));
    socket.on('close', () => resolve({ answer, ms: Date.now() - started }));
    socket.on('error', reject);
    socket.on('connect', () => write(socket));
  });
}

it('closes a connection whose headers never finish, with 408, within a second or two of the timeout', async () => {
  const trickle = await exchange((s) => {
    s.write('GET /health HTTP/1.1\r\nHost: brandlock\r\n');
    // One more header byte every 200 ms, never the blank line that ends them.
    const timer = setInterval(() => (s.writable ? s.write('X') : clearInterval(timer)), 200);
    s.on('close', () => clearInterval(timer));
  });
  expect(trickle.answer).toMatch(/^HTTP\/1\.1 408/);
  expect(trickle.ms).toBeLessThan(10_000);
}, 20_000);

it('still answers a request whose headers arrive whole', async () => {
  const ok = await exchange((s) => s.end('GET /health HTTP/1.1\r\nHost: brandlock\r\nConnection: close\r\n\r\n'));
  expect(ok.answer).toMatch(/^HTTP\/1\.1 200/);
});
