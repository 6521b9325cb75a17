// The TIFF and WebP save and background-colour descriptors, compared with what Photoshop records for
// File > Save a Copy (TIFF) and for picking a background colour.
import { expect, it } from 'vitest';
import { saveTiffCopy, saveWebpCopy, setBackgroundColor } from './save-and-colors';

it('saves a TIFF copy to the file a session token names, without a dialog', () => {
  expect(saveTiffCopy(7, 'token-1')).toEqual({
    _obj: 'save',
    as: { _obj: 'TIFF', byteOrder: { _enum: 'platform', _value: 'IBMPC' }, LZWCompression: false },
    in: { _path: 'token-1', _kind: 'local' },
    documentID: 7,
    copy: true,
    lowerCase: true,
    _options: { dialogOptions: 'dontDisplay' },
  });
});

it('sets the background colour as RGB (Photoshop spells green "grain"), and refuses what is not #rrggbb', () => {
  expect(setBackgroundColor('#F4F1EC')).toMatchObject({
    _obj: 'set',
    _target: [{ _ref: 'color', _property: 'backgroundColor' }],
    to: { _obj: 'RGBColor', red: 244, grain: 241, blue: 236 },
  });
  expect(() => setBackgroundColor('warm white')).toThrow('"warm white" is not a #rrggbb colour');
});

it('saves a lossy WebP copy with the XMP, as Photoshop 23.2+ records it', () => {
  expect(saveWebpCopy(7, 'token-2', 82.4)).toEqual({
    _obj: 'save',
    as: {
      _obj: 'WebPFormat', compression: { _enum: 'WebPCompression', _value: 'compressionLossy' }, quality: 82, includeXMPData: true, includeEXIFData: false, includePsExtras: false,
    },
    in: { _path: 'token-2', _kind: 'local' },
    documentID: 7,
    copy: true,
    lowerCase: true,
    _options: { dialogOptions: 'dontDisplay' },
  });
});
