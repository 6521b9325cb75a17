/**
 * Reads an Adobe Swatch Exchange (.ase) file, as Illustrator, InDesign and Photoshop write it.
 * Adobe has not published the format; this follows the de-facto description the palette tools share
 * (selapa.net "Swatches file formats: Adobe ASE"): big-endian, "ASEF", version 1.0, a u32 block count,
 * then blocks of u16 type (0x0001 colour, 0xC001 group start, 0xC002 group end) and u32 length; a
 * colour block holds a UTF-16BE name (u16 length in code units with its terminating NUL), a 4-byte
 * model ("RGB ", "CMYK", "LAB ", "Gray"), float32 values (RGB/CMYK/Gray 0..1; Lab L 0..1 for 0..100,
 * a and b in Lab units) and a u16 colour type (0 global, 1 spot, 2 normal). Lab is D50, as in every
 * Adobe application. Every entry is read on its own: a bad one is reported and the rest go on.
 */
import { toPaletteColor, type DeviceColor } from './device-color';
import { splitPantone } from './pantone-code';
import type { ImportedSwatch, PaletteImportIssue, SwatchFileResult } from './swatch-source';

const MAX_BLOCKS = 100_000;

/**
 * @example const { swatches, issues } = readAse(bytes, 'brand.ase');
 */
export function readAse(bytes: Uint8Array, file: string): SwatchFileResult {
  const swatches: ImportedSwatch[] = [];
  const issues: PaletteImportIssue[] = [];
  const bad = (message: string, found?: string, expected?: string, entry?: number, name?: string) => issues.push({ file, entry, name, code: entry === undefined ? 'invalid_file' : 'invalid_entry', message, found, expected });
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const sig = String.fromCharCode(...bytes.subarray(0, 4));
  if (bytes.length < 12 || sig !== 'ASEF') {
    bad('not an Adobe Swatch Exchange file', JSON.stringify(sig.replace(/[^\x20-\x7e]/g, '?')), '"ASEF" at the start of the file');
    return { swatches, issues };
  }
  const major = view.getUint16(4);
  if (major !== 1) bad('unknown .ase version; reading it as 1.0', `${major}.${view.getUint16(6)}`, '1.0');
  const count = view.getUint32(8);
  if (count > MAX_BLOCKS) {
    bad('too many blocks', String(count), `at most ${MAX_BLOCKS}`);
    return { swatches, issues };
  }
  let pos = 12;
  let group: string | undefined;
  let entry = 0;
  for (let block = 0; block < count; block++) {
    if (pos + 6 > bytes.length) {
      bad(`the file ends after ${block} of ${count} blocks`, `${bytes.length} bytes`, 'a complete block header');
      break;
    }
    const type = view.getUint16(pos);
    const length = view.getUint32(pos + 2);
    const start = pos + 6;
    const end = start + length;
    if (end > bytes.length) {
      bad(`block ${block + 1} runs past the end of the file`, `length ${length} at byte ${pos}`, `at most ${bytes.length - start} bytes`);
      break;
    }
    pos = end;
    if (type === 0xc002) {
      group = undefined;
      continue;
    }
    if (type !== 0x0001 && type !== 0xc001) {
      bad(`unknown block type 0x${type.toString(16)}; skipped`, `0x${type.toString(16)}`, '0x0001, 0xC001 or 0xC002');
      continue;
    }
    const name = readName(view, start, end);
    if (type === 0xc001) {
      group = name?.text;
      continue;
    }
    entry++;
    if (!name) {
      bad('the swatch name is cut short', `block of ${length} bytes`, 'a UTF-16 name ending in NUL', entry);
      continue;
    }
    const at = name.next;
    if (at + 4 > end) {
      bad('no colour model after the name', `${end - at} bytes left`, 'RGB, CMYK, LAB or Gray', entry, name.text);
      continue;
    }
    const model = String.fromCharCode(...bytes.subarray(at, at + 4));
    const channels = { 'RGB ': 3, CMYK: 4, 'LAB ': 3, Gray: 1 }[model];
    if (channels === undefined) {
      bad('unknown colour model', JSON.stringify(model), '"RGB ", "CMYK", "LAB " or "Gray"', entry, name.text);
      continue;
    }
    if (at + 4 + channels * 4 > end) {
      bad(`the ${model.trim()} values are cut short`, `${end - at - 4} bytes`, `${channels * 4} bytes of float32`, entry, name.text);
      continue;
    }
    const v = Array.from({ length: channels }, (_, i) => view.getFloat32(at + 4 + i * 4));
    const device: DeviceColor =
      model === 'RGB ' ? { model: 'rgb', r: v[0], g: v[1], b: v[2] } : model === 'CMYK' ? { model: 'cmyk', c: v[0], m: v[1], y: v[2], k: v[3] } : model === 'LAB ' ? { model: 'lab-d50', l: v[0] * 100, a: v[1], b: v[2] } : { model: 'gray', gray: v[0] };
    const res = toPaletteColor(device);
    if (!res.success) {
      issues.push({ file, entry, name: name.text, code: 'unsupported_color', message: res.message, found: res.found, expected: res.expected });
      continue;
    }
    const { code, name: plain } = splitPantone(name.text);
    swatches.push({ name: plain || `Swatch ${entry}`, ...(code ? { code } : {}), color: res.color, original: res.original, conversion: res.conversion, file, entry, ...(group ? { group } : {}) });
  }
  if (pos < bytes.length && !issues.some((i) => i.code === 'invalid_file')) bad(`${bytes.length - pos} bytes after the last of ${count} blocks are ignored`, `${bytes.length - pos} bytes`, 'the end of the file');
  return { swatches, issues };
}

function readName(view: DataView, start: number, end: number): { text: string; next: number } | null {
  if (start + 2 > end) return null;
  const units = view.getUint16(start);
  const next = start + 2 + units * 2;
  if (next > end) return null;
  let text = '';
  for (let i = 0; i < units; i++) {
    const u = view.getUint16(start + 2 + i * 2);
    if (u === 0) break;
    text += String.fromCharCode(u);
  }
  return { text: text.replace(/[\u0000-\u001f\u007f]/g, ' ').trim().slice(0, 200), next };
}
