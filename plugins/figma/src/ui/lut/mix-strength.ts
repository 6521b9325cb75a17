/**
 * LUT strength: the grade mixed with the original, out = original + s × (graded − original) per
 * channel on the 8-bit values, rounded. At 100 % the graded bytes come back unchanged, so a full-strength
 * grade is exactly the LUT's.
 */
export function mixStrength(original: Uint8ClampedArray, graded: Uint8ClampedArray, percent: number): Uint8ClampedArray {
  if (original.length !== graded.length) throw new RangeError(`the original has ${original.length} samples, the graded image ${graded.length}`);
  if (percent >= 100) return graded.slice();
  const s = Math.max(0, percent) / 100;
  const out = new Uint8ClampedArray(original.length);
  for (let i = 0; i < out.length; i++) out[i] = Math.round(original[i] + s * (graded[i] - original[i]));
  return out;
}
