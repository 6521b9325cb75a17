// Place, select and rename against ../shared/reference/uxp.md 2.4 and uxp-toolkit's selectLayer /
// renameLayer commands.
import { expect, it } from 'vitest';
import { makePixelLayer, placeEmbedded, renameLayer, selectLayer, setLayerBlendMode } from './layers';

it('places a file embedded at the centre as documented', () => {
  expect(placeEmbedded('token-1')).toEqual({
    _obj: 'placeEvent',
    null: { _path: 'token-1', _kind: 'local' },
    linked: false,
    freeTransformCenterState: { _enum: 'quadCenterState', _value: 'QCSAverage' },
    offset: { _obj: 'offset', horizontal: { _unit: 'pixelsUnit', _value: 0 }, vertical: { _unit: 'pixelsUnit', _value: 0 } },
    _options: { dialogOptions: 'dontDisplay' },
  });
});

it('selects and renames a layer by id in its document', () => {
  expect(selectLayer(7, 42)).toEqual({
    _obj: 'select',
    _target: [{ _ref: 'layer', _id: 42 }, { _ref: 'document', _id: 7 }],
    makeVisible: false,
    layerID: [42],
    _isCommand: false,
  });
  expect(renameLayer(7, 42, 'NF-1001 job 9')).toEqual({
    _obj: 'set',
    _target: [{ _ref: 'layer', _id: 42 }, { _ref: 'document', _id: 7 }],
    to: { _obj: 'layer', name: 'NF-1001 job 9' },
  });
});

it('makes a named pixel layer', () => {
  expect(makePixelLayer('Baked LUT')).toEqual({ _obj: 'make', _target: [{ _ref: 'layer' }], using: { _obj: 'layer', name: 'Baked LUT' } });
});

it('adds canvas on one side, anchored on the other, as recorded (relative canvasSize)', async () => {
  const { addCanvasOnSide } = await import('./layers');
  expect(addCanvasOnSide('left', 120, 'white')).toEqual({
    _obj: 'canvasSize',
    relative: true,
    width: { _unit: 'pixelsUnit', _value: 120 },
    horizontal: { _enum: 'horizontalLocation', _value: 'right' },
    canvasExtensionColorType: { _enum: 'canvasExtensionColorType', _value: 'white' },
    _options: { dialogOptions: 'dontDisplay' },
  });
  expect(addCanvasOnSide('bottom', 8, 'backgroundColor')).toMatchObject({
    height: { _unit: 'pixelsUnit', _value: 8 },
    vertical: { _enum: 'verticalLocation', _value: 'top' },
    canvasExtensionColorType: { _enum: 'canvasExtensionColorType', _value: 'backgroundColor' },
  });
});

it('selects a rectangle in pixels', async () => {
  const { selectRectangle } = await import('./layers');
  expect(selectRectangle({ left: 10, top: 20, right: 30, bottom: 40 })).toEqual({
    _obj: 'set',
    _target: [{ _ref: 'channel', _property: 'selection' }],
    to: {
      _obj: 'rectangle',
      top: { _unit: 'pixelsUnit', _value: 20 },
      left: { _unit: 'pixelsUnit', _value: 10 },
      bottom: { _unit: 'pixelsUnit', _value: 40 },
      right: { _unit: 'pixelsUnit', _value: 30 },
    },
  });
});

it('scales and moves the active layer with Free Transform as recorded', async () => {
  const { transformActiveLayer } = await import('./layers');
  expect(transformActiveLayer({ width: 300, height: 300 }, { x: 12, y: -4 })).toEqual({
    _obj: 'transform',
    _target: [{ _ref: 'layer', _enum: 'ordinal', _value: 'targetEnum' }],
    freeTransformCenterState: { _enum: 'quadCenterState', _value: 'QCSAverage' },
    offset: { _obj: 'offset', horizontal: { _unit: 'pixelsUnit', _value: 12 }, vertical: { _unit: 'pixelsUnit', _value: -4 } },
    width: { _unit: 'percentUnit', _value: 300 },
    height: { _unit: 'percentUnit', _value: 300 },
    interfaceIconFrameDimmed: { _enum: 'interpolationType', _value: 'bicubic' },
  });
});

it("sets a layer's blend mode as the Layers panel's mode menu records it (the blendMode enumeration)", () => {
  expect(setLayerBlendMode(7, 42, 'color')).toEqual({
    _obj: 'set',
    _target: [{ _ref: 'layer', _id: 42 }, { _ref: 'document', _id: 7 }],
    to: { _obj: 'layer', mode: { _enum: 'blendMode', _value: 'color' } },
  });
});
