/**
 * One colour from several measurements of the same thing (a colourway in several approved photos, a
 * backdrop in several references): the component-wise median, and the spread as each measurement's
 * ΔE00 from it, so a person sees whether the references agree before the number enters a lock.
 */
import type { Lab } from '../color/lab';
import { deltaE2000 } from '../color/delta-e-2000';

export interface CombinedLab {
  lab: Lab;
  /** ΔE00 of each input from the combined colour, in input order. */
  deltaE: number[];
  /** The largest of them. */
  spread: number;
}

/** The median of numbers (mean of the middle two for an even count). @example medianOf([3, 1, 2]) // 2 */
export function medianNumber(values: readonly number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/**
 * @example combineLabs([{ l: 50, a: 0, b: 0 }, { l: 52, a: 1, b: 0 }, { l: 51, a: 0, b: 1 }]).lab // { l: 51, a: 0, b: 0 }
 */
export function combineLabs(labs: readonly Lab[]): CombinedLab {
  if (!labs.length) throw new RangeError('combineLabs needs at least one colour');
  const lab = { l: medianNumber(labs.map((x) => x.l)), a: medianNumber(labs.map((x) => x.a)), b: medianNumber(labs.map((x) => x.b)) };
  const deltaE = labs.map((x) => deltaE2000(x, lab));
  return { lab, deltaE, spread: Math.max(...deltaE) };
}
