import { describe, expect, it } from 'vitest';
import { reviewLayers, reviewStatus } from './review-status';
import type { ReviewDecision } from './review-decision';

const d = (layer: 'technical' | 'brand', decision: 'approve' | 'reject', at: string): ReviewDecision => ({ layer, decision, at, reviewer: layer === 'brand' ? 'Ines (AD)' : 'Sam', role: layer === 'brand' ? 'art-director' : 'retoucher', reason: decision === 'reject' ? 'why' : '' });

describe('reviewStatus over the two human layers', () => {
  it('lets the technical layer send an asset on to brand review or back to regeneration', () => {
    expect(reviewStatus('flag', [d('technical', 'approve', '2027-01-01T10:00:00Z')], 'on-flag')).toBe('ready');
    expect(reviewStatus('pass', [d('technical', 'reject', '2027-01-01T10:00:00Z')], 'on-flag')).toBe('rejected');
  });

  it('keeps a brand rejection whatever the technical layer says after it, until the brand layer changes it', () => {
    const rejected = [d('brand', 'reject', '2027-01-01T10:00:00Z'), d('technical', 'approve', '2027-01-01T11:00:00Z')];
    expect(reviewStatus('pass', rejected, 'on-flag')).toBe('rejected');
    expect(reviewStatus('pass', [...rejected, d('brand', 'approve', '2027-01-01T12:00:00Z')], 'on-flag')).toBe('approved');
    expect(reviewLayers(rejected)).toMatchObject({ technical: { decision: 'approve' }, brand: { decision: 'reject' } });
  });

  it('leaves the queue to automation without decisions', () => {
    expect(reviewStatus('reject', [], 'on-flag')).toBe('rejected');
    expect(reviewStatus('pass', [], 'always')).toBe('flagged');
    expect(reviewStatus('pass', [], 'on-flag')).toBe('ready');
  });
});
