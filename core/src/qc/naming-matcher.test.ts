import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { namingMatcher } from './naming-matcher';
import { imageTargetMatcher } from './match-image-to-sku';
import { parseBrief } from '../brief/parse-brief';
import { planBrief } from '../brief/plan-brief';
import { sampleLock } from '../../test-fixtures/qc/sample-lock';

const lock = sampleLock();

describe('namingMatcher', () => {
  const match = namingMatcher(lock);

  it('reads every token back out of a delivered file name', () => {
    expect(match('northfold_nf-jr-3001_jet-black_front_pdp-2x3_2000x3000.jpg')).toEqual({
      brand: 'northfold',
      sku: 'nf-jr-3001',
      colorway: 'jet-black',
      view: 'front',
      channel: 'pdp-2x3',
      width: '2000',
      height: '3000',
      ext: 'jpg',
    });
  });

  it('accepts "master" in place of a channel, ignores case and refuses other names', () => {
    expect(match('NORTHFOLD_NF-1_ink_back_master_1024x1536.PNG')?.channel).toBe('master');
    expect(match('northfold_nf-1_ink_back_pdp-9x9_1024x1536.jpg')).toBeNull();
    expect(match('IMG_0042.jpg')).toBeNull();
    expect(match(`northfold_${'x'.repeat(300)}_ink_back_master_1x1.jpg`)).toBeNull();
  });

  it('takes the shortest SKU when a name is ambiguous, and the brief SKU when one is known', () => {
    expect(match('northfold_nf_jr_1_ink_front_zoom_1200x1500.webp')).toMatchObject({ sku: 'nf', colorway: 'jr_1_ink' });
    expect(namingMatcher(lock, ['NF_JR_1'])('northfold_nf_jr_1_ink_front_zoom_1200x1500.webp')).toMatchObject({ sku: 'nf_jr_1', colorway: 'ink' });
  });
});

describe('imageTargetMatcher', () => {
  it('without a brief: category from --category, swatch from the palette by colorway', () => {
    const place = imageTargetMatcher(lock, { defaultCategory: 'jersey' });
    const res = place('northfold_nf-1_ink_front_marketplace_2000x2000.jpg');
    expect(res.success && res.targets[0].swatch?.name).toBe('Ink navy');
    expect(res.success && res.targets[0].channel?.id).toBe('marketplace');
    const none = imageTargetMatcher(lock)('northfold_nf-1_ink_front_master_1x1.jpg');
    expect(none).toMatchObject({ success: false, code: 'no_category' });
  });

  it('with the sample brief: by SKU in the name, or by the source images a row lists', () => {
    const plan = planBrief(parseBrief(readFileSync(new URL('../../../samples/brief.csv', import.meta.url), 'utf8')).brief, lock);
    const sources = new Map<string, typeof plan.jobs>();
    for (const j of plan.jobs) for (const s of j.sources) sources.set(s, [...(sources.get(s) ?? []), j]);
    const place = imageTargetMatcher(lock, { jobs: plan.jobs, jobsForSource: (key) => sources.get(key) });
    const byName = place('northfold_NF-JR-3002_chalk_back_master_1024x1536.jpg');
    expect(byName.success && byName.targets.map((t) => [t.sku, t.view, t.category.id, t.swatch?.name])).toEqual([['NF-JR-3002', 'back', 'jersey', 'Chalk']]);
    const bySource = place('cd-blazer-cream-white-sheet.jpg', 'photos/flatlay/cd-blazer-cream-white-sheet.jpg');
    expect(bySource.success && bySource.targets.map((t) => t.sku)).toEqual(['NF-OW-4001']);
    const shared = place('payload-tshirt-white-cutout.png', 'photos/packshot/payload-tshirt-white-cutout.png');
    expect(shared.success && [...new Set(shared.targets.map((t) => t.sku))]).toEqual(['NF-SH-6002', 'NF-EV-7002']);
    expect(place('northfold_NF-XX-1_chalk_back_master_1024x1536.jpg')).toMatchObject({ success: false, code: 'unknown_sku' });
    expect(place('holiday.jpg', 'photos/holiday.jpg')).toMatchObject({ success: false, code: 'no_match' });
  });
});
