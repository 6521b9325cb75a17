import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { loadBrandLock } from '@brandlock/core/brand';
import { ChannelSpec, planVariants } from '@brandlock/core/channels';
import { frameNameFor, planVariantFrame } from './plan-variant-frame';

const res = loadBrandLock(JSON.parse(readFileSync(new URL('../../../../samples/brand-lock.json', import.meta.url), 'utf8')));
if (!res.success) throw new Error('sample lock');
const lock = res.lock;
const master = { width: 3000, height: 4000 };
const subject = { x: 1000, y: 500, width: 1000, height: 3000 };
const overlay = { text: ' New: washed linen ', position: 'auto' as const, font: { family: 'Inter', style: 'Bold' }, color: { r: 1, g: 1, b: 1 }, align: 'LEFT' as const };

// As the plugin plans them (make-variants.ts): Figma frames are made whatever the lock's maxUpscale.
function plansFor(channelIds: string[], sku = 'NF-WV-1001', extra: Partial<Parameters<typeof planVariants>[0]> = {}) {
  return planVariants({ lock, lockHash: 'sha256:x', master, subject, sku, colorway: 'ink', view: 'front', channels: lock.channels.filter((c) => channelIds.includes(c.id)).map((c) => ({ ...c, maxUpscale: Number.POSITIVE_INFINITY })), provenance: { digitalSourceType: 'digitalCapture' }, ...extra });
}

describe('planVariantFrame', () => {
  it('turns core\'s Stories plan into a frame: name from the lock\'s template, CROP fill, safe area, export settings', () => {
    const { plans } = plansFor(['stories']);
    const frame = planVariantFrame(plans[0], master, overlay);
    expect(frame).toMatchObject({
      fileName: 'northfold_nf-wv-1001_ink_front_stories_1080x1920.jpg',
      frameName: 'northfold_nf-wv-1001_ink_front_stories_1080x1920',
      width: 1080,
      height: 1920,
      background: { r: 1, g: 1, b: 1 },
      safeArea: { top: 250, bottom: 340 },
      exportSettings: [{ format: 'JPG', constraint: { type: 'WIDTH', value: 1080 }, colorProfile: 'SRGB' }],
      delivery: { format: 'jpeg', quality: 90, maxBytes: 30_000_000 },
    });
    const [[sx, , ox], [, sy, oy]] = frame.image.transform;
    // The visible part of the master keeps the whole subject, and the transform stays inside the image.
    expect(ox * master.width).toBeLessThanOrEqual(subject.x);
    expect((ox + sx) * master.width).toBeGreaterThanOrEqual(subject.x + subject.width);
    expect(oy * master.height).toBeLessThanOrEqual(subject.y);
    expect(oy + sy).toBeLessThanOrEqual(1 + 1e-9);
    expect(frame.overlay).toMatchObject({ text: 'New: washed linen', minSize: 22, maxSize: 86 });
    // A lock that sets its copy type sets the size range too: 2.5% to 4.5% of the short side here.
    const branded = planVariantFrame(plans[0], master, { ...overlay, sizeRange: { min: 0.025, max: 0.045 } });
    expect(branded.overlay).toMatchObject({ minSize: 27, maxSize: 49 });
    const box = frame.overlay!.box;
    expect(box.y).toBeGreaterThanOrEqual(250);
    expect(box.y + box.height).toBeLessThanOrEqual(1920 - 340);
    // The head-to-hem crop fills the safe area: the copy goes over the hem and says so.
    expect(frame.overlay!.vertical).toBe('BOTTOM');
    expect(frame.warnings.some((w) => /^the copy covers the garment \(\d+% of its box lies over the subject\)/.test(w))).toBe(true);
  });

  it('sets copy clear of the garment where the crop leaves room', () => {
    const { plans } = plansFor(['lifestyle'], 'NF-WV-1001', { subject: { x: 600, y: 1000, width: 700, height: 1500 } });
    const frame = planVariantFrame(plans[0], master, overlay);
    const s = plans[0].crop.subjectInOutput!;
    const b = frame.overlay!.box;
    expect(b.x + b.width <= s.x || b.x >= s.x + s.width || b.y + b.height <= s.y || b.y >= s.y + s.height).toBe(true);
    expect(frame.warnings.filter((w) => /copy/.test(w))).toEqual([]);
  });

  it('sets copy only on channels whose spec allows text, and says why the others have none', () => {
    const { plans } = plansFor(['marketplace', 'google', 'zalando', 'pdp-4x5', 'zoom', 'wholesale', 'ig-portrait', 'pinterest', 'lifestyle']);
    const frames = plans.map((p) => planVariantFrame(p, master, overlay));
    expect(Object.fromEntries(frames.map((f) => [f.channelId, f.overlay !== null]))).toEqual({ marketplace: false, google: false, zalando: false, 'pdp-4x5': false, zoom: false, wholesale: false, 'ig-portrait': true, pinterest: true, lifestyle: true });
    expect(frames.find((f) => f.channelId === 'marketplace')!.warnings).toContain('no copy: marketplace product images must not carry text');
  });

  it('pads a marketplace square with the spec background and places the image inside it', () => {
    const { plans } = plansFor(['marketplace']);
    const frame = planVariantFrame(plans[0], master, null);
    expect(frame.background).toEqual({ r: 1, g: 1, b: 1 });
    expect(frame.image.rect.x).toBeGreaterThan(0);
    expect(frame.image.rect.x + frame.image.rect.width).toBeLessThan(2000);
    expect(frame.overlay).toBeNull();
  });

  it('carries core\'s crop notes, renamed tokens, and puts no Export panel setting on formats Figma cannot write', () => {
    const avif = ChannelSpec.parse({ ...lock.channels.find((c) => c.id === 'pdp-webp')!, id: 'avif', format: 'avif' });
    const { plans } = planVariants({ lock, lockHash: 'sha256:x', master: { width: 600, height: 800 }, subject: null, sku: 'NF/1001', colorway: 'ink', view: 'front', channels: [avif], provenance: { digitalSourceType: 'digitalCapture' } });
    const frame = planVariantFrame(plans[0], { width: 600, height: 800 }, null);
    expect(frame.exportSettings).toEqual([]);
    expect(frame.warnings.some((w) => /upscal/i.test(w))).toBe(true);
    expect(frame.warnings).toContain('{sku} "NF/1001" is written "NF-1001" in the file name');
    expect(frame.warnings).toContain('AVIF is not a format Figma exports: use Export all, which has your brandlock server encode it (AVIF needs the server; offline it is not exported)');
  });

  it('names frames after the file name without its extension', () => {
    expect(frameNameFor('northfold_a_1080x1350.webp')).toBe('northfold_a_1080x1350');
  });
});
