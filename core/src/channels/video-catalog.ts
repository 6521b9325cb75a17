/**
 * Built-in video channel presets a lock references with `"preset"` and overrides field by field.
 * `source.official` is false where a figure comes from a third-party summary: check those before
 * relying on them. PDP loops are brandlock's house spec (a loop the product page can afford to load).
 */
import { VideoChannelSpec, type VideoChannelSpecInput } from './video-channel-spec';

const thirdParty = (url: string, note = '') => ({ url, official: false, note });
const official = (url: string, note = '') => ({ url, official: true, note });

const presets: VideoChannelSpecInput[] = [
  {
    id: 'pdp-loop-4x5', name: 'PDP loop 4:5', kind: 'pdp-loop', width: 1080, height: 1350, minSeconds: 3, maxSeconds: 10,
    minFps: 24, maxFps: 30, maxBitrateKbps: 6000, maxBytes: 6_000_000, loop: true,
  },
  {
    id: 'pdp-loop-1x1', name: 'PDP loop 1:1', kind: 'pdp-loop', width: 1080, height: 1080, minSeconds: 3, maxSeconds: 10,
    minFps: 24, maxFps: 30, maxBitrateKbps: 5000, maxBytes: 5_000_000, loop: true,
  },
  {
    id: 'instagram-reels-9x16', name: 'Instagram / Facebook Reels 9:16', kind: 'social', width: 1080, height: 1920, minSeconds: 3, maxSeconds: 90,
    minFps: 23, maxFps: 60, maxBitrateKbps: 8000, maxBytes: 4_000_000_000,
    safeArea: { top: 269, right: 65, bottom: 672, left: 65 },
    source: thirdParty('https://www.xyzlab.com/meta-ads-specs', 'Reels 9:16 1080x1920; safe zone top 358 / bottom 896 / sides 86 px at 1440x2560, scaled to 1080x1920'),
  },
  {
    id: 'tiktok-9x16', name: 'TikTok in-feed 9:16', kind: 'social', width: 1080, height: 1920, minSeconds: 5, maxSeconds: 60,
    minFps: 23, maxFps: 60, maxBitrateKbps: 8000, minBitrateKbps: 516, maxBytes: 500_000_000,
    safeArea: { top: 130, right: 140, bottom: 370, left: 60 },
    source: official('https://ads.tiktok.com/help/article?aid=6669199281502552069', '9:16 at least 720x1280, 5-60 s (9-15 s suggested), at least 516 kbps, at most 500 MB; the safe zone is from third-party summaries'),
  },
  {
    id: 'instagram-feed-video-1x1', name: 'Instagram feed video 1:1', kind: 'social', width: 1080, height: 1080, minSeconds: 3, maxSeconds: 60,
    minFps: 23, maxFps: 60, maxBitrateKbps: 8000, maxBytes: 4_000_000_000,
    source: thirdParty('https://recurpost.com/blog/instagram-post-size-guide', 'feed 1:1 1080x1080; video length from the same summary'),
  },
  {
    id: 'instagram-feed-video-4x5', name: 'Instagram feed video 4:5', kind: 'social', width: 1080, height: 1350, minSeconds: 3, maxSeconds: 60,
    minFps: 23, maxFps: 60, maxBitrateKbps: 8000, maxBytes: 4_000_000_000,
    source: thirdParty('https://recurpost.com/blog/instagram-post-size-guide', 'feed 4:5 1080x1350'),
  },
];

/** The built-in video presets, validated, by id. */
export const VIDEO_CHANNEL_PRESETS: Readonly<Record<string, VideoChannelSpec>> = Object.freeze(
  Object.fromEntries(presets.map((p) => [p.id, VideoChannelSpec.parse(p)])),
);

/** Ids of all built-in video presets. */
export const VIDEO_CHANNEL_PRESET_IDS: readonly string[] = Object.keys(VIDEO_CHANNEL_PRESETS);
