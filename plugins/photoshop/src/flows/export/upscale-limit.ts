/**
 * How far Export in Photoshop may enlarge a master for a channel. The lock's channel specs carry no
 * limit of their own yet, so the limit is by kind: a detail (zoom) crop is looked at at 100% and
 * gets at most 1.5x; every other channel at most 2x (a 1024x1536 recipe master fills a 2000x3000
 * PDP hero at 1.95x). Beyond it the channel is skipped with the factor it would have needed.
 */
import type { ChannelSpec } from '@brandlock/core/channels';

export function maxUpscaleFor(channel: ChannelSpec): number {
  return channel.kind === 'detail' ? 1.5 : 2;
}
