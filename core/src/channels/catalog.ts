/**
 * Built-in channel presets a lock can reference by id and override field by field.
 * Figures come from ../shared/reference/color-channels.md; `source.official` is false where the figure
 * comes from a third-party summary rather than the platform's own page. Check those before relying on them.
 */
import { ChannelSpec, type ChannelSpecInput } from './channel-spec';

const thirdParty = (url: string, note = '') => ({ url, official: false, note });
const official = (url: string, note = '') => ({ url, official: true, note });

const presets: ChannelSpecInput[] = [
  {
    id: 'pdp-hero-2x3', name: 'PDP hero 2:3', kind: 'hero', maxUpscale: 2, width: 2000, height: 3000, fit: 'cover',
    focal: 'head-to-hem', format: 'jpeg', quality: 90, margin: 0.06,
  },
  {
    id: 'pdp-hero-3x4', name: 'PDP hero 3:4', kind: 'hero', maxUpscale: 2, width: 1800, height: 2400, fit: 'cover',
    focal: 'head-to-hem', format: 'jpeg', quality: 90, margin: 0.06,
  },
  {
    id: 'pdp-hero-4x5', name: 'PDP hero 4:5', kind: 'hero', maxUpscale: 2, width: 1600, height: 2000, fit: 'cover',
    focal: 'head-to-hem', format: 'jpeg', quality: 90, margin: 0.06,
  },
  {
    id: 'mobile-zoom-detail', name: 'Mobile zoom detail crop', kind: 'detail', maxUpscale: 1, width: 1200, height: 1500, fit: 'cover',
    focal: 'detail', detailZoom: 2.5, format: 'jpeg', quality: 92,
  },
  {
    id: 'lifestyle-3x2', name: 'Lifestyle crop 3:2', kind: 'lifestyle', maxUpscale: 1.5, width: 2400, height: 1600, fit: 'cover',
    focal: 'saliency', format: 'jpeg', quality: 88,
  },
  {
    id: 'instagram-feed-1x1', name: 'Instagram feed 1:1', kind: 'social', maxUpscale: 1.25, width: 1080, height: 1080, fit: 'cover',
    format: 'jpeg', quality: 90, maxBytes: 8_000_000,
    source: thirdParty('https://recurpost.com/blog/instagram-post-size-guide', 'cites the Instagram help centre'),
  },
  {
    id: 'instagram-feed-4x5', name: 'Instagram feed 4:5', kind: 'social', maxUpscale: 1.25, width: 1080, height: 1350, fit: 'cover',
    format: 'jpeg', quality: 90, maxBytes: 8_000_000,
    source: thirdParty('https://recurpost.com/blog/instagram-post-size-guide', 'cites the Instagram help centre'),
  },
  {
    id: 'instagram-story-9x16', name: 'Instagram Stories / Reels 9:16', kind: 'social', maxUpscale: 1.25, width: 1080, height: 1920, fit: 'cover',
    safeArea: { top: 250, right: 0, bottom: 340, left: 0 }, format: 'jpeg', quality: 90, maxBytes: 30_000_000,
    source: thirdParty('https://www.xyzlab.com/meta-ads-specs', 'Stories safe zone top 250 px / bottom 340 px at 1080x1920'),
  },
  {
    id: 'instagram-reels-9x16', name: 'Instagram / Facebook Reels cover 9:16', kind: 'social', maxUpscale: 1.25, width: 1080, height: 1920, fit: 'cover',
    safeArea: { top: 269, right: 65, bottom: 672, left: 65 }, format: 'jpeg', quality: 90, maxBytes: 30_000_000,
    source: thirdParty('https://www.xyzlab.com/meta-ads-specs', 'Reels safe zone top 358 / bottom 896 / sides 86 px at 1440x2560, scaled to 1080x1920'),
  },
  {
    id: 'pinterest-2x3', name: 'Pinterest 2:3', kind: 'social', maxUpscale: 1.25, width: 1000, height: 1500, fit: 'cover',
    format: 'png', maxBytes: 20_000_000,
    source: official('https://help.pinterest.com/en/business/article/pinterest-product-specs', 'PNG in sRGB recommended; re-encoded to 8-bit JPEG by Pinterest'),
  },
  {
    id: 'zalando', name: 'Zalando packshot 1:1.44', kind: 'marketplace', maxUpscale: 1, width: 1801, height: 2600, fit: 'pad',
    background: '#ffffff', format: 'jpeg', quality: 92, maxBytes: 20_000_000, markets: [],
    source: official('https://partner.zalando.com/university/article/visual-content-and-post-production-guide', 'best 1801x2600, min 762x1100, JPEG up to 20 MB'),
  },
  {
    id: 'marketplace-main', name: 'Marketplace main image (white, 85% fill)', kind: 'marketplace', maxUpscale: 1, width: 2000, height: 2000,
    fit: 'pad', background: '#ffffff', minFill: 0.85, margin: 0.03, format: 'jpeg', quality: 92, maxBytes: 10_000_000,
    source: thirdParty('https://mercatuslab.com/blog/amazon-product-image-requirements', 'pure white 255,255,255; product fills at least 85% of the frame'),
  },
  {
    id: 'google-merchant', name: 'Google Merchant Center', kind: 'marketplace', maxUpscale: 1, width: 1500, height: 1500, fit: 'pad',
    background: '#ffffff', format: 'jpeg', quality: 90, maxBytes: 16_000_000,
    source: official('https://support.google.com/merchants/answer/6324350', 'formats official; sizes (250 px apparel minimum, 64 MP / 16 MB maximum) from sharpfeed.io'),
  },
  {
    id: 'wholesale-square', name: 'Wholesale portal square', kind: 'wholesale', maxUpscale: 1, width: 2048, height: 2048, fit: 'pad',
    background: '#ffffff', format: 'jpeg', quality: 90, maxBytes: 20_000_000,
    source: thirdParty('https://pixfocal.com', 'Shopify-style 2048x2048 square'),
  },
];

/** The built-in presets, validated, by id. */
export const CHANNEL_PRESETS: Readonly<Record<string, ChannelSpec>> = Object.freeze(
  Object.fromEntries(presets.map((p) => [p.id, ChannelSpec.parse(p)])),
);

/** Ids of all built-in presets. */
export const CHANNEL_PRESET_IDS: readonly string[] = Object.keys(CHANNEL_PRESETS);
