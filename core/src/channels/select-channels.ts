/**
 * Picks the channels to render: the ones asked for (all of the lock's by default), narrowed to those
 * that apply to a market when one is given. A channel with no markets applies everywhere.
 */
import type { ChannelSpec } from './channel-spec';

export type SelectChannelsResult =
  | { success: true; channels: ChannelSpec[]; skipped: { id: string; reason: string }[] }
  | { success: false; message: string };

/**
 * @example selectChannels(lock.channels, { ids: ['pdp-2x3', 'zalando'], market: 'US' })
 * // { success: true, channels: [pdp-2x3], skipped: [{ id: 'zalando', reason: 'applies to DE, FR, NL, PL' }] }
 */
export function selectChannels(all: readonly ChannelSpec[], options: { ids?: readonly string[]; market?: string } = {}): SelectChannelsResult {
  const byId = new Map(all.map((c) => [c.id, c]));
  const ids = options.ids?.length ? [...new Set(options.ids)] : all.map((c) => c.id);
  const unknown = ids.filter((id) => !byId.has(id));
  if (unknown.length) {
    return { success: false, message: `unknown channel${unknown.length > 1 ? 's' : ''} ${unknown.map((u) => JSON.stringify(u)).join(', ')}; the lock has ${all.map((c) => c.id).join(', ')}` };
  }
  const channels: ChannelSpec[] = [];
  const skipped: { id: string; reason: string }[] = [];
  for (const id of ids) {
    const c = byId.get(id)!;
    if (options.market && c.markets.length && !c.markets.includes(options.market)) skipped.push({ id, reason: `applies to ${c.markets.join(', ')}, not ${options.market}` });
    else channels.push(c);
  }
  return { success: true, channels, skipped };
}
