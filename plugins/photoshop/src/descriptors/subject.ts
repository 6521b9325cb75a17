/**
 * Select Subject, Remove Background and the steps around them (Background layer to a normal layer,
 * a layer mask from the selection, deselect). Descriptors as Photoshop records them.
 */
import type { ActionDescriptor } from '../ports/ps-host';

const silent = { dialogOptions: 'dontDisplay' };

/** Select > Subject. */
export function selectSubject(): ActionDescriptor {
  return { _obj: 'autoCutout', sampleAllLayers: false, _options: silent };
}

/** Properties > Quick Actions > Remove Background: masks the active (non-Background) layer. */
export function removeBackground(): ActionDescriptor {
  return { _obj: 'removeBackground', _options: silent };
}

/** Turns the Background layer into a normal layer, which Remove Background needs. */
export function backgroundToLayer(name: string): ActionDescriptor {
  return {
    _obj: 'set',
    _target: [{ _ref: 'layer', _property: 'background' }],
    to: {
      _obj: 'layer',
      name,
      opacity: { _unit: 'percentUnit', _value: 100 },
      mode: { _enum: 'blendMode', _value: 'normal' },
    },
  };
}

/** Adds a layer mask to the active layer that reveals the selection. */
export function maskFromSelection(): ActionDescriptor {
  return {
    _obj: 'make',
    new: { _class: 'channel' },
    at: { _ref: 'channel', _enum: 'channel', _value: 'mask' },
    using: { _enum: 'userMaskEnabled', _value: 'revealSelection' },
  };
}

/** Select > Deselect. */
export function deselect(): ActionDescriptor {
  return { _obj: 'set', _target: [{ _ref: 'channel', _property: 'selection' }], to: { _enum: 'ordinal', _value: 'none' } };
}
