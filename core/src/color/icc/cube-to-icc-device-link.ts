/**
 * Writes a .cube LUT as an ICC v2.4 DeviceLink profile (class 'link', RGB to RGB), the form Photoshop's
 * Color Lookup layer renders from (its batchPlay `profile` field; the .cube bytes alone apply nothing).
 * The LUT goes into A2B0 as a lut16Type ('mft2') CLUT of 17, 33 or 65 points with identity input and
 * output curves; when the .cube has another size, a domain or a shaper, the whole LUT is evaluated at
 * the CLUT's grid points. Required DeviceLink tags (ICC.1:2001-04 §6.3.3): desc, A2B0, pseq, cprt.
 */
import { IccWriter } from './private/icc-bytes';
import { encodeLut16, encodeProfileSequence, encodeText, encodeTextDescription } from './private/icc-tag-types';
import { isUnitDomain, type CubeLut, type Rgb } from '../lut/cube-lut';
import { evaluateLut } from '../lut/evaluate-lut';

export interface DeviceLinkOptions {
  /** CLUT grid points per channel (2..255; Photoshop exports 17, 33 or 65). Default 33. */
  grid?: number;
  /** Profile description; default the LUT title or "brandlock LUT". */
  description?: string;
  copyright?: string;
  /** Creation date written in the header. Default 1970-01-01T00:00:00Z, so equal LUTs give equal bytes. */
  created?: Date;
}

// The PCS illuminant D50 exactly as the specification encodes it (X 0.9642, Y 1.0, Z 0.8249).
const D50_S15F16 = [0x0000f6d6, 0x00010000, 0x0000d32d];
const IDENTITY_CURVE = Uint16Array.from({ length: 256 }, (_, i) => i * 257);

/**
 * The ICC DeviceLink bytes for a LUT.
 * @example const icc = cubeToIccDeviceLink(parseCubeOrThrow(text), { grid: 33 }); // base64 it into the Color Lookup descriptor
 */
export function cubeToIccDeviceLink(lut: CubeLut, options: DeviceLinkOptions | number = {}): Uint8Array {
  const opts = typeof options === 'number' ? { grid: options } : options;
  const grid = opts.grid ?? 33;
  if (!Number.isInteger(grid) || grid < 2 || grid > 255) throw new RangeError(`ICC CLUT grid ${grid} is out of range; expected 2..255 (17, 33 or 65 for Photoshop)`);
  const description = opts.description ?? lut.title ?? 'brandlock LUT';
  const tags: [string, Uint8Array][] = [
    ['desc', encodeTextDescription(description).toBytes()],
    ['A2B0', encodeLut16({ inputChannels: 3, outputChannels: 3, gridPoints: grid, inputTables: [IDENTITY_CURVE, IDENTITY_CURVE, IDENTITY_CURVE], clut: sampleClut(lut, grid), outputTables: [IDENTITY_CURVE, IDENTITY_CURVE, IDENTITY_CURVE] })],
    ['pseq', encodeProfileSequence([`${description} (input RGB)`, `${description} (output RGB)`])],
    ['cprt', encodeText(opts.copyright ?? 'No copyright, use freely')],
  ];
  const w = new IccWriter();
  writeHeader(w, opts.created ?? new Date(0));
  w.u32(tags.length);
  const tableAt = w.length;
  w.zeros(tags.length * 12);
  tags.forEach(([sig, data], i) => {
    w.align4();
    const at = w.length;
    w.append(data);
    const entry = tableAt + i * 12;
    w.setU32(entry, sigValue(sig));
    w.setU32(entry + 4, at);
    w.setU32(entry + 8, data.length);
  });
  w.align4();
  w.setU32(0, w.length);
  return w.toBytes();
}

function writeHeader(w: IccWriter, created: Date): void {
  w.u32(0).sig('').u32(0x02400000).sig('link').sig('RGB ').sig('RGB ');
  w.u16(created.getUTCFullYear()).u16(created.getUTCMonth() + 1).u16(created.getUTCDate());
  w.u16(created.getUTCHours()).u16(created.getUTCMinutes()).u16(created.getUTCSeconds());
  w.sig('acsp').sig('').u32(0).sig('').sig('').u32(0).u32(0).u32(0);
  for (const v of D50_S15F16) w.u32(v);
  w.sig('').zeros(16).zeros(28);
}

/** The CLUT in ICC order (red slowest, blue fastest), 16-bit, clamped to 0..1. */
function sampleClut(lut: CubeLut, grid: number): Uint16Array {
  const clut = new Uint16Array(grid * grid * grid * 3);
  const direct = !lut.lut1d && lut.lut3d && lut.lut3d.size === grid && isUnitDomain(lut.lut3d.domain);
  const out: Rgb = [0, 0, 0];
  const input: Rgb = [0, 0, 0];
  let k = 0;
  for (let r = 0; r < grid; r++)
    for (let g = 0; g < grid; g++)
      for (let b = 0; b < grid; b++) {
        if (direct) {
          const at = 3 * (r + grid * (g + grid * b));
          for (let c = 0; c < 3; c++) out[c] = lut.lut3d!.table[at + c];
        } else {
          input[0] = r / (grid - 1);
          input[1] = g / (grid - 1);
          input[2] = b / (grid - 1);
          evaluateLut(lut, input, 'tetrahedral', out);
        }
        for (let c = 0; c < 3; c++) clut[k++] = Math.round(Math.min(1, Math.max(0, out[c])) * 65535);
      }
  return clut;
}

function sigValue(sig: string): number {
  return ((sig.charCodeAt(0) << 24) | (sig.charCodeAt(1) << 16) | (sig.charCodeAt(2) << 8) | sig.charCodeAt(3)) >>> 0;
}
