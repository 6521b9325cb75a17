/**
 * A balance correction that never clips: below a shoulder the gain is exact (linear light), above it
 * the curve rolls off smoothly and reaches white only at white, so an off-white sweep or a white
 * garment brightened by an exposure fix keeps its tone and hue instead of blowing out. The roll-off
 * is exponential, with the slope continuous at the shoulder and still above zero at white, so
 * distinct highlights stay distinct (a power curve flattens to zero there, which rounds to 255 like a
 * clip). Gains at or below 1 need no shoulder.
 * For Photoshop Curves layers (at most 16 points) and for rasters.
 */
import { linearToSrgb, srgbToLinear } from '../lab';
import type { BalanceCorrection } from './balance-correction';
import type { CurvePoints } from './correction-curves';

/** Output linear light where the roll-off starts: codes below about 219 (8-bit) get the exact gain. */
export const SHOULDER_START = 0.7;

/**
 * The roll-off's rate `a` for a gain: h(u) = (1 - e^(-a u)) / (1 - e^(-a)) starts with the slope that
 * continues the gain at the shoulder, a / (1 - e^(-a)) = (gain - SHOULDER_START) / (1 - SHOULDER_START).
 */
function rollOffRate(gain: number): number {
  const slope = (gain - SHOULDER_START) / (1 - SHOULDER_START);
  let lo = 1e-9;
  let hi = 60;
  for (let i = 0; i < 80; i++) {
    const mid = (lo + hi) / 2;
    if (mid / (1 - Math.exp(-mid)) < slope) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

/**
 * One channel value through the shoulder curve: sRGB-encoded 0..1 in and out.
 * @example shoulderEncode(1.5, 1) // 1 (white stays white, never past it)
 * @example shoulderEncode(1.5, 0.5) // 0.6 (mid-tones get the full gain)
 */
export function shoulderEncode(gain: number, x: number): number {
  const lin = srgbToLinear(Math.min(1, Math.max(0, x)));
  if (gain <= 1 || lin * gain <= SHOULDER_START) return linearToSrgb(Math.min(1, lin * gain));
  const knee = SHOULDER_START / gain;
  const u = (lin - knee) / (1 - knee);
  const a = rollOffRate(gain);
  return linearToSrgb(SHOULDER_START + ((1 - SHOULDER_START) * (1 - Math.exp(-a * u))) / (1 - Math.exp(-a)));
}

/**
 * Photoshop Curves points (0..255) for a correction with a soft shoulder: evenly spaced points plus
 * extra points through the shoulder, where the curve bends, at most 16 per channel.
 * @example softShoulderCurvePoints({ gains: [1.2, 1.2, 1.2] }).g.at(-1) // [255, 255]
 */
export function softShoulderCurvePoints(correction: BalanceCorrection, count = 9): CurvePoints {
  const n = Math.max(2, Math.min(16, Math.round(count)));
  const channel = (gain: number): [number, number][] => {
    const inputs = new Set<number>();
    for (let i = 0; i < n; i++) inputs.add(Math.round((i * 255) / (n - 1)));
    if (gain > 1) {
      const knee = Math.round(linearToSrgb(SHOULDER_START / gain) * 255);
      for (let k = 0; inputs.size < 16 && k < 4; k++) inputs.add(Math.round(knee + ((255 - knee) * (k + 0.5)) / 4));
    }
    return [...inputs].sort((a, b) => a - b).map((v) => [v, Math.round(shoulderEncode(gain, v / 255) * 255)]);
  };
  const [r, g, b] = correction.gains.map(channel);
  return { r, g, b };
}
