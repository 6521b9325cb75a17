// Job submissions that arrive together share one commit (group commit), and every request is still
// judged on its own: good ones are queued with their step and audit event, a bad one gets its own 422,
// and two requests with one Idempotency-Key get one job between them (202, then 200 with the same job).
import { readFile } from 'node:fs/promises';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../test-support/server/test-server';
import { approveCurrentRecipes } from '../../test-support/server/approve-recipes';

let t: TestServer;
let source: string;
const item = (sku: string, category = 'jersey') => ({ sku, colorway: 'Ink', category, fabric: 'cotton jersey', silhouette: 'tee', swatch: 'ink' });
const submit = (body: Record<string, unknown>, key?: string) =>
  t.request('/v1/jobs', { method: 'POST', headers: { 'content-type': 'application/json', ...(key ? { 'idempotency-key': key } : {}) }, body: JSON.stringify({ kind: 'generate', sources: [source], ...body }) });

beforeAll(async () => {
  t = await startTestServer({ workers: false });
  const lock = JSON.parse(await readFile(new URL('../../../samples/brand-lock.json', import.meta.url), 'utf8'));
  expect((await t.request('/v1/locks', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(lock) })).status).toBe(201);
  await approveCurrentRecipes(t.request);
  const png = await sharp({ create: { width: 64, height: 96, channels: 3, background: '#f4f1ea' } }).png().toBuffer();
  source = (await (await t.request('/v1/uploads', { method: 'PUT', headers: { 'content-type': 'image/png' }, body: png })).json()).ref;
}, 120_000);
afterAll(() => t?.close());

describe('POST /v1/jobs, many at once', () => {
  it('answers each request on its own, writes each good job with its step and audit event, and shares commits', async () => {
    const responses = await Promise.all([
      ...['NF-C-1', 'NF-C-2', 'NF-C-3', 'NF-C-4', 'NF-C-5'].map((sku) => submit({ item: item(sku) })),
      submit({ item: item('NF-C-6', 'no-such-category') }),
      submit({ item: item('NF-C-7') }, 'same-key'),
      submit({ item: item('NF-C-7') }, 'same-key'),
    ]);
    const bodies = await Promise.all(responses.map((r) => r.json()));
    expect(responses.slice(0, 5).map((r) => r.status)).toEqual([202, 202, 202, 202, 202]);
    expect(bodies.slice(0, 5).map((b) => b.sku)).toEqual(['NF-C-1', 'NF-C-2', 'NF-C-3', 'NF-C-4', 'NF-C-5']);
    expect(responses[5].status).toBe(422);
    expect(bodies[5].error.issues).toEqual([expect.objectContaining({ path: 'item.category', code: 'not_in_lock', found: '"no-such-category"' })]);
    expect(responses.slice(6).map((r) => r.status).sort()).toEqual([200, 202]);
    expect(bodies[6].id).toBe(bodies[7].id);

    const created = [...bodies.slice(0, 5), bodies[6]];
    for (const job of created) expect((await (await t.request(`/v1/jobs/${job.id}`)).json())).toMatchObject({ id: job.id, state: 'queued', sku: job.sku });
    const rows = await t.server.db.query<{ id: string; step_id: string | null; at: string }>('SELECT id, step_id, created_at::text AS at FROM jobs');
    expect(rows.map((r) => r.id).sort()).toEqual(created.map((j) => j.id).sort());
    for (const r of rows) expect(await t.server.queue.isPending('local', r.step_id!)).toBe(true);
    const audited = await t.server.db.query<{ subject: string }>("SELECT subject FROM audit_events WHERE action = 'job.create'");
    expect(audited.map((a) => a.subject).sort()).toEqual(created.map((j) => j.id).sort());
    // Jobs written in one transaction share its start time (to the microsecond): fewer commits than jobs.
    expect(new Set(rows.map((r) => r.at)).size).toBeLessThan(rows.length);
  });
});
