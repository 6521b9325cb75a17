// Limits as a client meets them, over real HTTP: a token's open event streams (one designer token
// opened 1,000, each polling the database every second), its job submissions, and the server's open
// jobs, each refused with 429 or 503, Retry-After and the variable that sets the limit. Open streams
// share one watch per job: idle, they cost no queries; a change is read once for all of them.
import { readFileSync } from 'node:fs';
import sharp from 'sharp';
import { createBrandlockClient } from '@brandlock/core/api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../test-support/server/test-server';
import { approveCurrentRecipes } from '../../test-support/server/approve-recipes';

const LOCK = readFileSync(new URL('../../../samples/brand-lock.json', import.meta.url), 'utf8');
const item = (sku: string) => ({ sku, colorway: 'Ink', category: 'jersey', fabric: 'cotton jersey', silhouette: 'tee', swatch: 'ink' });

async function server(env: Record<string, string>): Promise<TestServer> {
  // No workers: jobs stay queued, so streams stay open and the queue only grows.
  const t = await startTestServer({ env: { BRANDLOCK_PROVIDER: 'local', ...env }, workers: false, listen: true });
  await t.request('/v1/locks', { method: 'POST', headers: { 'content-type': 'application/json' }, body: LOCK });
  await approveCurrentRecipes(t.request);
  return t;
}

const createJob = (t: TestServer, sku: string, token?: string, headers: Record<string, string> = {}) =>
  t.request('/v1/jobs', { method: 'POST', token, headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ kind: 'generate', provider: 'local', item: item(sku) }) });

/** Opens an event stream over HTTP and reads until its first `job` event. */
async function openStream(t: TestServer, jobId: string, token: string): Promise<{ status: number; res: Response; events: () => string; close: () => void; ended: Promise<void> }> {
  const abort = new AbortController();
  const res = await fetch(`${t.url}/v1/jobs/${jobId}/events`, { headers: { authorization: `Bearer ${token}` }, signal: abort.signal });
  let text = '';
  let first: () => void = () => undefined;
  const gotFirst = new Promise<void>((r) => (first = r));
  const ended = (async () => {
    if (res.status !== 200 || !res.body) return first();
    try {
      for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
        text += new TextDecoder().decode(chunk);
        if (text.includes('event: job')) first();
      }
    } catch {
      // aborted by the test
    }
    first();
  })();
  await gotFirst;
  return { status: res.status, res, events: () => text, close: () => abort.abort(), ended };
}

describe('event streams', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await server({ BRANDLOCK_MAX_STREAMS_PER_TOKEN: '3' });
  });
  afterAll(() => t.close());

  it('refuses a token more open streams than its limit with 429 and Retry-After; another token, or a closed stream, makes room', async () => {
    const designer = await t.tokenFor('designer');
    const job = await (await createJob(t, 'SSE-1')).json();
    const open = await Promise.all([1, 2, 3].map(() => openStream(t, job.id, designer)));
    expect(open.map((s) => s.status)).toEqual([200, 200, 200]);
    const refused = await fetch(`${t.url}/v1/jobs/${job.id}/events`, { headers: { authorization: `Bearer ${designer}` } });
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(((await refused.json()) as { error: unknown }).error).toMatchObject({ code: "rate_limited", message: expect.stringContaining("BRANDLOCK_MAX_STREAMS_PER_TOKEN") });
    const other = await openStream(t, job.id, await t.tokenFor('designer', 'another designer'));
    expect(other.status).toBe(200);
    open[0].close();
    let again = 0;
    for (let i = 0; i < 50 && again !== 200; i++) {
      await new Promise((r) => setTimeout(r, 100));
      const s = await openStream(t, job.id, designer);
      again = s.status;
      if (again === 200) open.push(s);
    }
    expect(again).toBe(200);
    // The typed client, refused a stream, follows the job by polling instead.
    const api = createBrandlockClient({ baseUrl: t.url, token: designer });
    const watching = api.jobs.watch(job.id, { pollIntervalMs: 100 });
    await new Promise((r) => setTimeout(r, 300));
    // Cancelled by the token that started it: another's cancel is refused (403).
    await createBrandlockClient({ baseUrl: t.url, token: t.adminToken }).jobs.cancel(job.id);
    expect((await watching).state).toBe('canceled');
    for (const s of [...open, other]) s.close();
  });
});

describe('a shared change feed behind the streams', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await server({ BRANDLOCK_MAX_STREAMS_PER_TOKEN: '1000' });
  });
  afterAll(() => t.close());

  it('costs no database queries while 200 streams wait, and one read of the job for all of them when it changes', async () => {
    const job = await (await createJob(t, 'FEED-1')).json();
    const streams = await Promise.all(Array.from({ length: 200 }, () => openStream(t, job.id, t.adminToken)));
    expect(streams.every((s) => s.status === 200)).toBe(true);
    const db = t.server.db;
    const query = db.query.bind(db);
    let queries = 0;
    db.query = ((sql: string, params?: readonly unknown[]) => {
      queries++;
      return query(sql, params);
    }) as typeof db.query;
    try {
      await new Promise((r) => setTimeout(r, 2500));
      expect(queries).toBeLessThanOrEqual(2);
      const before = queries;
      expect((await t.request(`/v1/jobs/${job.id}/cancel`, { method: 'POST' })).status).toBe(202);
      await Promise.all(streams.map((s) => s.ended));
      for (const s of streams) expect(s.events()).toMatch(/event: end\ndata: \{"id":"[^"]+","state":"canceled"\}/);
      // The cancel itself takes a handful of queries; the 200 streams share one read of the job.
      expect(queries - before).toBeLessThan(30);
    } finally {
      db.query = query;
    }
  });
});

describe('submissions', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await server({ BRANDLOCK_SUBMIT_RATE: '1', BRANDLOCK_SUBMIT_BURST: '3', BRANDLOCK_MAX_OPEN_JOBS: '8' });
  });
  afterAll(() => t.close());

  it("limits a person's token with 429 and Retry-After, counts an idempotent retry once, and leaves automation tokens their own rate", async () => {
    const designer = await t.tokenFor('designer');
    for (const i of [1, 2, 3]) expect((await createJob(t, `RATE-${i}`, designer, { 'idempotency-key': `k${i}` })).status).toBe(202);
    // A retry with the same Idempotency-Key gives the same job back and queues nothing.
    expect((await createJob(t, 'RATE-3', designer, { 'idempotency-key': 'k3' })).status).toBe(200);
    const refused = await createJob(t, 'RATE-4', designer);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect((await refused.json()).error).toMatchObject({ code: 'rate_limited', message: expect.stringMatching(/1 jobs a second \(bursts of 3\)/) });
    const service = await t.tokenFor('service');
    expect((await createJob(t, 'AUTO-1', service)).status).toBe(202);
    // A moodboard's cells are jobs too: a board of 6 is more than this designer's burst of 3.
    const board = await t.request('/v1/moodboards', { method: 'POST', token: await t.tokenFor('designer', 'board designer'), headers: { 'content-type': 'application/json' }, body: JSON.stringify({ count: 6, provider: 'local' }) });
    expect(board.status).toBe(429);
    expect((await board.json()).error.code).toBe('batch_too_large');
  });

  it('refuses with 503 and Retry-After when the server holds its limit of open jobs, and a batch larger than the limit with 429', async () => {
    const service = await t.tokenFor('service', 'automation 2');
    const statuses: number[] = [];
    for (const i of [1, 2, 3, 4, 5]) statuses.push((await createJob(t, `FULL-${i}`, service)).status);
    expect(statuses.slice(0, 4)).toEqual([202, 202, 202, 202]);
    const full = await createJob(t, 'FULL-6', service);
    expect(full.status).toBe(503);
    expect(full.headers.get('retry-after')).toBe('10');
    expect((await full.json()).error).toMatchObject({ code: 'queue_full', message: expect.stringContaining('BRANDLOCK_MAX_OPEN_JOBS') });

    // A brief's batch of 9 jobs can never fit a server that holds 8: 429, and no Retry-After.
    const png = await sharp({ create: { width: 40, height: 60, channels: 3, background: '#1f2a44' } }).png().toBuffer();
    const { ref } = await (await t.request('/v1/uploads', { method: 'PUT', headers: { 'content-type': 'image/png' }, body: new Uint8Array(png) })).json();
    const header = 'sku,colorway,category,fabric,silhouette,swatch,views,source_images';
    const rows = Array.from({ length: 9 }, (_, i) => `BIG-${i},Ink,jersey,cotton jersey,tee,ink,front,src.png`);
    const brief = await (await t.request('/v1/briefs', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: 'big', text: [header, ...rows].join('\n') }) })).json();
    const batch = await t.request(`/v1/briefs/${brief.id}/jobs`, { method: 'POST', token: service, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ sources: { 'src.png': ref } }) });
    expect(batch.status).toBe(429);
    expect(batch.headers.get('retry-after')).toBeNull();
    expect((await batch.json()).error.code).toBe('batch_too_large');
  });
});
