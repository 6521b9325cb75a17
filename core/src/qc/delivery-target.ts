/**
 * What an image is judged as: a channel deliverable (its spec's size, aspect, format, byte limit,
 * white background and fill) or a master for the variants step (the recipe's size and aspect,
 * any common format, pure white only when the category feeds a white-background marketplace).
 */
import type { BrandLock } from '../brand/brand-lock';
import type { Category } from '../brand/category';
import type { ChannelSpec } from '../channels/channel-spec';
import { parseColor } from '../color/parse-color';
import type { DeliveryTarget } from './qc-context';

const MASTER_FORMATS = ['jpeg', 'png', 'tiff', 'webp'];

function isWhite(color: string): boolean {
  const c = parseColor(color);
  return c.success && c.hex === '#ffffff';
}

/** sharp's format names for a channel format (sharp reports AVIF files as "heif"). */
function sharpFormats(format: ChannelSpec['format']): string[] {
  return format === 'avif' ? ['avif', 'heif'] : [format];
}

/**
 * True when a channel is a marketplace slot that demands a pure white backdrop.
 * @example demandsPureWhite(CHANNEL_PRESETS['marketplace-main']) // true
 */
export function demandsPureWhite(channel: ChannelSpec): boolean {
  return channel.kind === 'marketplace' && channel.background !== 'transparent' && isWhite(channel.background);
}

/**
 * @example deliveryTargetFor(lock, category, lock.channels.find((c) => c.id === 'marketplace') ?? null)
 */
export function deliveryTargetFor(lock: BrandLock, category: Category, channel: ChannelSpec | null): DeliveryTarget {
  if (channel) {
    return {
      kind: 'channel',
      id: channel.id,
      minWidth: channel.width,
      minHeight: channel.height,
      aspect: channel.width / channel.height,
      aspectTolerance: 0.01,
      formats: sharpFormats(channel.format),
      maxBytes: channel.maxBytes ?? null,
      pureWhite: demandsPureWhite(channel),
      minFill: channel.minFill ?? null,
      requireProfile: channel.metadata.includes('icc'),
    };
  }
  const channels = lock.channels.filter((c) => !category.channels || category.channels.includes(c.id));
  const lighting = lock.lighting.find((l) => l.id === category.lighting);
  return {
    kind: 'master',
    id: 'master',
    minWidth: category.recipe.width,
    minHeight: category.recipe.height,
    aspect: category.recipe.width / category.recipe.height,
    aspectTolerance: 0.02,
    formats: MASTER_FORMATS,
    maxBytes: null,
    pureWhite: Boolean(lighting && isWhite(lighting.background) && channels.some(demandsPureWhite)),
    minFill: null,
    requireProfile: false,
  };
}
