/** Names and numbers of QC findings as a retoucher reads them in the panel. */
import type { Finding } from '@brandlock/core/qc';

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
