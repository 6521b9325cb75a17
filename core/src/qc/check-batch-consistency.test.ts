import { describe, expect, it } from 'vitest';
import { checkBatchConsistency, type BatchItem } from './check-batch-consistency';
import { SEED_CATEGORIES } from '../brand/seed-categories';

const thresholds = SEED_CATEGORIES['jersey-knits'].qc;
const item = (key: string, sku: string, l: number, bgB: number, ev: number): BatchItem => ({
  key,
  sku,
  colorway: 'sage',
  lighting: 'studio-warm',
  thresholds,
  garment: { l, a: -13, b: 18 },
  background: { l: 95, a: 0.5, b: bgB },
  exposureEv: ev,
});

describe('checkBatchConsistency', () => {
  const findings = checkBatchConsistency([
    item('a', 'NF-1', 69, 3, 0),
    item('b', 'NF-1', 69.3, 3.1, 0.05),
    item('c', 'NF-1', 64, 3, -0.4),
    item('d', 'NF-2', 50, 9, 0.02),
  ]);
  const get = (key: string, check: string) => findings.get(key)?.find((f) => f.check === check);

  it('flags the image of a SKU whose garment drifted from its siblings', () => {
    expect(get('a', 'color-drift')?.severity).toBe('pass');
    expect(get('c', 'color-drift')?.severity).toBe('flag');
    expect(get('c', 'color-drift')?.measured as number).toBeGreaterThan(1.5);
    expect(get('d', 'color-drift')).toBeUndefined();
  });

  it('flags backdrop and exposure drift across images under one lighting preset', () => {
    expect(get('d', 'background-drift')?.severity).toBe('flag');
    expect(get('a', 'background-drift')?.severity).toBe('pass');
    expect(get('c', 'exposure-drift')?.severity).toBe('flag');
    expect(get('b', 'exposure-drift')?.severity).toBe('pass');
  });
});
