// The review queue against the real server: a generated master QC did not pass is in the queue with
// QC's reasons; the retoucher opens it in Photoshop (the document knows its SKU and which asset it
// is), and approves it with a reason, which the server records in the retoucher's technical layer.
import sharp from 'sharp';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startPluginTestServer, type PluginTestServer } from '../../../test/support/brandlock-test-server';
import { fakeEnvironment } from '../../../test/support/fake-env';
import { openBrandlockSession } from '../../server/open-session';
import { readBrandlockXmp } from '../../xmp/brandlock-xmp';
import { identifyDocument } from '../document-identity/document-identity';
import { openReviewItem } from './open-review-item';

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
