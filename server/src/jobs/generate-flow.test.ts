import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import sharp from 'sharp';
import { createBrandlockClient, isBrandlockValidationError, type BrandlockClient } from '@brandlock/core/api';
import { startTestServer, type TestServer } from '../../test-support/server/test-server';
import { publishSampleForReview } from '../../test-support/server/publish-sample-for-review';

const samples = new URL('../../../samples/', import.meta.url);
let t: TestServer;
let admin: BrandlockClient;
let director: BrandlockClient;
let retoucher: BrandlockClient;
let briefId = '';
let hoodieRef = '';

beforeAll(async () => {
  t = await startTestServer({ listen: true });
  admin = createBrandlockClient({ baseUrl: t.url, token: t.adminToken });
  director = createBrandlockClient({ baseUrl: t.url, token: await t.tokenFor('art-director', 'Ines (AD)') });
  retoucher = createBrandlockClient({ baseUrl: t.url, token: await t.tokenFor('retoucher', 'Sam (retouch)') });
  // Jersey goes to a person whatever QC says, so the review layers below have an item to decide on.
  briefId = await publishSampleForReview(admin, director);
  hoodieRef = (await retoucher.uploads.put(await readFile(new URL('photos/packshot/solidus-hoodie-red-cutout.png', samples)), 'image/png')).ref;
});
afterAll(() => t.close());

describe('a generate job on the local provider, end to end through the API', () => {
  it('plans the brief on upload and lists its SKUs as planned', async () => {
    const skus = await director.briefs.skus(briefId);
    expect(skus.skus).toHaveLength(24);
    expect(skus.skus.every((s) => s.status === 'planned')).toBe(true);
  });

  it('makes a master at the recipe size on the lighting preset background, says it is not generative, and records how', async () => {
    const updates: string[] = [];
    const created = await retoucher.jobs.create({ kind: 'generate', brief: briefId, sku: 'NF-JR-3003', sources: [hoodieRef] }, { idempotencyKey: 'hoodie-1' });
    expect(created.state).toBe('queued');
    expect(created.recipe.lightingPreset).toBe('studio-warm');
    const job = await retoucher.jobs.watch(created.id, { onUpdate: (j) => updates.push(j.state) });
    expect(job.state).toBe('succeeded');
    expect(updates.at(-1)).toBe('succeeded');
    expect(job.outputs).toHaveLength(1);
    const out = job.outputs[0];
    expect([out.width, out.height]).toEqual([job.recipe.width, job.recipe.height]);
    expect(out.note).toMatch(/no generative model ran/);
    expect(out.reviewStatus).toBe('flagged');

    const { bytes, contentType } = await retoucher.assets.get(out.ref);
    expect(contentType).toBe('image/png');
    const { data, info } = await sharp(bytes).raw().toBuffer({ resolveWithObject: true });
    expect([info.width, info.height]).toEqual([job.recipe.width, job.recipe.height]);
    expect(Array.from(data.subarray(0, 3))).toEqual([0xf4, 0xf1, 0xec]);

    const audit = await director.audit.query({ job: job.id });
    expect(audit.records).toHaveLength(1);
    const record = audit.records[0];
    expect(record).toMatchObject({ sha256: out.sha256, sku: 'NF-JR-3003', provider: 'local', lightingPreset: 'studio-warm', lock: { brand: 'northfold' }, recipeHash: job.recipeHash, seed: job.recipe.seed, requestedBy: 'Sam (retouch)' });
    // Automated QC measured the master against the category and the SKU's swatch (Poppy).
    // The local provider keeps the hoodie's own red, which is the Poppy swatch: the colour passes, and
    // the flag is the category's rule that a person sees every image.
    expect(record.qc.verdict).toBe('flag');
    expect(record.qc.measurements.deltaE00).toBeLessThan(1);
    expect(typeof record.qc.measurements.deltaE00).toBe('number');
    expect(record.qc.thresholds).toMatchObject({ maxDeltaE00: 3 });
    // Post-production ran on the provider's output, and the raw output is kept.
    expect(record.post!.rawSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(record.post!.rawSha256).not.toBe(record.sha256);
    expect(record.post!.steps.map((p) => p.step)).toEqual(['lut', 'white-balance', 'exposure', 'background']);
    expect(record.post!.steps[0]).toMatchObject({ applied: true, detail: 'graded with warm-studio' });
    expect(record.sources).toEqual([hoodieRef.slice(7)]);
  });

  it('returns the same job for a retried Idempotency-Key, and refuses the key with another body', async () => {
    const first = await retoucher.jobs.create({ kind: 'generate', brief: briefId, sku: 'NF-JR-3003', sources: [hoodieRef] }, { idempotencyKey: 'hoodie-1' });
    const list = await retoucher.jobs.list({ sku: 'NF-JR-3003' });
    expect(list.jobs.map((j) => j.id)).toEqual([first.id]);
    await expect(retoucher.jobs.create({ kind: 'generate', brief: briefId, sku: 'NF-JR-3003', sources: [hoodieRef], count: 2 }, { idempotencyKey: 'hoodie-1' })).rejects.toMatchObject({ status: 409, code: 'conflict' });
  });

  it('refuses locked parameters by name and unknown SKUs with the field named', async () => {
    const res = await t.request('/v1/jobs', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ kind: 'generate', brief: briefId, sku: 'NF-JR-3003', steps: 60, prompt: 'a cat' }) });
    expect(res.status).toBe(422);
    const body = await res.json();
    expect(body.error.code).toBe('locked_parameter');
    expect(body.error.issues.map((i: { path: string }) => i.path)).toEqual(['prompt', 'steps']);
    const err = await retoucher.jobs.create({ kind: 'generate', brief: briefId, sku: 'NOPE-1' }).catch((e) => e);
    expect(err.status).toBe(404);
    expect(err.issues[0]).toMatchObject({ path: 'sku', found: 'NOPE-1' });
    const video = await retoucher.jobs.create({ kind: 'video', brief: briefId, sku: 'NF-JR-3003' }).catch((e) => e);
    expect(isBrandlockValidationError(video)).toBe(true);
    expect(video.issues[0]).toMatchObject({ path: 'view', message: "no video is planned for this view; add it to the row's video_views column" });
  });

  it('puts the master of an always-reviewed category in the review queue though QC passed it; the technical layer sends it to brand review, the brand layer decides, audited, and metrics count it', async () => {
    const queue = await retoucher.review.list();
    const item = queue.items.find((i) => i.sku === 'NF-JR-3003')!;
    expect(item.status).toBe('flagged');
    expect(item.layers).toEqual({ technical: null, brand: null });
    await expect(retoucher.review.decide(item.assetId, { decision: 'reject' })).rejects.toMatchObject({ status: 400 });
    // A retoucher decides in the technical layer only.
    await expect(retoucher.review.decide(item.assetId, { decision: 'approve', layer: 'brand', reason: 'fine' })).rejects.toMatchObject({ status: 403, message: expect.stringMatching(/brand layer is for art directors and admins/) });
    const technical = await retoucher.review.decide(item.assetId, { decision: 'approve', reason: 'drape and hem fine at 100%' });
    expect(technical.status).toBe('ready');
    expect(technical.reviews).toMatchObject([{ decision: 'approve', layer: 'technical', reviewer: 'Sam (retouch)', role: 'retoucher' }]);
    expect(technical.layers).toMatchObject({ technical: { decision: 'approve', reviewer: 'Sam (retouch)' }, brand: null });

    const rejected = await director.review.decide(item.assetId, { decision: 'reject', reason: 'not our Poppy red' });
    expect(rejected.status).toBe('rejected');
    expect(rejected.layers).toMatchObject({ technical: { decision: 'approve' }, brand: { decision: 'reject', layer: 'brand', reviewer: 'Ines (AD)', reason: 'not our Poppy red' } });
    // The brand rejection stands: a later technical approval cannot overturn it.
    await expect(retoucher.review.decide(item.assetId, { decision: 'approve', reason: 'looks fine to me' })).rejects.toMatchObject({ status: 409, message: expect.stringMatching(/brand layer has decided this asset \(rejected by Ines \(AD\)/) });
    expect((await retoucher.review.list({ status: 'rejected' })).items.find((i) => i.assetId === item.assetId)?.status).toBe('rejected');

    const approved = await director.review.decide(item.assetId, { decision: 'approve', reason: 'red checked against the swatch under D65' });
    expect(approved.status).toBe('approved');
    expect(approved.reviews.map((r) => `${r.layer} ${r.decision}`)).toEqual(['technical approve', 'brand reject', 'brand approve']);
    const events = await director.audit.events({ action: 'review.decide' });
    expect(events.events.slice(-3).map((e) => [e.actor, e.detail.layer, e.detail.decision, e.detail.status])).toEqual([
      ['Sam (retouch)', 'technical', 'approve', 'ready'],
      ['Ines (AD)', 'brand', 'reject', 'rejected'],
      ['Ines (AD)', 'brand', 'approve', 'approved'],
    ]);
    const record = (await director.audit.query({ sku: 'NF-JR-3003' })).records[0];
    expect(record.reviews.map((r) => r.layer)).toEqual(['technical', 'brand', 'brand']);
    const skus = await director.briefs.skus(briefId);
    const hoodie = skus.skus.find((s) => s.sku === 'NF-JR-3003')!;
    expect(hoodie.views.find((v) => v.view === 'front')!.status).toBe('approved');
    expect(hoodie.status).toBe('planned');
    const metrics = await director.audit.metrics();
    // Approved in the brand layer, but not at the first pass: art direction rejected it on the way.
    expect(metrics).toMatchObject({ assets: 1, reviewed: 1, approved: 1, firstPassApprovalRate: 0, truncated: false });
    expect(metrics.timeToApproval.withinSla).toBe(1);
    expect(metrics.costPerApproved).toEqual([{ provider: 'local', costUsd: 0, assetsWithoutCost: 0, approved: 1, costPerApprovedUsd: 0 }]);
  });

  it('renders channel variants of a master at each spec size and format', async () => {
    const lock = await admin.locks.get();
    const master = (await retoucher.audit.query({ sku: 'NF-JR-3003' })).records[0];
    const job = await retoucher.jobs.watch((await retoucher.jobs.create({ kind: 'variants', category: 'jersey', sources: [`sha256:${master.sha256}`], channels: ['ig-square', 'marketplace', 'pdp-webp'] })).id);
    expect(job.state).toBe('succeeded');
    expect(job.outputs.map((o) => o.channel)).toEqual(['ig-square', 'marketplace', 'pdp-webp']);
    for (const out of job.outputs) {
      const spec = lock.lock.channels.find((c) => c.id === out.channel)!;
      const meta = await sharp((await retoucher.assets.get(out.ref)).bytes).metadata();
      expect([meta.width, meta.height, meta.format]).toEqual([spec.width, spec.height, spec.format]);
      if (spec.maxBytes) expect(out.bytes).toBeLessThanOrEqual(spec.maxBytes);
    }
  });

  it('makes a moodboard job of labelled cell studies (lighting x model x pose), followed by polling', async () => {
    const created = await director.jobs.create({ kind: 'moodboard', moodboard: { count: 6, environment: 'sunlit loft', lightingPresets: ['studio-warm', 'editorial-cool'] } });
    const job = await director.jobs.watch(created.id, { poll: true, pollIntervalMs: 100 });
    expect(job.state).toBe('succeeded');
    expect(job.outputs).toHaveLength(6);
    expect(job.outputs.filter((o) => /: cell \d+: studio-warm x /.test(o.note ?? ''))).toHaveLength(3);
    expect(job.outputs.filter((o) => /: cell \d+: editorial-cool x /.test(o.note ?? ''))).toHaveLength(3);
    expect(job.outputs.every((o) => /not a photograph/.test(o.note ?? '') && o.reviewStatus === 'ready')).toBe(true);
    const bad = await director.jobs.create({ kind: 'moodboard', moodboard: { count: 6, lightingPresets: ['disco'] } }).catch((e) => e);
    expect(bad.issues[0]).toMatchObject({ path: 'moodboard.lightingPresets', found: 'disco' });
  });

  it("queues a brief's plan once, skipping SKUs whose source images were not uploaded", async () => {
    const sources = { 'photos/packshot/solidus-hoodie-red-cutout.png': hoodieRef };
    const first = await director.briefs.queueJobs(briefId, { skus: ['NF-JR-3003', 'NF-WV-1001'], sources });
    // The brief asks for front and back of NF-JR-3003; front already has a job from the test above.
    expect(first.queued.filter((q) => q.created).map((q) => `${q.sku}/${q.view}`)).toEqual(['NF-JR-3003/back']);
    expect(first.queued.find((q) => q.view === 'front')?.created).toBe(false);
    expect(first.skipped.map((s) => s.sku)).toEqual(expect.arrayContaining(['NF-WV-1001']));
    expect(first.skipped[0].reason).toMatch(/was not uploaded/);
    for (const q of first.queued) expect((await director.jobs.watch(q.jobId)).state).toBe('succeeded');
    const again = await director.briefs.queueJobs(briefId, { skus: ['NF-JR-3003'], sources });
    expect(again.queued.every((q) => !q.created)).toBe(true);
  });
});

describe('cancel', () => {
  it('cancels a queued job at once and takes its step out of the queue (no worker fetches it for nothing)', async () => {
    const idle = await startTestServer({ workers: false });
    try {
      const res = await idle.request('/v1/locks', { method: 'POST', headers: { 'content-type': 'application/json' }, body: await readFile(new URL('brand-lock.json', samples), 'utf8') });
      expect(res.status).toBe(201);
      const job = await (await idle.request('/v1/jobs', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ kind: 'moodboard', moodboard: { count: 6 } }) })).json();
      const canceled = await (await idle.request(`/v1/jobs/${job.id}/cancel`, { method: 'POST' })).json();
      expect(canceled).toMatchObject({ state: 'canceled', cancelRequested: true });
      const [row] = await idle.server.db.query<{ step_id: string }>('SELECT step_id FROM jobs WHERE id = $1', [job.id]);
      expect(await idle.server.queue.isPending('local', row.step_id)).toBe(false);
    } finally {
      await idle.close();
    }
  });

  it("lets the person who started a job or board cancel it, and an art director or admin, but not another designer or retoucher", async () => {
    const idle = await startTestServer({ workers: false });
    try {
      expect((await idle.request('/v1/locks', { method: 'POST', headers: { 'content-type': 'application/json' }, body: await readFile(new URL('brand-lock.json', samples), 'utf8') })).status).toBe(201);
      const [ines, noor, sam, dana] = [await idle.tokenFor('art-director', 'Ines (AD)'), await idle.tokenFor('designer', 'Noor (design)'), await idle.tokenFor('retoucher', 'Sam (retouch)'), await idle.tokenFor('designer', 'Dana (design)')];
      const post = (path: string, token: string, body?: unknown) => idle.request(path, { method: 'POST', token, ...(body ? { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) } : {}) });
      const job = await (await post('/v1/jobs', noor, { kind: 'moodboard', moodboard: { count: 6 } })).json();
      // Before, any token could stop anyone's paid run: Sam's and Dana's cancels were 202.
      for (const other of [sam, dana]) {
        const refused = await post(`/v1/jobs/${job.id}/cancel`, other);
        expect(refused.status).toBe(403);
        expect((await refused.json()).error.message).toBe(`job ${job.id} was started by Noor (design); only they, an art director or an admin can cancel it`);
      }
      expect((await (await idle.request(`/v1/jobs/${job.id}`, { token: noor })).json()).cancelRequested).toBe(false);
      expect((await post(`/v1/jobs/${job.id}/cancel`, noor)).status).toBe(202);
      const second = await (await post('/v1/jobs', noor, { kind: 'moodboard', moodboard: { count: 6 } })).json();
      expect((await post(`/v1/jobs/${second.id}/cancel`, ines)).status).toBe(202);

      const created = await post('/v1/moodboards', noor, { count: 6, environment: 'dunes' });
      const board = await created.json();
      expect(created.status, JSON.stringify(board)).toBe(202);
      const refused = await post(`/v1/moodboards/${board.id}/cancel`, dana);
      expect(refused.status).toBe(403);
      expect((await refused.json()).error.message).toBe(`moodboard ${board.id} was started by Noor (design); only they, an art director or an admin can cancel it`);
      const cells = await idle.server.db.query<{ cancel_requested: boolean }>('SELECT cancel_requested FROM jobs WHERE id = ANY($1)', [board.cells.map((c: { jobId: string }) => c.jobId)]);
      expect(cells.every((c) => !c.cancel_requested)).toBe(true);
      expect((await post(`/v1/moodboards/${board.id}/cancel`, noor)).status).toBe(202);
    } finally {
      await idle.close();
    }
  });
});
