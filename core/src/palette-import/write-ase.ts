/**
 * Writes a palette as an Adobe Swatch Exchange (.ase) file (layout in read-ase.ts): Lab swatches as
 * "LAB " in D50 (what Adobe applications expect), hex swatches as "RGB ", all global process colours,
 * inside one group named after the palette. Designers load it in Illustrator, InDesign or Photoshop.
 */
import type { Swatch } from '../brand/palette';
import { parseColor } from '../color/parse-color';
import { labD65ToD50 } from './lab-adaptation';
import { concatBytes as concat } from '../channels/metadata/bytes';

/**
 * @example const bytes = writeAse(lock.palette.swatches, 'Northfold SS27');
 */
export function writeAse(swatches: readonly Swatch[], groupName?: string): Uint8Array {
  const blocks: Uint8Array[] = [];
  if (groupName) blocks.push(block(0xc001, nameBytes(groupName)));
  for (const s of swatches) {
    const parsed = parseColor(s.color);
    if (!parsed.success) throw new TypeError(`swatch ${s.id}: ${parsed.message}`);
    const label = s.code ? `${s.name} ${s.code.startsWith('PANTONE') ? s.code : `PANTONE ${s.code}`}` : s.name;
    let model: string;
    let values: number[];
    if (parsed.hex) {
      const n = parseInt(parsed.hex.slice(1), 16);
      model = 'RGB ';
      values = [((n >> 16) & 255) / 255, ((n >> 8) & 255) / 255, (n & 255) / 255];
    } else {
      const d50 = labD65ToD50(parsed.lab);
      model = 'LAB ';
      values = [d50.l / 100, d50.a, d50.b];
    }
    const body = new Uint8Array(4 + values.length * 4 + 2);
    const dv = new DataView(body.buffer);
    for (let i = 0; i < 4; i++) body[i] = model.charCodeAt(i);
    values.forEach((v, i) => dv.setFloat32(4 + i * 4, v));
    dv.setUint16(4 + values.length * 4, 0);
    blocks.push(block(0x0001, nameBytes(label), body));
  }
  if (groupName) blocks.push(block(0xc002));
  const header = new Uint8Array(12);
  const hv = new DataView(header.buffer);
  header.set([0x41, 0x53, 0x45, 0x46]);
  hv.setUint16(4, 1);
  hv.setUint16(6, 0);
  hv.setUint32(8, blocks.length);
  return concat([header, ...blocks]);
}

function nameBytes(name: string): Uint8Array {
  const out = new Uint8Array(2 + (name.length + 1) * 2);
  const dv = new DataView(out.buffer);
  dv.setUint16(0, name.length + 1);
  for (let i = 0; i < name.length; i++) dv.setUint16(2 + i * 2, name.charCodeAt(i));
  return out;
}

function block(type: number, ...parts: Uint8Array[]): Uint8Array {
  const body = concat(parts);
  const out = new Uint8Array(6 + body.length);
  const dv = new DataView(out.buffer);
  dv.setUint16(0, type);
  dv.setUint32(2, body.length);
  out.set(body, 6);
  return out;
}
