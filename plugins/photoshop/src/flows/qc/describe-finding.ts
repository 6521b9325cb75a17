/** Names and numbers of QC findings as a retoucher reads them in the panel. */
import type { Finding } from '@brandlock/core/qc';
import type { Lab } from '@brandlock/core/color';
import { labD65ToD50 } from '@brandlock/core/palette-import';

const names: Record<string, string> = {
  resolution: 'Resolution',
  aspect: 'Aspect ratio',
  'color-profile': 'Colour profile',
  'delta-e': 'Colour vs swatch',
  'highlight-clip': 'Blown highlights',
  'shadow-clip': 'Crushed shadows',
  level: 'Exposure',
  'background-cast': 'White balance',
  uniformity: 'Backdrop evenness',
  'stray-objects': 'Stray objects',
  'pure-white': 'Pure white backdrop',
  fill: 'Product fill',
  laplacian: 'Sharpness',
  'edge-ring': 'Edge halo',
};

export function findingTitle(f: Finding): string {
  return names[f.check] ?? f.check.replace(/-/g, ' ').replace(/^./, (c) => c.toUpperCase());
}

function number(v: number): string {
  return Math.abs(v) >= 100 ? v.toFixed(0) : Math.abs(v) >= 10 ? v.toFixed(1) : v.toFixed(2);
}

/** "38.76 ΔE00" */
export function measuredText(f: Finding): string {
  if (f.measured === null) return 'not measured';
  return typeof f.measured === 'number' ? `${number(f.measured)}${f.unit ? ` ${f.unit}` : ''}` : String(f.measured);
}

/** "flag > 1.33 · reject > 2", or the expected value when the limit is not a number. */
export function limitText(f: Finding): string {
  if (f.limits) {
    const op = f.limits.direction === 'max' ? '>' : '<';
    return [f.limits.flag !== undefined ? `flag ${op} ${number(f.limits.flag)}` : '', f.limits.reject !== undefined ? `reject ${op} ${number(f.limits.reject)}` : '']
      .filter(Boolean)
      .join(' · ');
  }
  return f.expected ? `expected ${f.expected}` : '';
}

const LAB_NOTATION = /\blab\((-?\d+(?:\.\d+)?) (-?\d+(?:\.\d+)?) (-?\d+(?:\.\d+)?)\)/g;

/**
 * A finding's message as the panel shows it: brandlock writes colours in its lock's notation, CIELAB
 * D65 (`lab(48.7 30.8 34.3)`), but Photoshop's Info panel and Color Picker read Lab D50, so the same
 * garment would read several units apart. Each such colour is shown in D50, as the chips beside it
 * and the eyedropper give it ("Lab 49 31 35"). The message kept in the document's XMP is unchanged.
 */
export function findingMessage(f: Pick<Finding, 'message'>): string {
  return withLabInD50(f.message);
}

/** Any QC text (a finding, a review reason) with brandlock's `lab(...)` D65 colours given in D50. */
export function withLabInD50(text: string): string {
  return text.replace(LAB_NOTATION, (_, l: string, a: string, b: string) => `Lab ${labD50Text(labD65ToD50({ l: Number(l), a: Number(a), b: Number(b) }))}`);
}

/** Lab D50 as Photoshop's Info panel gives it: whole numbers. */
export const labD50Text = (lab: Lab): string => `${lab.l.toFixed(0)} ${lab.a.toFixed(0)} ${lab.b.toFixed(0)}`;
