/** Shared helpers of the frame-level rules: limits with the "twice the flag limit rejects" convention, and medians. */
import { gradeValue, roundMeasure, type Limits, type Severity } from '../../qc/finding';

/**
 * @example flagLimits(1.5) // { direction: 'max', flag: 1.5, reject: 3 }
 */
export function flagLimits(flag: number, factor = 2): Limits {
  return { direction: 'max', flag: roundMeasure(flag, 3), reject: roundMeasure(flag * factor, 3) };
}

export function grade(value: number, limits: Limits): Severity {
  return gradeValue(value, limits);
}

/** Median of numbers (0 for none). */
export function median(values: readonly number[]): number {
  if (!values.length) return 0;
  const s = [...values].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** The index of the largest value (first on ties), or -1 for none. */
export function argMax(values: readonly (number | null)[]): number {
  let best = -1;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v !== null && (best < 0 || v > (values[best] as number))) best = i;
  }
  return best;
}
