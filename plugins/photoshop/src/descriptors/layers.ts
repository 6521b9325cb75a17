/** Layer descriptors: place a file as a layer, select, rename, show or hide, opacity, blend mode, make an empty pixel layer. */
import type { ActionDescriptor } from '../ports/ps-host';

/** File > Place Embedded, at the document centre, no dialog. `token` is a UXP session token. */
export function placeEmbedded(token: string): ActionDescriptor {
  return {
    _obj: 'placeEvent',
    null: { _path: token, _kind: 'local' },
    linked: false,
    freeTransformCenterState: { _enum: 'quadCenterState', _value: 'QCSAverage' },
    offset: {
      _obj: 'offset',
      horizontal: { _unit: 'pixelsUnit', _value: 0 },
      vertical: { _unit: 'pixelsUnit', _value: 0 },
    },
    _options: { dialogOptions: 'dontDisplay' },
  };
}

/** Selects one layer by id; selecting a just-placed layer also commits its pending transform. */
export function selectLayer(documentId: number, layerId: number): ActionDescriptor {
  return {
    _obj: 'select',
    _target: [{ _ref: 'layer', _id: layerId }, { _ref: 'document', _id: documentId }],
    makeVisible: false,
    layerID: [layerId],
    _isCommand: false,
  };
}

export function renameLayer(documentId: number, layerId: number, name: string): ActionDescriptor {
  return {
    _obj: 'set',
    _target: [{ _ref: 'layer', _id: layerId }, { _ref: 'document', _id: documentId }],
    to: { _obj: 'layer', name },
  };
}

/** A new empty pixel layer above the active one (the bake path writes into it). */
export function makePixelLayer(name: string): ActionDescriptor {
  return { _obj: 'make', _target: [{ _ref: 'layer' }], using: { _obj: 'layer', name } };
}

/**
 * Image > Canvas Size, relative: adds `pixels` on one side (the anchor is the opposite side), filled
 * with white or the current background colour.
 */
export function addCanvasOnSide(side: 'top' | 'right' | 'bottom' | 'left', pixels: number, fill: 'white' | 'backgroundColor'): ActionDescriptor {
  const horizontal = side === 'left' || side === 'right';
  const anchor = { top: 'bottom', bottom: 'top', left: 'right', right: 'left' }[side];
  return {
    _obj: 'canvasSize',
    relative: true,
    ...(horizontal
      ? { width: { _unit: 'pixelsUnit', _value: pixels }, horizontal: { _enum: 'horizontalLocation', _value: anchor } }
      : { height: { _unit: 'pixelsUnit', _value: pixels }, vertical: { _enum: 'verticalLocation', _value: anchor } }),
    canvasExtensionColorType: { _enum: 'canvasExtensionColorType', _value: fill },
    _options: { dialogOptions: 'dontDisplay' },
  };
}

/** A rectangular selection, e.g. around a region QC flagged. */
export function selectRectangle(b: { left: number; top: number; right: number; bottom: number }): ActionDescriptor {
  const px = (v: number) => ({ _unit: 'pixelsUnit', _value: v });
  return {
    _obj: 'set',
    _target: [{ _ref: 'channel', _property: 'selection' }],
    to: { _obj: 'rectangle', top: px(b.top), left: px(b.left), bottom: px(b.bottom), right: px(b.right) },
  };
}

/** Free Transform of the active layer: scale (percent) about its centre, then move by an offset. */
export function transformActiveLayer(scalePercent: { width: number; height: number }, offset: { x: number; y: number }): ActionDescriptor {
  return {
    _obj: 'transform',
    _target: [{ _ref: 'layer', _enum: 'ordinal', _value: 'targetEnum' }],
    freeTransformCenterState: { _enum: 'quadCenterState', _value: 'QCSAverage' },
    offset: {
      _obj: 'offset',
      horizontal: { _unit: 'pixelsUnit', _value: offset.x },
      vertical: { _unit: 'pixelsUnit', _value: offset.y },
    },
    width: { _unit: 'percentUnit', _value: scalePercent.width },
    height: { _unit: 'percentUnit', _value: scalePercent.height },
    interfaceIconFrameDimmed: { _enum: 'interpolationType', _value: 'bicubic' },
  };
}

/** Sets a layer's opacity (0..100). */
export function setLayerOpacity(documentId: number, layerId: number, percent: number): ActionDescriptor {
  return {
    _obj: 'set',
    _target: [{ _ref: 'layer', _id: layerId }, { _ref: 'document', _id: documentId }],
    to: { _obj: 'layer', opacity: { _unit: 'percentUnit', _value: Math.max(0, Math.min(100, Math.round(percent))) } },
  };
}

/** The blend modes brandlock offers for its LUT layer, as batchPlay's blendMode enumeration spells them. */
export type LayerBlendMode = 'normal' | 'color' | 'luminosity';

/** Sets a layer's blend mode (the Layers panel's mode menu). */
export function setLayerBlendMode(documentId: number, layerId: number, mode: LayerBlendMode): ActionDescriptor {
  return {
    _obj: 'set',
    _target: [{ _ref: 'layer', _id: layerId }, { _ref: 'document', _id: documentId }],
    to: { _obj: 'layer', mode: { _enum: 'blendMode', _value: mode } },
  };
}

/** The eye in the Layers panel: shows or hides one layer (a reference chain: this layer of this document). */
export function setLayerVisible(documentId: number, layerId: number, visible: boolean): ActionDescriptor {
  return { _obj: visible ? 'show' : 'hide', null: [{ _ref: 'layer', _id: layerId }, { _ref: 'document', _id: documentId }] };
}

/** A layer mask on the active layer that hides everything (pixels are then revealed through putLayerMask). */
export function maskHidingAll(): ActionDescriptor {
  return {
    _obj: 'make',
    new: { _class: 'channel' },
    at: { _ref: 'channel', _enum: 'channel', _value: 'mask' },
    using: { _enum: 'userMaskEnabled', _value: 'hideAll' },
  };
}
