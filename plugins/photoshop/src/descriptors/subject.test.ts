// Select Subject, Remove Background and helpers against ../shared/reference/uxp.md 2.3 (adb-mcp and
// community plugins, as recorded by Photoshop).
import { expect, it } from 'vitest';
import { backgroundToLayer, deselect, maskFromSelection, removeBackground, selectSubject } from './subject';

it('builds Select Subject as documented', () => {
  expect(selectSubject()).toEqual({ _obj: 'autoCutout', sampleAllLayers: false, _options: { dialogOptions: 'dontDisplay' } });
});

it('builds Remove Background as documented', () => {
  expect(removeBackground()).toEqual({ _obj: 'removeBackground', _options: { dialogOptions: 'dontDisplay' } });
});

it('converts the Background layer as documented', () => {
  expect(backgroundToLayer('Layer 0')).toEqual({
    _obj: 'set',
    _target: [{ _ref: 'layer', _property: 'background' }],
    to: { _obj: 'layer', name: 'Layer 0', opacity: { _unit: 'percentUnit', _value: 100 }, mode: { _enum: 'blendMode', _value: 'normal' } },
  });
});

it('makes a reveal-selection mask and deselects as documented', () => {
  expect(maskFromSelection()).toEqual({
    _obj: 'make',
    new: { _class: 'channel' },
    at: { _ref: 'channel', _enum: 'channel', _value: 'mask' },
    using: { _enum: 'userMaskEnabled', _value: 'revealSelection' },
  });
  expect(deselect()).toEqual({ _obj: 'set', _target: [{ _ref: 'channel', _property: 'selection' }], to: { _enum: 'ordinal', _value: 'none' } });
});
