/**
 * Reads a Photoshop Color Swatches (.aco) file, per Adobe's "Photoshop File Formats Specification",
 * section "Color Swatches": a version 1 section (u16 version 1, u16 count, per colour a u16 colour
 * space and four u16 values), optionally followed by a version 2 section with the same colours plus
 * a Unicode name each (u32 length in UTF-16 units including a terminating NUL, then UTF-16BE).
 * Colour spaces: 0 RGB (0..65535), 1 HSB (0..65535; hue over 360°), 2 CMYK (0 is 100% ink),
 * 7 Lab (L 0..10000, a and b signed -12800..12700; D50 as everywhere in Photoshop), 8 Grayscale
 * (0..10000 of black ink, as Photoshop's K%), 9 wide CMYK. Names come from version 2 when present.
 */
import { toPaletteColor, type DeviceColor } from './device-color';
import { decimalText } from './number-text';
import { splitPantone } from './pantone-code';
import type { ImportedSwatch, PaletteImportIssue, SwatchFileResult } from './swatch-source';

interface RawColor {
  space: number;
  w: number;
  x: number;
  y: number;
  z: number;
  name?: string;
}

/**
 * @example const { swatches, issues } = readAco(bytes, 'brand.aco');
 */
export function readAco(bytes: Uint8Array, file: string): SwatchFileResult {
  const issues: PaletteImportIssue[] = [];
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const fail = (message: string, found: string, expected: string): SwatchFileResult => ({ swatches: [], issues: [{ file, code: 'invalid_file', message, found, expected }] });
  if (bytes.length < 4) return fail('not a Photoshop swatches file', `${bytes.length} bytes`, 'an .aco file (version 1 or 2 header)');
  const first = readSection(view, 0);
  if (!first.ok) return fail(first.message, first.found, first.expected);
  let colors = first.colors;
  if (first.version === 1 && first.end + 4 <= bytes.length) {
    const second = readSection(view, first.end);
    if (second.ok && second.version === 2 && second.colors.length === colors.length) colors = second.colors;
    else if (!second.ok || second.version !== 2) issues.push({ file, code: 'invalid_file', message: `the names section is unreadable (${second.ok ? `version ${second.version}` : second.message}); colours are read without names`, found: second.ok ? `version ${second.version}` : second.found, expected: 'a version 2 section after version 1' });
  }
  const swatches: ImportedSwatch[] = [];
  colors.forEach((c, i) => {
    const entry = i + 1;
    const device = deviceOf(c);
    if (!device) {
      issues.push({ file, entry, name: c.name, code: 'unsupported_color', message: `colour space ${c.space} is not one brandlock reads`, found: String(c.space), expected: '0 RGB, 1 HSB, 7 Lab or 8 Grayscale (2 and 9 CMYK need a press profile)' });
      return;
    }
    const res = toPaletteColor(device, (n) => decimalText(n, 4));
    if (!res.success) {
      issues.push({ file, entry, name: c.name, code: 'unsupported_color', message: res.message, found: res.found, expected: res.expected });
      return;
    }
    const { code, name } = splitPantone(c.name ?? '');
    swatches.push({ name: name || `Swatch ${entry}`, ...(code ? { code } : {}), color: res.color, original: res.original, conversion: res.conversion, file, entry });
  });
  return { swatches, issues };
}

function deviceOf(c: RawColor): DeviceColor | null {
  const s16 = (v: number) => (v > 32767 ? v - 65536 : v);
  switch (c.space) {
    case 0:
      return { model: 'rgb', r: c.w / 65535, g: c.x / 65535, b: c.y / 65535 };
    case 1:
      return { model: 'hsb', h: c.w / 65536, s: c.x / 65535, v: c.y / 65535 };
    case 2:
      return { model: 'cmyk', c: 1 - c.w / 65535, m: 1 - c.x / 65535, y: 1 - c.y / 65535, k: 1 - c.z / 65535 };
    case 9:
      return { model: 'cmyk', c: c.w / 10000, m: c.x / 10000, y: c.y / 10000, k: c.z / 10000 };
    case 7:
      return { model: 'lab-d50', l: c.w / 100, a: s16(c.x) / 100, b: s16(c.y) / 100 };
    case 8:
      return { model: 'gray', gray: 1 - Math.min(10000, c.w) / 10000 };
    default:
      return null;
  }
}

type Section = { ok: true; version: number; colors: RawColor[]; end: number } | { ok: false; message: string; found: string; expected: string };

function readSection(view: DataView, start: number): Section {
  const version = view.getUint16(start);
  if (version !== 1 && version !== 2) return { ok: false, message: 'not a Photoshop swatches file', found: `version ${version}`, expected: 'version 1 or 2' };
  const count = view.getUint16(start + 2);
  const colors: RawColor[] = [];
  let pos = start + 4;
  for (let i = 0; i < count; i++) {
    if (pos + 10 > view.byteLength) return { ok: false, message: `the file ends after ${i} of ${count} colours`, found: `${view.byteLength} bytes`, expected: `${count} colours of 10 bytes${version === 2 ? ' plus a name' : ''}` };
    const c: RawColor = { space: view.getUint16(pos), w: view.getUint16(pos + 2), x: view.getUint16(pos + 4), y: view.getUint16(pos + 6), z: view.getUint16(pos + 8) };
    pos += 10;
    if (version === 2) {
      if (pos + 4 > view.byteLength) return { ok: false, message: `colour ${i + 1}'s name is cut short`, found: `${view.byteLength - pos} bytes`, expected: 'a 4-byte name length' };
      const units = view.getUint32(pos);
      pos += 4;
      if (units > 1000 || pos + units * 2 > view.byteLength) return { ok: false, message: `colour ${i + 1}'s name runs past the end of the file`, found: `${units} characters`, expected: `at most ${Math.floor((view.byteLength - pos) / 2)}` };
      let name = '';
      for (let u = 0; u < units; u++) {
        const ch = view.getUint16(pos + u * 2);
        if (ch === 0) break;
        name += String.fromCharCode(ch);
      }
      pos += units * 2;
      c.name = name.replace(/[\u0000-\u001f\u007f]/g, ' ').trim().slice(0, 200);
    }
    colors.push(c);
  }
  return { ok: true, version, colors, end: pos };
}
