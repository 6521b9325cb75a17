// A retoucher's fix goes back into the review queue through the API, as the Photoshop panel sends it:
// the fixed pixels become a new asset of the same job and SKU/view with QC measured on them, the old
// asset leaves the queue, and the audit trail says who sent which fix of which asset.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import sharp from 'sharp';
import { createBrandlockClient, type BrandlockClient, type ReviewItem } from '@brandlock/core/api';
import { startTestServer, type TestServer } from '../../test-support/server/test-server';
import { publishSampleForReview } from '../../test-support/server/publish-sample-for-review';

const samples = new URL('../../../samples/', import.meta.url);
let t: TestServer;
let admin: BrandlockClient;
let retoucher: BrandlockClient;
let original: ReviewItem;
let masterBytes: Uint8Array;

beforeAll(async () => {
  t = await startTestServer({ listen: true });
  admin = createBrandlockClient({ baseUrl: t.url, token: t.adminToken });
  retoucher = createBrandlockClient({ baseUrl: t.url, token: await t.tokenFor('retoucher', 'Sam (retouch)') });
  // Jersey goes to a person whatever QC says, so the master is in the queue for the retoucher.
  const briefId = await publishSampleForReview(admin);
  const source = (await retoucher.uploads.put(await readFile(new URL('photos/packshot/solidus-hoodie-red-cutout.png', samples)), 'image/png')).ref;
  const created = await retoucher.jobs.create({ kind: 'generate', brief: briefId, sku: 'NF-JR-3003', sources: [source] }, { idempotencyKey: 'hoodie-revise' });
  const job = await retoucher.jobs.watch(created.id);
  expect(job.state).toBe('succeeded');
  original = (await retoucher.review.list({ sku: 'NF-JR-3003' })).items[0];
  masterBytes = (await retoucher.assets.get(original.ref)).bytes;
}, 240_000);
afterAll(() => t.close());

describe('sending a fix back to the review queue', () => {
  it('stores the fixed pixels as a new asset of the same job and SKU/view, measured afresh, in place of the old one', async () => {
    expect(original).toMatchObject({ status: 'flagged', view: 'front', revisionOf: null, replacedBy: null });
    // The "fix" darkens the garment by a stop: QC must judge these pixels, not copy the old verdict.
    const fixed = new Uint8Array(await sharp(masterBytes).linear(0.5, 0).png().toBuffer());
    const ref = (await retoucher.uploads.put(fixed, 'image/png')).ref;
    const revision = await retoucher.review.revise(original.assetId, { source: ref, note: 'hem straightened' });
    expect(revision).toMatchObject({ jobId: original.jobId, sku: 'NF-JR-3003', colorway: original.colorway, view: 'front', revisionOf: original.assetId, replacedBy: null, ref });
    expect(revision.assetId).not.toBe(original.assetId);
    expect(revision.qc.verdict).toBe('reject');
    expect(revision.qc.findings.some((f) => f.rule === 'exposure')).toBe(true);
    expect(original.qc.findings.some((f) => f.rule === 'exposure' && f.severity !== 'info')).toBe(false);
    expect(revision.status).toBe('rejected');

    const queue = (await retoucher.review.list({ sku: 'NF-JR-3003', status: 'flagged,rejected,ready' })).items.map((i) => i.assetId);
    expect(queue).toEqual([revision.assetId]);
    const events = (await admin.audit.events({ action: 'review.revise' })).events;
    expect(events.map((e) => [e.actor, e.subject, e.detail.from, e.detail.note])).toEqual([['Sam (retouch)', revision.assetId, original.assetId, 'hem straightened']]);
    const records = (await admin.audit.query({ job: original.jobId })).records;
    expect(records.find((r) => r.assetId === revision.assetId)).toMatchObject({ revisionOf: { assetId: original.assetId, by: 'Sam (retouch)', note: 'hem straightened' }, recipeHash: records[0].recipeHash });
  });

  it('refuses a second fix of a replaced asset, and an upload that is not there', async () => {
    const ref = (await retoucher.uploads.put(masterBytes, 'image/png')).ref;
    await expect(retoucher.review.revise(original.assetId, { source: ref })).rejects.toMatchObject({ status: 409, message: expect.stringMatching(/already replaced by revision/) });
    const [current] = (await retoucher.review.list({ sku: 'NF-JR-3003', status: 'flagged,rejected,ready' })).items;
    await expect(retoucher.review.revise(current.assetId, { source: `sha256:${'0'.repeat(64)}` })).rejects.toMatchObject({ status: 404, message: expect.stringMatching(/no upload/) });
    // The unchanged master sent back as the fix of the darkened one is back to the original's verdict.
    const again = await retoucher.review.revise(current.assetId, { source: ref });
    expect(again).toMatchObject({ revisionOf: current.assetId, status: 'flagged', qc: { verdict: original.qc.verdict } });
  });
});
