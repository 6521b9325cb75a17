// The Color Lookup descriptors against the shape documented in ../shared/reference/uxp.md 2.2
// (uxp-toolkit's createColorLookupAdjustmentLayer / set3DLUTColorLookup and two other plugins).
import { describe, expect, it } from 'vitest';
import { makeColorLookupLayer, setColorLookupContent } from './color-lookup';

describe('Color Lookup descriptors', () => {
  it('makes the adjustment layer exactly as documented', () => {
    expect(makeColorLookupLayer('Brand LUT')).toEqual({
      _obj: 'make',
      _target: [{ _ref: 'adjustmentLayer' }],
      using: { _obj: 'adjustmentLayer', name: 'Brand LUT', type: { _class: 'colorLookup' } },
      _isCommand: true,
    });
  });

  it('sets the LUT with the DeviceLink as base64 profile data, which is what Photoshop renders from', () => {
    const deviceLink = Uint8Array.from([0, 0, 1, 0x6c, 0xff, 0x41]);
    const cubeText = 'LUT_3D_SIZE 2\n0 0 0\n';
    expect(setColorLookupContent({ fileName: 'Brand.cube', deviceLink, cubeText })).toEqual({
      _obj: 'set',
      _target: [{ _ref: 'adjustmentLayer', _enum: 'ordinal', _value: 'targetEnum' }],
      to: {
        _obj: 'colorLookup',
        lookupType: { _enum: 'colorLookupType', _value: '3DLUT' },
        name: 'Brand.cube',
        LUTFormat: { _enum: 'LUTFormatType', _value: 'LUTFormatCUBE' },
        dataOrder: { _enum: 'colorLookupOrder', _value: 'rgbOrder' },
        tableOrder: { _enum: 'colorLookupOrder', _value: 'bgrOrder' },
        LUT3DFileName: 'Brand.cube',
        LUT3DFileData: { _rawData: 'base64', _data: Buffer.from(cubeText).toString('base64') },
        profile: { _rawData: 'base64', _data: Buffer.from(deviceLink).toString('base64') },
        dither: true,
      },
      _isCommand: true,
    });
  });

  it('leaves the cube bytes out when only the profile is given (the profile alone renders)', () => {
    const d = setColorLookupContent({ fileName: 'a.cube', deviceLink: new Uint8Array(4) });
    expect(d.to).not.toHaveProperty('LUT3DFileData');
    expect((d.to as { profile: unknown }).profile).toEqual({ _rawData: 'base64', _data: 'AAAAAA==' });
  });
});
