/**
 * What post-production did to one image, step by step, with the numbers behind each decision.
 * Recorded in the audit trail: a retoucher can see that the cast was 3.1 ΔE00 warm/yellow and was
 * neutralised, or that the backdrop was not a studio sweep and was left alone, and why.
 */

export type PostStepName = 'lut' | 'white-balance' | 'exposure' | 'background';

export interface PostStep {
  step: PostStepName;
  applied: boolean;
  /** One sentence in a retoucher's words. */
  detail: string;
  /** The measure that decided it (ΔE00 of the cast, EV off target, % of the frame replaced). */
  measured?: number;
  unit?: 'ΔE00' | 'EV' | '%';
}

/** True when any step changed pixels beyond the grade: the image was corrected, not just graded. */
export function wasCorrected(steps: readonly PostStep[]): boolean {
  return steps.some((s) => s.applied && s.step !== 'lut');
}
