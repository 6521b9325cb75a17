/**
 * The verdict of a set of findings: reject if any finding rejects (regenerate), else flag if any
 * flags (a retoucher pass), else pass (on to brand review). Info findings never change a verdict.
 */
import { z } from 'zod';
import { SEVERITY_RANK, type Finding } from './finding';

export const Verdict = z.enum(['pass', 'flag', 'reject']);
export type Verdict = z.infer<typeof Verdict>;

/**
 * @example verdictOf([{ severity: 'flag', ... }, { severity: 'pass', ... }]) // 'flag'
 */
export function verdictOf(findings: readonly Pick<Finding, 'severity'>[]): Verdict {
  let worst = 0;
  for (const f of findings) worst = Math.max(worst, SEVERITY_RANK[f.severity]);
  return worst === SEVERITY_RANK.reject ? 'reject' : worst === SEVERITY_RANK.flag ? 'flag' : 'pass';
}

/**
 * Findings that decide the verdict (flag and reject), worst first.
 * @example failingFindings(result.findings).map((f) => f.check) // ['delta-e', 'blur']
 */
export function failingFindings<T extends Pick<Finding, 'severity'>>(findings: readonly T[]): T[] {
  return findings.filter((f) => f.severity === 'flag' || f.severity === 'reject').sort((a, b) => SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity]);
}
