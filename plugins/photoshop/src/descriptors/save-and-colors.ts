/**
 * Descriptors for what the DOM does not offer: saving a TIFF or WebP copy (the UXP DOM's `saveAs` has
 * bmp, gif, jpg, png, psb and psd only) and setting the background colour, as Photoshop records
 * them; the file is named by a session token.
 */
import type { ActionDescriptor } from '../ports/ps-host';

/** Save a copy as an uncompressed TIFF (Intel byte order), with no dialog. */
export function saveTiffCopy(documentId: number, sessionToken: string): ActionDescriptor {
  return {
    _obj: 'save',
    as: { _obj: 'TIFF', byteOrder: { _enum: 'platform', _value: 'IBMPC' }, LZWCompression: false },
    in: { _path: sessionToken, _kind: 'local' },
    documentID: documentId,
    copy: true,
    lowerCase: true,
    _options: { dialogOptions: 'dontDisplay' },
  };
}

/**
 * Save a copy as WebP (Photoshop 23.2 and newer; 8-bit RGB documents), lossy at a quality 0..100,
 * with the document's XMP. The descriptor is the one Photoshop records for File > Save a Copy > WebP
 * (`WebPFormat`, `WebPCompression`), as scripts in Adobe's community use it with DialogModes.NO.
 */
export function saveWebpCopy(documentId: number, sessionToken: string, quality: number): ActionDescriptor {
  return {
    _obj: 'save',
    as: {
      _obj: 'WebPFormat',
      compression: { _enum: 'WebPCompression', _value: 'compressionLossy' },
      quality: Math.max(0, Math.min(100, Math.round(quality))),
      includeXMPData: true,
      includeEXIFData: false,
      includePsExtras: false,
    },
    in: { _path: sessionToken, _kind: 'local' },
    documentID: documentId,
    copy: true,
    lowerCase: true,
    _options: { dialogOptions: 'dontDisplay' },
  };
}

/** Set the background colour (what Canvas Size fills with as "backgroundColor") to an sRGB hex. */
export function setBackgroundColor(hex: string): ActionDescriptor {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex.trim());
  if (!m) throw new Error(`setBackgroundColor: "${hex}" is not a #rrggbb colour`);
  const [red, grain, blue] = [m[1], m[2], m[3]].map((h) => parseInt(h, 16));
  return {
    _obj: 'set',
    _target: [{ _ref: 'color', _property: 'backgroundColor' }],
    to: { _obj: 'RGBColor', red, grain, blue },
    source: 'photoshopPicker',
    _options: { dialogOptions: 'dontDisplay' },
  };
}
