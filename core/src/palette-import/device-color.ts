/**
 * Device colours from swatch files into palette colours. RGB is read as sRGB (what Adobe apps use for
 * RGB swatches by default; a file does not say), grey as sRGB-encoded grey, HSB through sRGB. CMYK is
 * refused: its Lab depends on the press profile, which a swatch file does not carry, and a guessed
 * conversion would make a wrong target colour look authoritative.
 */
import { labD50ToD65 } from './lab-adaptation';
import { float32Text, hexOf, labNotation } from './number-text';

export type DeviceColor =
  | { model: 'rgb'; r: number; g: number; b: number }
  | { model: 'hsb'; h: number; s: number; v: number }
  | { model: 'gray'; gray: number }
  | { model: 'lab-d50'; l: number; a: number; b: number }
  | { model: 'cmyk'; c: number; m: number; y: number; k: number };

export type PaletteColorResult = { success: true; color: string; original: string; conversion: string } | { success: false; message: string; found: string; expected: string };

const EXPECTED = 'an RGB, Lab or grey swatch (convert CMYK swatches to Lab in Illustrator or Photoshop with your press profile first)';

/**
 * @example toPaletteColor({ model: 'rgb', r: 1, g: 0, b: 0 }) // { success: true, color: '#ff0000', ... }
 */
export function toPaletteColor(c: DeviceColor, numberText: (n: number) => string = float32Text): PaletteColorResult {
  const t = numberText;
  switch (c.model) {
    case 'rgb': {
      if (![c.r, c.g, c.b].every((v) => Number.isFinite(v) && v >= -0.0005 && v <= 1.0005)) return { success: false, message: 'RGB value outside 0..1', found: `RGB ${t(c.r)} ${t(c.g)} ${t(c.b)}`, expected: 'each channel 0..1' };
      return { success: true, color: hexOf(c.r, c.g, c.b), original: `RGB ${t(c.r)} ${t(c.g)} ${t(c.b)}`, conversion: 'read as sRGB, rounded to 8 bits' };
    }
    case 'gray': {
      if (!(c.gray >= 0 && c.gray <= 1)) return { success: false, message: 'grey value outside 0..1', found: `Gray ${t(c.gray)}`, expected: '0..1' };
      return { success: true, color: hexOf(c.gray, c.gray, c.gray), original: `Gray ${t(c.gray)}`, conversion: 'read as sRGB grey, rounded to 8 bits' };
    }
    case 'hsb': {
      const [r, g, b] = hsbToRgb(c.h, c.s, c.v);
      return { success: true, color: hexOf(r, g, b), original: `HSB ${t(c.h * 360)} ${t(c.s)} ${t(c.v)}`, conversion: 'HSB to sRGB, rounded to 8 bits' };
    }
    case 'lab-d50': {
      if (!(c.l >= 0 && c.l <= 100) || !Number.isFinite(c.a) || !Number.isFinite(c.b)) return { success: false, message: 'Lab lightness outside 0..100', found: `LAB ${t(c.l)} ${t(c.a)} ${t(c.b)}`, expected: 'L* 0..100' };
      return { success: true, color: labNotation(labD50ToD65(c)), original: `LAB D50 ${t(c.l)} ${t(c.a)} ${t(c.b)}`, conversion: 'Lab D50 (Adobe) to D65 by Bradford adaptation' };
    }
    case 'cmyk':
      return { success: false, message: 'CMYK swatch: its colour depends on a press profile the file does not carry', found: `CMYK ${t(c.c)} ${t(c.m)} ${t(c.y)} ${t(c.k)}`, expected: EXPECTED };
  }
}

function hsbToRgb(h: number, s: number, v: number): [number, number, number] {
  const i = Math.floor(h * 6) % 6;
  const f = h * 6 - Math.floor(h * 6);
  const p = v * (1 - s);
  const q = v * (1 - f * s);
  const u = v * (1 - (1 - f) * s);
  return ([[v, u, p], [q, v, p], [p, v, u], [p, q, v], [u, p, v], [v, p, q]] as const)[i] as [number, number, number];
}
