/**
 * A Curves adjustment layer made in one step with its points. Points are in 0..255 for every
 * document depth (Photoshop scales them); green is `grain` in descriptors.
 */
import type { ActionDescriptor } from '../ports/ps-host';

export interface CurvePoint {
  input: number;
  output: number;
}

export interface CurvesSpec {
  composite?: CurvePoint[];
  red?: CurvePoint[];
  green?: CurvePoint[];
  blue?: CurvePoint[];
}

const channelKeys = { composite: 'composite', red: 'red', green: 'grain', blue: 'blue' } as const;

/** Rounds to a valid point set: inputs strictly increasing, everything clamped to 0..255. */
function points(curve: CurvePoint[]): { _obj: 'paint'; horizontal: number; vertical: number }[] {
  const out: { _obj: 'paint'; horizontal: number; vertical: number }[] = [];
  for (const p of curve) {
    const h = Math.min(255, Math.max(0, Math.round(p.input)));
    const v = Math.min(255, Math.max(0, Math.round(p.output)));
    if (out.length && h <= out[out.length - 1].horizontal) continue;
    out.push({ _obj: 'paint', horizontal: h, vertical: v });
  }
  return out;
}

export function makeCurvesLayer(name: string, spec: CurvesSpec): ActionDescriptor {
  const adjustment = (Object.keys(channelKeys) as (keyof CurvesSpec)[])
    .filter((k) => spec[k]?.length)
    .map((k) => ({
      _obj: 'curvesAdjustment',
      channel: { _ref: 'channel', _enum: 'channel', _value: channelKeys[k] },
      curve: points(spec[k]!),
    }));
  return {
    _obj: 'make',
    _target: [{ _ref: 'adjustmentLayer' }],
    using: {
      _obj: 'adjustmentLayer',
      name,
      type: { _obj: 'curves', presetKind: { _enum: 'presetKindType', _value: 'presetKindCustom' }, adjustment },
    },
  };
}
