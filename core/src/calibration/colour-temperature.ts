/**
 * The correlated colour temperature of a near-neutral colour, by McCamy's cubic in CIE 1931 xy
 * (accurate to a few kelvin between about 2,800 K and 10,000 K; Lab D65 -> XYZ -> xy first). Used
 * on a photo's backdrop: its apparent white point is the light the look was made under, after
 * whatever white balance the approved photos had.
 */
import { labToLinearRgb, type Lab } from '../color/lab';

/**
 * @example cctOfLab({ l: 100, a: 0, b: 0 }) // about 6504 (D65, sRGB's white)
 */
export function cctOfLab(lab: Lab): number {
  const [r, g, b] = labToLinearRgb(lab);
  const X = 0.4123907992659593 * r + 0.357584339383878 * g + 0.1804807884018343 * b;
  const Y = 0.21263900587151024 * r + 0.715168678767756 * g + 0.07219231536073371 * b;
  const Z = 0.01933081871559182 * r + 0.11919477979462598 * g + 0.9505321522496606 * b;
  const sum = X + Y + Z;
  if (!(sum > 0)) return NaN;
  const x = X / sum;
  const y = Y / sum;
  const n = (x - 0.332) / (0.1858 - y);
  return 449 * n ** 3 + 3525 * n ** 2 + 6823.3 * n + 5520.33;
}
