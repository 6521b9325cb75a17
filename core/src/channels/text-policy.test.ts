import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { CHANNEL_PRESETS } from './catalog';
import { channelTextPolicy } from './text-policy';
import { loadBrandLock } from '../brand/load-brand-lock';

const sample = () => JSON.parse(readFileSync(new URL('../../../samples/brand-lock.json', import.meta.url), 'utf8'));

describe('where copy may go', () => {
  it('never on marketplace presets, nor wholesale, product pages or detail crops by default; social and lifestyle inside their safe area', () => {
    const allowed = Object.fromEntries(Object.values(CHANNEL_PRESETS).map((c) => [c.id, channelTextPolicy(c).allowed]));
    expect(allowed).toMatchObject({ 'marketplace-main': false, 'google-merchant': false, zalando: false, 'wholesale-square': false, 'mobile-zoom-detail': false, 'pdp-hero-4x5': false, 'instagram-feed-4x5': true, 'instagram-story-9x16': true, 'lifestyle-3x2': true, 'pinterest-2x3': true });
    expect(channelTextPolicy(CHANNEL_PRESETS['instagram-reels-9x16']).area).toEqual({ top: 269, right: 65, bottom: 672, left: 65 });
  });

  it('lets a lock allow text on a hero channel, with its own text area, and refuses text on a marketplace channel at lock check', () => {
    const doc = sample();
    doc.channels.push(
      { id: 'pdp-campaign', preset: 'pdp-hero-4x5', textAllowed: true, textSafeArea: { top: 100, right: 80, bottom: 120, left: 80 } },
      { id: 'amazon', preset: 'marketplace-main', textAllowed: true },
    );
    const at = doc.channels.length - 1;
    const res = loadBrandLock(doc);
    expect(res.success).toBe(false);
    if (res.success) return;
    expect(res.issues.map((i) => `${i.path}: ${i.message}`)).toEqual([`channels[${at}].textAllowed: marketplace product images must not carry text (Amazon, Google Shopping and Zalando refuse them)`]);
    doc.channels.pop();
    const ok = loadBrandLock(doc);
    if (!ok.success) throw new Error(JSON.stringify(ok.issues));
    expect(channelTextPolicy(ok.lock.channels.at(-1)!)).toMatchObject({ allowed: true, area: { top: 100, right: 80, bottom: 120, left: 80 } });
  });
});
