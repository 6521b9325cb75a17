/**
 * Turns cast and exposure measures into a correction: per-channel gains in linear light. Gains compose
 * by multiplication, so a white-balance and an exposure fix become one correction, one pass.
 */
import type { ColorCast } from './measure-cast';
import type { ExposureMeasure } from './measure-exposure';

/** Per-channel multipliers on linear-light R, G, B. */
export interface BalanceCorrection {
  gains: [number, number, number];
}

/**
 * The gains that neutralise a measured cast; `strength` 0..1 applies part of it.
 * @example castCorrection(cast).gains // [0.93, 1.0, 1.16] for a warm cast
 */
export function castCorrection(cast: ColorCast, strength = 1): BalanceCorrection {
  return { gains: cast.gains.map((g) => Math.pow(g, strength)) as [number, number, number] };
}

/**
 * The gain that brings a measured exposure onto its target L*: 2^-ev on every channel.
 * @example exposureCorrection({ ev: -1, ... }).gains // [2, 2, 2]
 */
export function exposureCorrection(exposure: Pick<ExposureMeasure, 'ev'>, strength = 1): BalanceCorrection {
  const g = Math.pow(2, -exposure.ev * strength);
  return { gains: [g, g, g] };
}

/**
 * One correction doing all of the given ones.
 * @example combineCorrections(castCorrection(cast), exposureCorrection(exposure))
 */
export function combineCorrections(...corrections: BalanceCorrection[]): BalanceCorrection {
  const gains: [number, number, number] = [1, 1, 1];
  for (const c of corrections) for (let i = 0; i < 3; i++) gains[i] *= c.gains[i];
  return { gains };
}
