/**
 * A lighting preset calibrated from several approved references: the median of each measure (the
 * majority for the key direction), the spread between references for each, and the preset as it
 * would be written (colour temperature to 50 K, ratio to 0.1, target L* to 0.5, backdrop as hex).
 * What is not measured (tint, tolerance, prompt fragment) is kept from the preset.
 */
import type { LightingPreset } from '../brand/lighting-preset';
import { labToSrgb } from '../color/lab';
import { luminanceOfLightness } from '../color/balance/measure-exposure';
import { combineLabs, medianNumber } from '../palette-import/combine-measurements';
import { hexOf } from '../palette-import/number-text';
import type { LightingMeasurement } from './measure-lighting';

export interface PresetCalibration {
  preset: LightingPreset;
  spread: {
    /** Largest ΔE00 of a reference's backdrop from the median backdrop. */
    backdropDeltaE: number | null;
    meanL: [number, number];
    cctK: [number, number] | null;
    keyFillRatio: [number, number];
    /** How many references agree with the chosen key direction. */
    keyDirectionAgreement: [number, number];
  };
  /** Sentences for a person: where the references disagree enough to check them. */
  warnings: string[];
}

const range = (xs: number[]): [number, number] => [Math.min(...xs), Math.max(...xs)];
const round = (x: number, step: number) => Math.round(x / step) * step;

/**
 * @example calibratePreset(lock.lighting[0], measurements).preset.exposure.targetL
 */
export function calibratePreset(current: LightingPreset, ms: readonly LightingMeasurement[]): PresetCalibration {
  if (!ms.length) throw new RangeError('calibratePreset needs at least one measurement');
  const warnings: string[] = [];
  const backdrops = ms.flatMap((m) => (m.backdrop ? [m.backdrop.lab] : []));
  const combined = backdrops.length ? combineLabs(backdrops) : null;
  const ccts = ms.flatMap((m) => (m.cctK !== null ? [m.cctK] : []));
  const votes = new Map<string, number>();
  for (const m of ms) votes.set(m.keyDirection, (votes.get(m.keyDirection) ?? 0) + 1);
  const [keyDirection, agree] = [...votes.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0];
  const ls = ms.map((m) => m.meanL);
  const ratios = ms.map((m) => m.keyFillRatio);
  const targetL = Math.min(95, Math.max(5, round(medianNumber(ls), 0.5)));
  const preset: LightingPreset = {
    ...current,
    colorTemperatureK: ccts.length ? Math.min(12000, Math.max(2000, round(medianNumber(ccts), 50))) : current.colorTemperatureK,
    keyFillRatio: Math.min(32, Math.max(1, round(medianNumber(ratios), 0.1))),
    keyDirection: keyDirection as LightingPreset['keyDirection'],
    exposure: { ...current.exposure, targetL },
    background: combined ? hexOf(...labToSrgb(combined.lab)) : current.background,
  };
  if (!combined) warnings.push('no reference has a backdrop (all cut-outs): the backdrop colour is kept');
  else if (combined.spread > 3) warnings.push(`the backdrops differ by up to ΔE00 ${combined.spread.toFixed(1)}: check the references were shot on the same sweep`);
  const lr = range(ls);
  const evSpread = Math.log2(luminanceOfLightness(lr[1]) / luminanceOfLightness(lr[0]));
  if (evSpread > current.exposure.toleranceEv * 2) warnings.push(`exposures differ by ${evSpread.toFixed(2)} EV (L* ${lr[0].toFixed(1)} to ${lr[1].toFixed(1)}), more than twice the preset's tolerance`);
  if (agree < Math.ceil(ms.length / 2 + 0.01)) warnings.push(`the key direction is unclear: ${[...votes.entries()].map(([d, n]) => `${d} x${n}`).join(', ')}`);
  if (ccts.length && range(ccts)[1] - range(ccts)[0] > 800) warnings.push(`colour temperatures differ by ${Math.round(range(ccts)[1] - range(ccts)[0])} K`);
  return {
    preset,
    spread: {
      backdropDeltaE: combined ? Math.round(combined.spread * 100) / 100 : null,
      meanL: lr,
      cctK: ccts.length ? range(ccts) : null,
      keyFillRatio: range(ratios),
      keyDirectionAgreement: [agree, ms.length],
    },
    warnings,
  };
}
