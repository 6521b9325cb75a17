/**
 * Where an asset stands in human review, derived from its QC verdict, the category's review rule and
 * the decisions people made. The latest decision wins; without one, automation decides the queue:
 * reject goes to regeneration, flag or unchecked to a retoucher, pass to brand review.
 */
import type { QcVerdict } from './qc-outcome';
import type { ReviewDecision } from './review-decision';

export type ReviewStatus = 'flagged' | 'rejected' | 'ready' | 'approved';

/**
 * @example reviewStatus('flag', [], 'on-flag') // 'flagged'
 * @example reviewStatus('flag', [{ decision: 'approve', ... }], 'on-flag') // 'approved'
 */
export function reviewStatus(verdict: QcVerdict, reviews: readonly ReviewDecision[], humanReview: 'always' | 'on-flag'): ReviewStatus {
  const latest = latestDecision(reviews);
  if (latest) return latest.decision === 'approve' ? 'approved' : 'rejected';
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
