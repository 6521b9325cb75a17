/**
 * Reads a lut16Type ('mft2') tag out of an ICC profile and evaluates it on a colour: input curves,
 * tetrahedral interpolation in the CLUT (the interpolation CMMs use for 3-channel tables), output
 * curves. This is how a CMM would render our DeviceLink, so tests compare it with the .cube.
 */
import type { Lut16Data } from './private/icc-tag-types';
import type { IccTagEntry } from './parse-icc-profile';
import { sampleTetrahedral } from '../lut/sample-tetrahedral';
import type { Rgb } from '../lut/cube-lut';

/**
 * Decodes an 'mft2' tag; throws a RangeError naming the problem if the tag is not a 3-in lut16.
 * @example readLut16(bytes, profile.tags.find((t) => t.signature === 'A2B0')!)
 */
export function readLut16(bytes: Uint8Array, tag: IccTagEntry): Lut16Data & { matrix: number[] } {
  const view = new DataView(bytes.buffer, bytes.byteOffset + tag.offset, tag.size);
  if (tag.type !== 'mft2') throw new RangeError(`tag ${tag.signature} is of type '${tag.type}', expected 'mft2' (lut16Type)`);
  const inputChannels = view.getUint8(8);
  const outputChannels = view.getUint8(9);
  const gridPoints = view.getUint8(10);
  const matrix = Array.from({ length: 9 }, (_, i) => view.getInt32(12 + i * 4) / 65536);
  const n = view.getUint16(48);
  const m = view.getUint16(50);
  const clutLength = gridPoints ** inputChannels * outputChannels;
  const expected = 52 + 2 * (inputChannels * n + clutLength + outputChannels * m);
  if (expected !== tag.size) throw new RangeError(`mft2 tag ${tag.signature} holds ${tag.size} bytes, its fields need ${expected}`);
  let at = 52;
  const read = (count: number) => {
    const out = new Uint16Array(count);
    for (let i = 0; i < count; i++, at += 2) out[i] = view.getUint16(at);
    return out;
  };
  const inputTables = Array.from({ length: inputChannels }, () => read(n));
  const clut = read(clutLength);
  const outputTables = Array.from({ length: outputChannels }, () => read(m));
  return { inputChannels, outputChannels, gridPoints, matrix, inputTables, clut, outputTables };
}

/**
 * A function applying a 3-in, 3-out lut16 to RGB colours (0..1 each).
 * @example const link = lut16Evaluator(readLut16(bytes, a2b0)); link([0.5, 0.5, 0.5])
 */
export function lut16Evaluator(lut: Lut16Data): (rgb: Readonly<Rgb>) => Rgb {
  const g = lut.gridPoints;
  const clut = Float64Array.from(lut.clut, (v) => v / 65535);
  return (rgb) => {
    const [r, gr, b] = [0, 1, 2].map((c) => curve(lut.inputTables[c], rgb[c]) * (g - 1));
    // ICC tables have the first channel varying slowest; sampleTetrahedral's first axis varies
    // fastest, so the axes are passed reversed (tetrahedral interpolation does not mind the order).
    const out = [0, 0, 0];
    sampleTetrahedral(clut, g, b, gr, r, out, 0);
    return [curve(lut.outputTables[0], out[0]), curve(lut.outputTables[1], out[1]), curve(lut.outputTables[2], out[2])];
  };
}

function curve(table: Uint16Array, x: number): number {
  const t = Math.min(1, Math.max(0, x)) * (table.length - 1);
  const i = Math.min(Math.floor(t), table.length - 2);
  return (table[i] + (t - i) * (table[i + 1] - table[i])) / 65535;
}
