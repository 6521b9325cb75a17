/**
 * Encoders for the ICC v2 tag types a DeviceLink needs (ICC.1:2001-04): textDescriptionType ('desc'),
 * textType ('text'), profileSequenceDescType ('pseq') and lut16Type ('mft2').
 */
import { IccWriter } from './icc-bytes';

/** textDescriptionType: ASCII description plus empty Unicode and ScriptCode parts (67-byte Mac field). */
export function encodeTextDescription(text: string, w = new IccWriter()): IccWriter {
  w.sig('desc').u32(0).u32(text.length + 1).ascii(text).u8(0);
  w.u32(0).u32(0); // Unicode language code, Unicode count
  w.u16(0).u8(0).zeros(67); // ScriptCode code, count, Macintosh description
  return w;
}

/** textType: 7-bit ASCII, NUL-terminated. */
export function encodeText(text: string): Uint8Array {
  return new IccWriter().sig('text').u32(0).ascii(text).u8(0).toBytes();
}

/** profileSequenceDescType: one description (manufacturer and model text) per profile in the sequence. */
export function encodeProfileSequence(models: string[]): Uint8Array {
  const w = new IccWriter().sig('pseq').u32(0).u32(models.length);
  for (const model of models) {
    w.u32(0).u32(0).u32(0).u32(0).u32(0); // device manufacturer, model, attributes (8 bytes), technology
    encodeTextDescription('', w);
    encodeTextDescription(model, w);
  }
  return w.toBytes();
}

export interface Lut16Data {
  inputChannels: number;
  outputChannels: number;
  gridPoints: number;
  /** inputChannels tables of equal length, each 0..65535. */
  inputTables: Uint16Array[];
  /** gridPoints^inputChannels entries of outputChannels values, first input channel varying slowest. */
  clut: Uint16Array;
  outputTables: Uint16Array[];
}

/** lut16Type ('mft2'), with the identity matrix (the matrix only applies to XYZ input). */
export function encodeLut16(lut: Lut16Data): Uint8Array {
  const { inputChannels, outputChannels, gridPoints, inputTables, clut, outputTables } = lut;
  const w = new IccWriter().sig('mft2').u32(0).u8(inputChannels).u8(outputChannels).u8(gridPoints).u8(0);
  for (let i = 0; i < 9; i++) w.s15f16(i % 4 === 0 ? 1 : 0);
  w.u16(inputTables[0].length).u16(outputTables[0].length);
  for (const table of inputTables) for (const v of table) w.u16(v);
  for (const v of clut) w.u16(v);
  for (const table of outputTables) for (const v of table) w.u16(v);
  return w.toBytes();
}
