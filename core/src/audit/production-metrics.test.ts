import { describe, expect, it } from 'vitest';
import { computeProductionMetrics, distribution } from './production-metrics';
import { reviewStatus } from './review-status';
import type { ProductionRecord } from './production-record';
import type { ReviewDecision } from './review-decision';

const recipe = {
  prompt: 'p', negativePrompt: '', baseModel: 'flux-1-dev', loras: [], width: 1024, height: 1024, steps: 28, guidance: 3.5,
  seedPolicy: 'per-sku' as const, seed: 1, modelProfile: 'ava', lightingPreset: 'studio-warm', lut: null, poseSet: 'apparel-standard', view: 'front', textureNotes: '', drapeNotes: '',
};

let n = 0;
function record(over: Partial<ProductionRecord>): ProductionRecord {
  n++;
  return {
    assetId: `a${n}`, sha256: 'a'.repeat(64), contentType: 'image/png', width: 1, height: 1, bytes: 1, index: 0, jobId: `j${n}`, kind: 'generate',
    briefId: null, row: null, sku: `S${n}`, colorway: 'c', category: 'shirts', view: 'front', channel: null,
    lock: { hash: 'sha256:x', brand: 'b', version: 'v' }, recipe, recipeHash: 'sha256:r', modelProfile: 'ava', lightingPreset: 'studio-warm', poseSet: 'apparel-standard',
    provider: 'fal', providerJobId: 'p', model: null, modelVersion: null, seed: 1, loraWeights: [], note: null, sources: [], post: null, timings: null,
    qc: { verdict: 'pass', thresholds: null, measurements: {}, findings: [] }, reviews: [], costUsd: 0.05,
    requestedBy: 't', requestedAt: '2027-01-01T00:00:00Z', createdAt: '2027-01-01T00:01:00Z', ...over,
  };
}
const decide = (decision: 'approve' | 'reject', at: string): ReviewDecision => ({ decision, layer: 'brand', reviewer: 'r', role: 'art-director', reason: decision === 'reject' ? 'hands' : '', at });

describe('computeProductionMetrics', () => {
  it('computes first-pass approval, correction per category, SLA and cost per approved image', () => {
    const records = [
      record({ reviews: [decide('approve', '2027-01-01T10:00:00Z')], qc: { verdict: 'pass', thresholds: null, measurements: { deltaE00: 0.8 }, findings: [] } }),
      record({ reviews: [decide('reject', '2027-01-01T02:00:00Z'), decide('approve', '2027-01-04T00:00:00Z')], qc: { verdict: 'flag', thresholds: null, measurements: { deltaE00: 2.6 }, findings: [] } }),
      record({ category: 'denim', qc: { verdict: 'reject', thresholds: null, measurements: { deltaE00: 7.5 }, findings: [] } }),
      record({ category: 'denim', provider: 'local', costUsd: null }),
      record({ kind: 'moodboard', reviews: [decide('reject', '2027-01-01T01:00:00Z')] }),
    ];
    const m = computeProductionMetrics(records, { slaHours: 48 });
    expect(m.assets).toBe(4);
    expect(m.reviewed).toBe(2);
    expect(m.approved).toBe(2);
    expect(m.firstPassApprovalRate).toBe(0.5);
    expect(m.deltaE00.count).toBe(3);
    expect(m.deltaE00.max).toBe(7.5);
    expect(m.deltaE00.histogram.find((b) => b.from === 6)?.count).toBe(1);
    expect(m.deltaE00.histogram.find((b) => b.from === 2)?.count).toBe(1);
    expect(m.correctionByCategory).toEqual([
      { category: 'denim', assets: 2, corrected: 1, rate: 0.5 },
      { category: 'shirts', assets: 2, corrected: 1, rate: 0.5 },
    ]);
    expect(m.timeToApproval.count).toBe(2);
    expect(m.timeToApproval.withinSla).toBe(1);
    expect(m.timeToApproval.max).toBe(72);
    const fal = m.costPerApproved.find((c) => c.provider === 'fal')!;
    expect(fal).toMatchObject({ costUsd: 0.15, approved: 2, costPerApprovedUsd: 0.075 });
    expect(m.costPerApproved.find((c) => c.provider === 'local')).toMatchObject({ assetsWithoutCost: 1, approved: 0, costPerApprovedUsd: null });
  });

  it('reports nulls, not zeros, when nothing was reviewed', () => {
    const m = computeProductionMetrics([], { slaHours: 24 });
    expect(m.firstPassApprovalRate).toBeNull();
    expect(m.timeToApproval.withinSlaRate).toBeNull();
    expect(distribution([])).toMatchObject({ count: 0, p50: null });
  });

  it('takes nearest-rank percentiles', () => {
    const d = distribution([5, 1, 4, 2, 3, 6, 7, 8, 9, 10]);
    expect(d).toMatchObject({ p50: 5, p90: 9, p95: 10, max: 10, mean: 5.5 });
  });
});

describe('reviewStatus', () => {
  it('sends rejects to regeneration, flags and unchecked images to a retoucher, passes to brand review', () => {
    expect(reviewStatus('reject', [], 'on-flag')).toBe('rejected');
    expect(reviewStatus('flag', [], 'on-flag')).toBe('flagged');
    expect(reviewStatus('unchecked', [], 'on-flag')).toBe('flagged');
    expect(reviewStatus('pass', [], 'always')).toBe('flagged');
    expect(reviewStatus('pass', [], 'on-flag')).toBe('ready');
  });

  it('lets the latest human decision win over automation', () => {
    expect(reviewStatus('reject', [decide('approve', '2027-01-02T00:00:00Z')], 'on-flag')).toBe('approved');
    expect(reviewStatus('pass', [decide('approve', '2027-01-01T00:00:00Z'), decide('reject', '2027-01-03T00:00:00Z')], 'on-flag')).toBe('rejected');
  });
});
