/**
 * How far a master may be enlarged for a channel. The lock's channel spec says (`maxUpscale`); when
 * it does not, the kind decides, with the same figures as the built-in catalog: a detail (zoom) crop,
 * a marketplace or a wholesale image is looked at at 100% and is never enlarged; social 1.25x (the
 * feed shows it smaller than its pixels); lifestyle 1.5x; a PDP hero 2x (a 1024x1536 recipe master
 * fills a 2000x3000 hero at 1.95x). Every renderer asks here, so the panel, the Figma plugin, the
 * server and `brandlock variants` skip the same channels for the same reason.
 */
import type { ChannelSpec } from './channel-spec';
import type { CropPlan } from './crop/crop-types';

export const MAX_UPSCALE_BY_KIND: Readonly<Record<ChannelSpec['kind'], number>> = Object.freeze({
  hero: 2,
  lifestyle: 1.5,
  social: 1.25,
  detail: 1,
  marketplace: 1,
  wholesale: 1,
});

/**
 * @example maxUpscaleOf({ ...spec, kind: 'detail' }) // 1, unless the spec sets maxUpscale
 */
export function maxUpscaleOf(channel: Pick<ChannelSpec, 'kind' | 'maxUpscale'>): number {
  return channel.maxUpscale ?? MAX_UPSCALE_BY_KIND[channel.kind];
}

/** A channel left out because the master is too small for it. */
export interface UpscaleSkip {
  channel: string;
  code: 'too_small';
  /** The enlargement the crop would need. */
  scale: number;
  limit: number;
  message: string;
}

/**
 * Null when the crop stays within the channel's limit, else why the channel is skipped.
 * @example upscaleSkip(channel, crop) // { code: 'too_small', scale: 1.95, limit: 1, message: '...' }
 */
export function upscaleSkip(channel: ChannelSpec, crop: Pick<CropPlan, 'scale'>): UpscaleSkip | null {
  const limit = maxUpscaleOf(channel);
  if (crop.scale <= limit + 1e-6) return null;
  const whose = channel.maxUpscale === undefined ? `${channel.kind} channels allow` : 'the lock allows';
  return {
    channel: channel.id,
    code: 'too_small',
    scale: crop.scale,
    limit,
    message: `${channel.name} would need the master enlarged ${crop.scale.toFixed(2)}x; ${whose} at most ${limit}x. It needs a larger master.`,
  };
}
