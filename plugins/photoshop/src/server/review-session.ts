/**
 * The review queue part of a panel session: the flagged and rejected assets with QC's reasons and the
 * decisions already made, a decision sent without a layer, so the server records it in the layer
 * the token's role decides in, and a retoucher's fix uploaded as a revision of the asset.
 */
import type { BrandlockClient, ReviewItem } from '@brandlock/core/api';
import type { ReviewEntry } from '../ports/brandlock-server';

type Guard = <T>(what: string, run: () => Promise<T>) => Promise<T>;

function entry(item: ReviewItem): ReviewEntry {
  return {
    assetId: item.assetId, ref: item.ref, jobId: item.jobId, sku: item.sku, colorway: item.colorway, category: item.category, view: item.view,
    width: item.width, height: item.height, status: item.status, verdict: item.qc.verdict,
    reasons: item.qc.findings.filter((f) => f.severity !== 'pass' && f.severity !== 'info').map((f) => ({ severity: f.severity, message: f.message })),
    decisions: item.reviews.map((r) => ({ decision: r.decision, layer: r.layer, reviewer: r.reviewer, reason: r.reason, at: r.at })),
    revisionOf: item.revisionOf,
    createdAt: item.createdAt,
  };
}

export function reviewSession(api: BrandlockClient, guard: Guard) {
  return {
    async reviewQueue(statuses: ReviewEntry['status'][] = ['flagged', 'rejected']): Promise<ReviewEntry[]> {
      const { items } = await guard('send the review queue', () => api.review.list({ status: statuses.join(','), limit: 100 }));
      return items.map(entry);
    },
    async decideReview(assetId: string, decision: 'approve' | 'reject', reason: string): Promise<ReviewEntry> {
      return entry(await guard(`record your ${decision === 'approve' ? 'approval' : 'rejection'}`, () => api.review.decide(assetId, { decision, reason })));
    },
    async reviseReview(assetId: string, fixed: { bytes: Uint8Array; contentType: string }, note: string): Promise<ReviewEntry> {
      const upload = await guard('store the fixed master', () => api.uploads.put(fixed.bytes, fixed.contentType));
      return entry(await guard('send the fix back to the review queue', () => api.review.revise(assetId, { source: upload.ref, note })));
    },
  };
}
