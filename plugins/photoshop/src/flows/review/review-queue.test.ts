// The review queue against the real server: a generated master QC did not pass is in the queue with
// QC's reasons; the retoucher opens it in Photoshop (the document knows its SKU and which asset it
// is), and approves it with a reason, which the server records in the retoucher's technical layer.
// A fix made in Photoshop goes back as a revision of the asset: the document's pixels, QC'd afresh,
// in the old asset's place in the queue.
import sharp from 'sharp';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startPluginTestServer, type PluginTestServer } from '../../../test/support/brandlock-test-server';
import { fakeEnvironment } from '../../../test/support/fake-env';
import { openBrandlockSession } from '../../server/open-session';
import { readBrandlockXmp } from '../../xmp/brandlock-xmp';
import { identifyDocument } from '../document-identity/document-identity';
import { openReviewItem } from './open-review-item';
import { sendFixToReview } from './send-fix-to-review';

let s: PluginTestServer;
beforeAll(async () => {
  s = await startPluginTestServer();
});
afterAll(async () => s?.close());

it('lists a master QC did not pass, opens it as its SKU, and records the approval in the technical layer', async () => {
  const session = await openBrandlockSession(s.url, s.retoucherToken);
  const source = new Uint8Array(await sharp({ create: { width: 64, height: 96, channels: 3, background: '#7a7a7a' } }).png().toBuffer());
  const job = await session.startGenerate({ briefId: s.briefId, sku: 'NF-WV-1002', view: 'front', source: { bytes: source, contentType: 'image/png' } });
  await session.followJob(job.id, () => {}, new AbortController().signal);
  const queue = await session.reviewQueue();
  const item = queue.find((i) => i.jobId === job.id)!;
  expect(item).toMatchObject({ sku: 'NF-WV-1002', view: 'front' });
  expect(['flagged', 'rejected']).toContain(item.status);
  expect(item.reasons.length).toBeGreaterThan(0);

  const env = fakeEnvironment();
  const doc = await openReviewItem(env.ps, env.fs, session, item);
  expect(doc.title).toMatch(/^NF-WV-1002_Terracotta_front_review-\w+\.(png|jpg)$/);
  const xmp = readBrandlockXmp(env.ps.doc(doc.id).xmp);
  expect(xmp).toMatchObject({ reviewAssetId: item.assetId, sku: 'NF-WV-1002' });
  expect(identifyDocument({ title: doc.title, xmp }, session.lock, await session.currentBrief())).toMatchObject({ sku: 'NF-WV-1002', category: 'wovens', from: 'xmp' });

  const after = await session.decideReview(item.assetId, 'approve', 'hem re-shaped; colour within tolerance after the retouch');
  expect(after.decisions.at(-1)).toMatchObject({ decision: 'approve', layer: 'technical', reviewer: 'Dana Retoucher' });
  await expect(session.decideReview(item.assetId, 'reject', '')).rejects.toMatchObject({ code: 'server-error' });
});

it("sends the retoucher's fix back to the queue as a revision of the asset, with the document's pixels, in the old one's place", async () => {
  const session = await openBrandlockSession(s.url, s.retoucherToken);
  const source = new Uint8Array(await sharp({ create: { width: 64, height: 96, channels: 3, background: '#7a7a7a' } }).png().toBuffer());
  const job = await session.startGenerate({ briefId: s.briefId, sku: 'NF-WV-1002', view: 'back', source: { bytes: source, contentType: 'image/png' } });
  await session.followJob(job.id, () => {}, new AbortController().signal);
  const item = (await session.reviewQueue()).find((i) => i.jobId === job.id)!;
  const env = fakeEnvironment();
  const doc = await openReviewItem(env.ps, env.fs, session, item);
  // The retouch: a patch painted into the master's top-left corner.
  const painted = env.ps.doc(doc.id).layers.at(-1)!.pixels!;
  for (let y = 0; y < 16; y++) for (let x = 0; x < 16; x++) painted.data.set(painted.depth === 16 ? [32768, 0, 0, 32768] : [255, 0, 0, 255], (y * painted.width + x) * 4);

  const revision = await sendFixToReview(env.ps, env.fs, session, 'corner retouched');
  expect(revision).toMatchObject({ jobId: job.id, sku: 'NF-WV-1002', view: 'back', revisionOf: item.assetId });
  expect(revision.assetId).not.toBe(item.assetId);
  const sent = await sharp((await session.assetBytes(revision.ref)).bytes).raw().toBuffer({ resolveWithObject: true });
  expect([sent.info.width, sent.info.height]).toEqual([item.width, item.height]);
  expect(Array.from(sent.data.subarray(0, 3))).toEqual([255, 0, 0]);
  const queue = (await session.reviewQueue(['flagged', 'rejected', 'ready'])).map((i) => i.assetId);
  expect(queue).toContain(revision.assetId);
  expect(queue).not.toContain(item.assetId);
  expect(readBrandlockXmp(env.ps.doc(doc.id).xmp)).toMatchObject({ reviewAssetId: revision.assetId, sku: 'NF-WV-1002' });
  // The retoucher's document is as it was: one open document, nothing flattened.
  expect(env.ps.docs.map((d) => d.id)).toEqual([doc.id]);

  const other = env.ps.addDocument({ title: 'NF-WV-1002 notes.psd', pixels: painted });
  await env.ps.executeAsModal('Switch documents', () => env.ps.activateDocument(other.id));
  await expect(sendFixToReview(env.ps, env.fs, session, '')).rejects.toMatchObject({ code: 'bad-input', message: expect.stringMatching(/was not opened from the review queue/) });
});
