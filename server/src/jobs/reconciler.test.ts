// Repairs: a job whose queued step was lost gets a new one; a step that keeps failing inside the
// server ends in the dead-letter queue and its job fails with a clear error instead of hanging.
import { afterEach, describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { startTestServer, type TestServer } from '../../test-support/server/test-server';
import { folderBlobStore } from '../assets/folder-blob-store';
import { queueOf } from './step-queue';

const lock = () => readFile(new URL('../../../samples/brand-lock.json', import.meta.url), 'utf8');
let t: TestServer | null = null;
afterEach(async () => {
  await t?.close();
  t = null;
});

async function moodboardJob(server: TestServer): Promise<{ id: string }> {
  expect((await server.request('/v1/locks', { method: 'POST', headers: { 'content-type': 'application/json' }, body: await lock() })).status).toBe(201);
  return (await server.request('/v1/jobs', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ kind: 'moodboard', moodboard: { count: 6 } }) })).json();
}

describe('reconciler', () => {
  it('queues a new step for an open job whose step was lost', async () => {
    t = await startTestServer({ workers: false });
    const job = await moodboardJob(t);
    const [row] = await t.server.db.query<{ step_id: string }>('SELECT step_id FROM jobs WHERE id = $1', [job.id]);
    expect(await t.server.queue.isPending('local', row.step_id)).toBe(true);
    expect(await t.server.reconciler.reconcile()).toEqual([]);

    await t.server.queue.boss.cancel(queueOf('local'), row.step_id);
    await t.server.db.query("UPDATE jobs SET next_step_at = now() - interval '1 hour' WHERE id = $1", [job.id]);
    expect(await t.server.reconciler.reconcile()).toEqual([job.id]);
    const [after] = await t.server.db.query<{ step_id: string }>('SELECT step_id FROM jobs WHERE id = $1', [job.id]);
    expect(after.step_id).not.toBe(row.step_id);
    expect(await t.server.queue.isPending('local', after.step_id)).toBe(true);
  });

  it('finds a lost step behind a backlog of more than 500 jobs that are waiting their turn', async () => {
    t = await startTestServer({ workers: false });
    await moodboardJob(t);
    const create = () => t!.request('/v1/jobs', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ kind: 'moodboard', moodboard: { count: 6 } }) });
    for (let i = 0; i < 520; i += 20) expect((await Promise.all(Array.from({ length: 20 }, create))).every((r) => r.status === 202)).toBe(true);
    const lost: { id: string } = await (await create()).json();
    const [row] = await t.server.db.query<{ step_id: string }>('SELECT step_id FROM jobs WHERE id = $1', [lost.id]);
    await t.server.queue.boss.cancel(queueOf('local'), row.step_id);
    // Every job has waited an hour: the backlog's steps are still queued, the last job's is gone.
    await t.server.db.query("UPDATE jobs SET next_step_at = now() - interval '1 hour'");
    expect(await t.server.reconciler.reconcile()).toEqual([lost.id]);
    expect(await t.server.reconciler.reconcile()).toEqual([]);
  }, 120_000);
});

describe('dead-letter queue', () => {
  it('fails the job with an internal error when its step keeps throwing', async () => {
    const real = folderBlobStore(`/tmp/brandlock-dead-letter-${process.pid}`);
    t = await startTestServer({
      env: { BRANDLOCK_STEP_RETRIES: '0' },
      blobs: { ...real, put: async () => Promise.reject(new Error('ENOSPC: no space left on device')) },
    });
    const job = await moodboardJob(t);
    let state = '';
    let body: { state: string; error: { code: string; message: string } | null } = { state: '', error: null };
    for (const end = Date.now() + 20_000; Date.now() < end && state !== 'failed'; ) {
      await new Promise((r) => setTimeout(r, 100));
      body = await (await t.request(`/v1/jobs/${job.id}`)).json();
      state = body.state;
    }
    expect(body).toMatchObject({ state: 'failed', error: { code: 'internal_error' } });
    expect(t.logs.some((l) => l.includes('ENOSPC'))).toBe(true);
    expect(JSON.stringify(body)).not.toContain('ENOSPC');
  });
});
