import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFile } from 'node:fs/promises';
import sharp from 'sharp';
import { startTestServer, type TestServer } from '../../test-support/server/test-server';
import { registrationOf, scriptedProvider, type ScriptedProvider } from '../../test-support/server/scripted-provider';
import { ProviderCallError } from '../providers/provider';
import { approveCurrentRecipes } from '../../test-support/server/approve-recipes';

const samples = new URL('../../../samples/', import.meta.url);
const SECRETS = { FAL_KEY: 'fal-key-5d1e0c2b9a7f4e31', REPLICATE_API_TOKEN: 'r8_replicate-token-8c3f', REPLICATE_WEBHOOK_SECRET: 'whsec_c2VjcmV0LXZhbHVl', RUNWAYML_API_SECRET: 'key_runway-secret-77aa' };

/** A loopback HTTP server that counts requests: the provider's CDN, or an internal service. */
async function fileServer(body: Uint8Array): Promise<{ url: string; hits: () => number; close: () => Promise<void> }> {
  let hits = 0;
  const server: Server = createServer((_, res) => {
    hits++;
    res.writeHead(200, { 'content-type': 'image/png' }).end(body);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, hits: () => hits, close: () => new Promise((r) => server.close(() => r())) };
}

let cdn: Awaited<ReturnType<typeof fileServer>>;
let internal: Awaited<ReturnType<typeof fileServer>>;
let png: Uint8Array;
let t: TestServer;
let provider: ScriptedProvider;
let secretInErrors = false;
/** What the adapter reports at submit for the next job (the seed it drew, what it could not send). */
let nextSubmitDetails: { seed?: number; notes?: string[] } | null = null;

beforeAll(async () => {
  png = new Uint8Array(await sharp({ create: { width: 96, height: 128, channels: 3, background: '#2c3e5c' } }).png().toBuffer());
  cdn = await fileServer(png);
  internal = await fileServer(new TextEncoder().encode('internal secrets'));
  provider = scriptedProvider({
    secret: SECRETS.REPLICATE_WEBHOOK_SECRET,
    allowedHosts: cdn.url,
    submitError: () => (secretInErrors ? new ProviderCallError('fal', { code: 'auth', message: `upstream refused key ${SECRETS.FAL_KEY}`, retryable: false }) : null),
    submitDetails: () => nextSubmitDetails,
  });
  t = await startTestServer({
    env: { ...SECRETS, BRANDLOCK_PROVIDER: 'fal', BRANDLOCK_PUBLIC_URL: 'https://brandlock.example', BRANDLOCK_CONCURRENCY_FAL: '1', BRANDLOCK_POLL_MAX_MS: '400' },
    remotes: { fal: registrationOf(provider) },
  });
  await t.request('/v1/locks', { method: 'POST', headers: { 'content-type': 'application/json' }, body: await readFile(new URL('brand-lock.json', samples), 'utf8') });
  await approveCurrentRecipes(t.request);
});
afterEach(() => {
  secretInErrors = false;
  nextSubmitDetails = null;
});
afterAll(async () => {
  await t.close();
  await cdn.close();
  await internal.close();
});

const item = (sku: string) => ({ sku, colorway: 'Ink', category: 'jersey', fabric: 'cotton jersey', silhouette: 'tee', swatch: 'ink' });
const createJob = async (sku: string) => (await t.request('/v1/jobs', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ kind: 'generate', item: item(sku) }) })).json();
const getJob = async (id: string) => (await t.request(`/v1/jobs/${id}`)).json();
async function until<T>(fn: () => Promise<T>, ok: (v: T) => boolean, ms = 10_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (ok(v) || Date.now() > end) return v;
    await new Promise((r) => setTimeout(r, 50));
  }
}
const webhook = (body: string, headers: Headers) => t.request('/v1/webhooks/fal', { method: 'POST', body, headers, token: null });

describe('a remote provider with webhooks', () => {
  it('persists the provider job id, then completes on a verified webhook; bad signatures and replays are refused', async () => {
    const job = await createJob('WH-1');
    const running = await until(() => getJob(job.id), (j) => j.providerJobId !== null);
    expect(running).toMatchObject({ state: 'running', providerJobId: 'req-1' });
    expect(provider.submissions[0].webhookUrl).toBe('https://brandlock.example/v1/webhooks/fal');

    const body = JSON.stringify({ id: 'req-1', status: { state: 'succeeded', outputs: [{ url: `${cdn.url}/files/out.png`, seed: 7 }], model: 'flux-lora', modelVersion: 'v1', costUsd: 0.04 } });
    const forged = provider.sign(body, 'delivery-1');
    forged.set('webhook-signature', 'v1,' + Buffer.from('x'.repeat(32)).toString('base64'));
    expect((await webhook(body, forged)).status).toBe(401);
    const stale = await webhook(body, provider.sign(body, 'delivery-0', Math.floor(Date.now() / 1000) - 3600));
    expect(stale.status).toBe(401);
    expect((await getJob(job.id)).state).toBe('running');

    const ok = await webhook(body, provider.sign(body, 'delivery-1'));
    expect(ok.status).toBe(200);
    const done = await getJob(job.id);
    expect(done).toMatchObject({ state: 'succeeded', note: null });
    expect(done.outputs[0]).toMatchObject({ width: 96, height: 128, seed: 7, contentType: 'image/png' });
    const replay = await webhook(body, provider.sign(body, 'delivery-1'));
    expect(replay.status).toBe(409);
    expect(provider.submissions).toHaveLength(1);

    const record = (await (await t.request(`/v1/audit?job=${job.id}`)).json()).records[0];
    // The provider's own bytes are kept beside the post-processed master.
    const raw = await t.request(`/v1/assets/${record.post.rawSha256}`);
    expect(Buffer.from(await raw.arrayBuffer()).equals(Buffer.from(png))).toBe(true);
    expect(record).toMatchObject({ provider: 'fal', providerJobId: 'req-1', model: 'flux-lora', modelVersion: 'v1', costUsd: 0.04, seed: 7 });
  });

  it('records the seed the adapter sent and what it could not send, when the provider echoes neither', async () => {
    nextSubmitDetails = { seed: 3141592653, notes: [`fal flux-lora: the model has no negative prompt field; "${SECRETS.FAL_KEY}" was not sent`] };
    const job = await createJob('SEED-1');
    const running = await until(() => getJob(job.id), (j) => j.providerJobId !== null);
    provider.script(running.providerJobId, { state: 'succeeded', outputs: [{ url: `${cdn.url}/seedless.png` }] });
    const done = await until(() => getJob(job.id), (j) => j.state === 'succeeded');
    expect(done.outputs[0].seed).toBe(3141592653);
    expect(done.note).toContain('the model has no negative prompt field');
    const record = (await (await t.request(`/v1/audit?job=${job.id}`)).json()).records[0];
    expect(record.seed).toBe(3141592653);
    expect(record.note).toContain('fal flux-lora: the model has no negative prompt field');
    expect(JSON.stringify([done, record])).not.toContain(SECRETS.FAL_KEY);
  });

  it('completes by polling when no webhook comes, and keeps to one job at the provider at a time', async () => {
    const a = await createJob('POLL-1');
    const b = await createJob('POLL-2');
    const first = await until(() => getJob(a.id), (j) => j.providerJobId !== null);
    const second = await until(() => getJob(b.id), (j) => j.stage.startsWith('waiting for a fal slot'), 3000);
    expect(second.state).toBe('queued');
    provider.script(first.providerJobId, { state: 'succeeded', outputs: [{ url: `${cdn.url}/a.png` }] });
    expect((await until(() => getJob(a.id), (j) => j.state === 'succeeded')).state).toBe('succeeded');
    const b2 = await until(() => getJob(b.id), (j) => j.providerJobId !== null);
    provider.script(b2.providerJobId, { state: 'running', progress: 0.4 });
    expect((await until(() => getJob(b.id), (j) => j.progress === 0.4)).stage).toBe('at fal: running 40%');
    provider.script(b2.providerJobId, { state: 'succeeded', outputs: [{ url: `${cdn.url}/b.png` }] });
    expect((await until(() => getJob(b.id), (j) => j.state === 'succeeded')).outputs).toHaveLength(1);
  });

  it('refuses to download a result from a loopback port that is not on the allowlist', async () => {
    const job = await createJob('SSRF-1');
    const running = await until(() => getJob(job.id), (j) => j.providerJobId !== null);
    provider.script(running.providerJobId, { state: 'succeeded', outputs: [{ url: `${internal.url}/admin/secrets` }] });
    const failed = await until(() => getJob(job.id), (j) => j.state === 'failed');
    expect(failed.error).toMatchObject({ code: 'host_not_allowed', retryable: false });
    expect(internal.hits()).toBe(0);
  });

  it('never shows a provider key in a response or a log line, even when a provider error quotes it', async () => {
    secretInErrors = true;
    const job = await createJob('KEY-1');
    const failed = await until(() => getJob(job.id), (j) => j.state === 'failed');
    expect(failed.error.message).toContain('[redacted]');
    const bodies: string[] = [JSON.stringify(failed)];
    for (const path of ['/openapi.json', '/v1/providers', '/v1/me', '/v1/jobs', '/v1/audit/events', '/v1/locks/current', '/health', '/v1/nope', `/v1/jobs/${job.id}/events`]) {
      bodies.push(await (await t.request(path)).text());
    }
    bodies.push(await (await webhook('{}', new Headers({ 'content-type': 'application/json' }))).text());
    const everything = [...bodies, ...t.logs].join('\n');
    expect(t.logs.length).toBeGreaterThan(10);
    for (const [name, value] of Object.entries(SECRETS)) expect(everything.includes(value), name).toBe(false);
  });
});
