/**
 * Human-judgement carry-through: what software cannot measure here (anatomy of hands, feet and
 * shoulders, drape, jewellery) is never silently passed. A category marked "always" sends every
 * image to a retoucher; flags a provider or a person attached become findings of their severity.
 */
import type { Finding } from '../finding';
import type { QcContext } from '../qc-context';

/**
 * @example checkHumanReview(ctx) // [{ rule: 'human-review', severity: 'flag', ... }] for fine knitwear
 */
export function checkHumanReview(ctx: QcContext): Finding[] {
  const out: Finding[] = [];
  if (ctx.thresholds.humanReview === 'always') {
    out.push({
      rule: 'human-review',
      check: 'category',
      severity: 'flag',
      message: `category "${ctx.category.name}" requires a person to check every image (anatomy, drape, texture, embellishment)`,
      measured: 'always',
      unit: '',
      limits: null,
    });
  }
  for (const flag of ctx.flags) {
    out.push({
      rule: 'human-review',
      check: flag.source === 'provider' ? 'provider-flag' : 'person-flag',
      severity: flag.severity,
      message: `${flag.source === 'provider' ? 'provider' : 'reviewer'} ${flag.by}: ${flag.reason}`,
      measured: flag.reason,
      unit: '',
      limits: null,
    });
  }
  return out;
}
