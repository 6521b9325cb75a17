import { describe, expect, it } from 'vitest';
import { CHANNEL_PRESETS, ChannelSpec } from '@brandlock/core/channels';
import { planVariantFrame } from './plan-variant-frame';

const stories = CHANNEL_PRESETS['instagram-story-9x16'];
const overlay = { text: ' New: washed linen ', position: 'bottom' as const, font: { family: 'Inter', style: 'Bold' }, color: { r: 1, g: 1, b: 1 }, align: 'LEFT' as const };

describe('planVariantFrame', () => {
  it('turns a Stories spec and its crop window into a frame plan', () => {
    const plan = planVariantFrame({ spec: stories, image: { width: 3000, height: 4000 }, window: { x: 375, y: 0, width: 2250, height: 4000 }, cropNotes: [], fileName: 'a.jpg', frameName: 'a', overlay });
    expect(plan).toMatchObject({
      width: 1080,
      height: 1920,
      background: { r: 1, g: 1, b: 1 },
      image: { rect: { x: 0, y: 0, width: 1080, height: 1920 }, transform: [[0.75, 0, 0.125], [0, 1, 0]] },
      safeArea: { top: 250, bottom: 340 },
      exportSettings: [{ format: 'JPG', constraint: { type: 'WIDTH', value: 1080 }, colorProfile: 'SRGB' }],
      delivery: { format: 'jpeg', quality: 90, maxBytes: 30_000_000 },
      warnings: [],
    });
    expect(plan.overlay).toMatchObject({ text: 'New: washed linen', vertical: 'BOTTOM', minSize: 22, maxSize: 108 });
    expect(plan.overlay!.box.y + plan.overlay!.box.height).toBeLessThanOrEqual(1920 - 340);
  });

  it('warns when a small source is upsampled, and about AVIF, and exports non-JPEG specs as PNG', () => {
    const spec = ChannelSpec.parse({ ...stories, id: 'av', format: 'avif', background: 'transparent' });
    const plan = planVariantFrame({ spec, image: { width: 540, height: 960 }, window: { x: 0, y: 0, width: 540, height: 960 }, cropNotes: ['no head and hem lines were given'], fileName: 'a.avif', frameName: 'a', overlay: null });
    expect(plan.background).toBeNull();
    expect(plan.exportSettings[0].format).toBe('PNG');
    expect(plan.warnings).toEqual([
      'no head and hem lines were given',
      'Upsampled 2.0×: the crop holds 540 source pixels across where the channel needs 1080',
      'AVIF cannot be encoded inside Figma; this channel is skipped on export (the server pipeline renders it)',
    ]);
    expect(plan.overlay).toBeNull();
  });

  it('paints a Lab background as its sRGB colour', () => {
    const spec = ChannelSpec.parse({ ...stories, id: 'lab', background: 'lab(96 1 4)' });
    const plan = planVariantFrame({ spec, image: { width: 1080, height: 1920 }, window: { x: 0, y: 0, width: 1080, height: 1920 }, cropNotes: [], fileName: 'a', frameName: 'a', overlay: null });
    expect(plan.background!.r).toBeGreaterThan(plan.background!.b);
  });
});
