/**
 * Writes a palette as a Photoshop Color Swatches (.aco) file (layout in read-aco.ts): a version 1
 * section followed by version 2 with names, so every Photoshop since 7 shows the names. Hex swatches
 * are RGB (8-bit x 257, exact); Lab swatches are Lab D50 in hundredths (the format's precision).
 */
import type { Swatch } from '../brand/palette';
import { parseColor } from '../color/parse-color';
import { concatBytes } from '../channels/metadata/bytes';
import { labD65ToD50 } from './lab-adaptation';

/**
 * @example const bytes = writeAco(lock.palette.swatches);
 */
export function writeAco(swatches: readonly Swatch[]): Uint8Array {
  const values = swatches.map((s) => {
    const parsed = parseColor(s.color);
    if (!parsed.success) throw new TypeError(`swatch ${s.id}: ${parsed.message}`);
    if (parsed.hex) {
      const n = parseInt(parsed.hex.slice(1), 16);
      return [0, ((n >> 16) & 255) * 257, ((n >> 8) & 255) * 257, (n & 255) * 257, 0];
    }
    const d50 = labD65ToD50(parsed.lab);
    const s16 = (v: number) => (Math.max(-12800, Math.min(12700, Math.round(v * 100))) + 65536) % 65536;
    return [7, Math.max(0, Math.min(10000, Math.round(d50.l * 100))), s16(d50.a), s16(d50.b), 0];
  });
  const section = (version: number) => {
    const parts: Uint8Array[] = [u16s(version, swatches.length)];
    swatches.forEach((s, i) => {
      parts.push(u16s(...values[i]));
      if (version === 2) {
        const label = s.code ? `${s.name} ${s.code.startsWith('PANTONE') ? s.code : `PANTONE ${s.code}`}` : s.name;
        const name = new Uint8Array(4 + (label.length + 1) * 2);
        const dv = new DataView(name.buffer);
        dv.setUint32(0, label.length + 1);
        for (let c = 0; c < label.length; c++) dv.setUint16(4 + c * 2, label.charCodeAt(c));
        parts.push(name);
      }
    });
    return concatBytes(parts);
  };
  return concatBytes([section(1), section(2)]);
}

function u16s(...values: number[]): Uint8Array {
  const out = new Uint8Array(values.length * 2);
  const dv = new DataView(out.buffer);
  values.forEach((v, i) => dv.setUint16(i * 2, v));
  return out;
}
