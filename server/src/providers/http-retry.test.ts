import { createServer, type Server } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { backoffMs, callWithRetry, DEFAULT_RETRY_POLICY, retryAfterSeconds, type CallKind } from './http-retry';
import { ProviderCallError } from './provider';

const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((r) => s.close(r))));
});

/** A loopback server answering from a script of [status, headers] pairs, then 200 {"ok":true}. */
async function scripted(answers: [number, Record<string, string>?][], port = 0): Promise<{ url: string; hits: () => number }> {
  let hits = 0;
  const server = createServer((_req, res) => {
    const [status, headers] = answers[hits++] ?? [200];
    res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(status === 200 ? '{"ok":true}' : '{"detail":"no"}');
  });
  servers.push(server);
  await new Promise<void>((r) => server.listen(port, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${(server.address() as { port: number }).port}/x`, hits: () => hits };
}

function call(url: string, kind: CallKind, sleeps: number[] = [], onSleep?: () => Promise<void>) {
  return callWithRetry({
    provider: 'fal',
    label: 'POST /x',
    kind,
    policy: { ...DEFAULT_RETRY_POLICY, baseDelayMs: 10, maxDelayMs: 100, requestTimeoutMs: 500 },
    send: (signal) => fetch(url, { method: 'POST', signal }),
    read: async (res) => res.json(),
    sleep: async (ms) => {
      sleeps.push(ms);
      await onSleep?.();
    },
  });
}

describe('callWithRetry', () => {
  it('waits at least Retry-After before repeating a throttled create', async () => {
    const server = await scripted([[429, { 'retry-after': '3' }], [429, { 'retry-after-ms': '1500' }]]);
    const sleeps: number[] = [];
    expect(await call(server.url, 'create', sleeps)).toEqual({ ok: true });
    expect(sleeps[0]).toBeGreaterThanOrEqual(3000);
    expect(sleeps[1]).toBeGreaterThanOrEqual(1500);
    expect(server.hits()).toBe(3);
  });

  it('hands a Retry-After longer than it will wait to the queue', async () => {
    const server = await scripted([[429, { 'retry-after': '600' }]]);
    await expect(call(server.url, 'read')).rejects.toMatchObject({ error: { code: 'rate_limited', retryable: true, retryAfterSeconds: 600 } });
    expect(server.hits()).toBe(1);
  });

  it('repeats reads after 5xx but never a create', async () => {
    const reads = await scripted([[500], [502], [503], [504]]);
    expect(await call(reads.url, 'read')).toEqual({ ok: true });
    expect(reads.hits()).toBe(5);
    const creates = await scripted([[503]]);
    await expect(call(creates.url, 'create')).rejects.toMatchObject({ error: { code: 'http_503', retryable: true } });
    expect(creates.hits()).toBe(1);
  });

  it('obeys x-should-retry', async () => {
    const never = await scripted([[500, { 'x-should-retry': 'false' }]]);
    await expect(call(never.url, 'read')).rejects.toMatchObject({ error: { code: 'http_500' } });
    expect(never.hits()).toBe(1);
    const allowed = await scripted([[500, { 'x-should-retry': 'true' }]]);
    expect(await call(allowed.url, 'create')).toEqual({ ok: true });
  });

  it("never retries fal's user start timeout", async () => {
    const server = await scripted([[504, { 'x-fal-request-timeout-type': 'user' }]]);
    await expect(call(server.url, 'read')).rejects.toMatchObject({ error: { code: 'start_timeout', retryable: false } });
    expect(server.hits()).toBe(1);
  });

  it('repeats a create whose connection never opened', async () => {
    const probe = await scripted([]);
    const port = Number(new URL(probe.url).port);
    await new Promise((r) => servers.pop()!.close(r));
    let late: Awaited<ReturnType<typeof scripted>> | undefined;
    const result = await call(`http://127.0.0.1:${port}/x`, 'create', [], async () => {
      late ??= await scripted([], port);
    });
    expect(result).toEqual({ ok: true });
    expect(late!.hits()).toBe(1);
  });

  it('stops at once when the caller aborts', async () => {
    const server = await scripted([[503], [503], [503]]);
    const controller = new AbortController();
    const pending = callWithRetry({
      provider: 'replicate',
      label: 'GET /x',
      kind: 'read',
      policy: { ...DEFAULT_RETRY_POLICY, baseDelayMs: 10_000 },
      signal: controller.signal,
      send: (signal) => fetch(server.url, { signal }),
      read: async (res) => res.json(),
    });
    setTimeout(() => controller.abort(), 30);
    const err = (await pending.catch((e: unknown) => e)) as ProviderCallError;
    expect(err).toBeInstanceOf(ProviderCallError);
    expect(err.error).toMatchObject({ code: 'aborted', retryable: false });
    expect(server.hits()).toBe(1);
  });
});

describe('a caller that stops waiting', () => {
  it("reads the caller's time limit as a retryable timeout, a create's as possibly created", async () => {
    const server = await scripted([[503], [503], [503]]);
    const err = (await callWithRetry({
      provider: 'runway',
      label: 'POST /x',
      kind: 'read',
      policy: { ...DEFAULT_RETRY_POLICY, baseDelayMs: 10_000 },
      signal: AbortSignal.timeout(30),
      send: (signal) => fetch(server.url, { method: 'POST', signal }),
      read: async (res) => res.json(),
    }).catch((e: unknown) => e)) as ProviderCallError;
    expect(err.error).toMatchObject({ code: 'timeout', retryable: true });
    expect(err.error.maybeCreated).toBeUndefined();
  });
});

describe('retry timing helpers', () => {
  it('parses Retry-After as seconds or an HTTP date', () => {
    const now = Date.parse('2026-11-27T10:00:00Z');
    expect(retryAfterSeconds(new Headers({ 'retry-after': '30' }))).toBe(30);
    expect(retryAfterSeconds(new Headers({ 'retry-after': 'Fri, 27 Nov 2026 10:00:45 GMT' }), now)).toBe(45);
    expect(retryAfterSeconds(new Headers({ 'retry-after': 'soon' }))).toBeUndefined();
    expect(retryAfterSeconds(new Headers())).toBeUndefined();
  });

  it('backs off exponentially within ±25 % and caps the delay', () => {
    const policy = { ...DEFAULT_RETRY_POLICY, baseDelayMs: 100, maxDelayMs: 1000 };
    for (let i = 0; i < 50; i++) {
      expect(backoffMs(0, policy)).toBeGreaterThanOrEqual(75);
      expect(backoffMs(0, policy)).toBeLessThanOrEqual(125);
      expect(backoffMs(3, policy)).toBeGreaterThanOrEqual(600);
      expect(backoffMs(10, policy)).toBeLessThanOrEqual(1250);
    }
  });
});
