// The Curves adjustment layer against the recorded `make adjustmentLayer` + `curves` structure
// (Photoshop's Copy As JavaScript output as published in several UXP plugins; green is "grain").
import { expect, it } from 'vitest';
import { makeCurvesLayer } from './curves';

it('makes a named Curves layer with its points in one descriptor', () => {
  const d = makeCurvesLayer('Exposure +0.30 EV', {
    composite: [{ input: 0, output: 0 }, { input: 128, output: 148 }, { input: 255, output: 255 }],
  });
  expect(d).toEqual({
    _obj: 'make',
    _target: [{ _ref: 'adjustmentLayer' }],
    using: {
      _obj: 'adjustmentLayer',
      name: 'Exposure +0.30 EV',
      type: {
        _obj: 'curves',
        presetKind: { _enum: 'presetKindType', _value: 'presetKindCustom' },
        adjustment: [
          {
            _obj: 'curvesAdjustment',
            channel: { _ref: 'channel', _enum: 'channel', _value: 'composite' },
            curve: [
              { _obj: 'paint', horizontal: 0, vertical: 0 },
              { _obj: 'paint', horizontal: 128, vertical: 148 },
              { _obj: 'paint', horizontal: 255, vertical: 255 },
            ],
          },
        ],
      },
    },
  });
});

it('names green "grain", rounds and clamps points and drops non-increasing inputs', () => {
  const d = makeCurvesLayer('WB', {
    red: [{ input: 0, output: 0 }, { input: 255, output: 300 }],
    green: [{ input: 0, output: -4 }, { input: 0.2, output: 3 }, { input: 200.4, output: 190.6 }],
  });
  const adjustment = ((d.using as { type: { adjustment: { channel: { _value: string }; curve: unknown[] }[] } }).type).adjustment;
  expect(adjustment.map((a) => a.channel._value)).toEqual(['red', 'grain']);
  expect(adjustment[0].curve).toEqual([{ _obj: 'paint', horizontal: 0, vertical: 0 }, { _obj: 'paint', horizontal: 255, vertical: 255 }]);
  expect(adjustment[1].curve).toEqual([{ _obj: 'paint', horizontal: 0, vertical: 0 }, { _obj: 'paint', horizontal: 200, vertical: 191 }]);
});
