/** Words for rules, checks and limits as a production lead reads them in the report. */
import type { Finding } from '@brandlock/core';

export const RULE_LABELS: Readonly<Record<string, string>> = {
  technical: 'Technical',
  color: 'Colour',
  exposure: 'Exposure',
  'white-balance': 'White balance',
  background: 'Background',
  sharpness: 'Sharpness',
  compression: 'Compression',
  halo: 'Halo / fringe',
  consistency: 'Batch consistency',
  'human-review': 'Human review',
};

const CHECK_LABELS: Readonly<Record<string, string>> = {
  resolution: 'resolution',
  aspect: 'aspect ratio',
  'bit-depth': 'bit depth',
  'color-profile': 'colour profile',
  format: 'file format',
  'file-size': 'file size',
  'delta-e': 'ΔE00 vs swatch',
  'highlight-clip': 'clipped highlights',
  'shadow-clip': 'clipped shadows',
  level: 'level vs target',
  'background-cast': 'backdrop cast',
  uniformity: 'uniformity',
  transparent: 'transparent backdrop',
  'pure-white': 'pure white',
  'stray-objects': 'stray objects',
  fill: 'product fill',
  blur: 'edge blur',
  'jpeg-quality': 'JPEG quality',
  blockiness: '8x8 blocking',
  'edge-ring': 'edge ring',
  'color-drift': 'colour drift in SKU',
  'background-drift': 'backdrop drift',
  'exposure-drift': 'exposure drift',
  category: 'category rule',
  'provider-flag': 'provider flag',
  'person-flag': 'reviewer flag',
};

/** "Colour · ΔE00 vs swatch" */
export function findingTitle(f: { rule: string; check: string }): string {
  return `${RULE_LABELS[f.rule] ?? f.rule} · ${CHECK_LABELS[f.check] ?? f.check}`;
}

/** The measured value with its unit: "3.41 ΔE00", "0.62%", "4000x3000 px". */
export function measuredText(f: Pick<Finding, 'measured' | 'unit'>): string {
  if (f.measured === null) return '–';
  if (typeof f.measured === 'string') return f.unit === 'px' ? `${f.measured} px` : f.measured;
  const unit = f.unit === '%' ? '%' : f.unit === 'bytes' ? ' bytes' : f.unit ? ` ${f.unit}` : '';
  return `${f.measured}${unit}`;
}

/** "flag > 2 · reject > 3", "flag < 40 · reject < 20", or the expected value. */
export function limitText(f: Pick<Finding, 'limits' | 'expected'>): string {
  const l = f.limits;
  if (!l) return f.expected ? `expected ${f.expected}` : '';
  const op = l.direction === 'max' ? '>' : '<';
  return [l.flag !== undefined ? `flag ${op} ${l.flag}` : '', l.reject !== undefined ? `reject ${op} ${l.reject}` : ''].filter(Boolean).join(' · ');
}
