/**
 * Where an asset stands in human review, derived from its QC verdict, the category's review rule and
 * the decisions people made in the two human layers. The brand layer (art direction) decides when it
 * has spoken: its latest decision stands whatever the technical layer says. Otherwise the technical
 * layer's latest decision (a retoucher's) does: approve sends the asset on to brand review, reject
 * to regeneration. Without either, automation decides the queue: reject goes to regeneration, flag
 * or unchecked to a retoucher, pass to brand review.
 */
import type { QcVerdict } from './qc-outcome';
import type { ReviewDecision } from './review-decision';

export type ReviewStatus = 'flagged' | 'rejected' | 'ready' | 'approved';

/**
 * @example reviewStatus('flag', [], 'on-flag') // 'flagged'
 * @example reviewStatus('flag', [{ decision: 'approve', layer: 'technical', ... }], 'on-flag') // 'ready'
 * @example reviewStatus('flag', [{ decision: 'approve', layer: 'brand', ... }], 'on-flag') // 'approved'
 */
export function reviewStatus(verdict: QcVerdict, reviews: readonly ReviewDecision[], humanReview: 'always' | 'on-flag'): ReviewStatus {
  const { brand, technical } = reviewLayers(reviews);
  if (brand) return brand.decision === 'approve' ? 'approved' : 'rejected';
  if (technical) return technical.decision === 'approve' ? 'ready' : 'rejected';
  if (verdict === 'reject') return 'rejected';
  if (verdict === 'flag' || verdict === 'unchecked' || humanReview === 'always') return 'flagged';
  return 'ready';
}

/** The most recent decision by time (ISO strings compare in order), or null. */
export function latestDecision(reviews: readonly ReviewDecision[]): ReviewDecision | null {
  let latest: ReviewDecision | null = null;
  for (const r of reviews) if (!latest || r.at >= latest.at) latest = r;
  return latest;
}

/**
 * The latest decision in each human layer.
 * @example reviewLayers(item.reviews).brand?.decision // 'reject'
 */
export function reviewLayers(reviews: readonly ReviewDecision[]): { technical: ReviewDecision | null; brand: ReviewDecision | null } {
  return { technical: latestDecision(reviews.filter((r) => r.layer === 'technical')), brand: latestDecision(reviews.filter((r) => r.layer === 'brand')) };
}
