/**
 * Color Lookup adjustment layer descriptors. Photoshop renders a Color Lookup layer from the ICC
 * DeviceLink in `profile`; the .cube bytes alone give a layer that shows the LUT name and changes
 * nothing (../shared/reference/uxp.md 2.2). Binary fields must be wrapped as base64 raw data.
 */
import type { ActionDescriptor } from '../ports/ps-host';
import { bytesToBase64 } from './base64';

/** Makes an empty Color Lookup adjustment layer above the active layer; it becomes the active layer. */
export function makeColorLookupLayer(name: string): ActionDescriptor {
  return {
    _obj: 'make',
    _target: [{ _ref: 'adjustmentLayer' }],
    using: { _obj: 'adjustmentLayer', name, type: { _class: 'colorLookup' } },
    _isCommand: true,
  };
}

export interface ColorLookupContent {
  /** Shown in the Properties panel, e.g. "warm-studio.cube". */
  fileName: string;
  /** ICC DeviceLink bytes (core's cubeToIccDeviceLink). */
  deviceLink: Uint8Array;
  /** The .cube text, stored with the layer so it can be exported again; optional for rendering. */
  cubeText?: string;
}

/** Sets the active Color Lookup layer's 3D LUT to the brand LUT. */
export function setColorLookupContent(content: ColorLookupContent): ActionDescriptor {
  const to: Record<string, unknown> = {
    _obj: 'colorLookup',
    lookupType: { _enum: 'colorLookupType', _value: '3DLUT' },
    name: content.fileName,
    LUTFormat: { _enum: 'LUTFormatType', _value: 'LUTFormatCUBE' },
    dataOrder: { _enum: 'colorLookupOrder', _value: 'rgbOrder' },
    tableOrder: { _enum: 'colorLookupOrder', _value: 'bgrOrder' },
    LUT3DFileName: content.fileName,
  };
  if (content.cubeText !== undefined) {
    to.LUT3DFileData = { _rawData: 'base64', _data: bytesToBase64(new TextEncoder().encode(content.cubeText)) };
  }
  to.profile = { _rawData: 'base64', _data: bytesToBase64(content.deviceLink) };
  to.dither = true;
  return {
    _obj: 'set',
    _target: [{ _ref: 'adjustmentLayer', _enum: 'ordinal', _value: 'targetEnum' }],
    to,
    _isCommand: true,
  };
}
