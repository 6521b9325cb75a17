/**
 * Whether a channel's image may carry copy, and where: marketplaces (Amazon, Google Shopping,
 * Zalando) refuse product images with promotional text, wholesale portals and product pages show the
 * product alone, detail crops have no room; social and lifestyle images may carry a headline inside
 * their text safe area (the safe area unless the lock sets one). A lock may allow text on a hero,
 * detail or wholesale channel, never on a marketplace one.
 */
import type { LockIssue } from '../brand/lock-issue';
import type { ChannelSpec, SafeArea } from './channel-spec';

export interface TextPolicy {
  allowed: boolean;
  /** Why text is not allowed (for the designer), or why it is. */
  reason: string;
  /** Insets in output pixels inside which copy may sit. */
  area: SafeArea;
}

const BY_KIND: Record<ChannelSpec['kind'], string | null> = {
  marketplace: 'marketplace product images must not carry text',
  wholesale: 'wholesale portals show the product alone',
  hero: 'product-page images show the product alone unless the lock allows text',
  detail: 'detail crops show the fabric alone',
  social: null,
  lifestyle: null,
};

/**
 * @example channelTextPolicy(CHANNEL_PRESETS['marketplace-main']).allowed // false
 */
export function channelTextPolicy(spec: ChannelSpec): TextPolicy {
  const area = spec.textSafeArea ?? spec.safeArea;
  if (spec.kind === 'marketplace') return { allowed: false, reason: BY_KIND.marketplace!, area };
  if (spec.textAllowed === false) return { allowed: false, reason: 'the lock allows no text on this channel', area };
  if (spec.textAllowed === true) return { allowed: true, reason: 'the lock allows text on this channel', area };
  const refusal = BY_KIND[spec.kind];
  return refusal ? { allowed: false, reason: refusal, area } : { allowed: true, reason: `${spec.kind} images may carry copy`, area };
}

/** A channel's text settings a lock must not have: text on a marketplace image, a text area with no room. */
export function checkChannelText(spec: ChannelSpec, path = `channels[${spec.id}]`): LockIssue[] {
  const issues: LockIssue[] = [];
  if (spec.kind === 'marketplace' && spec.textAllowed === true) {
    issues.push({ path: `${path}.textAllowed`, code: 'invalid_combination', message: 'marketplace product images must not carry text (Amazon, Google Shopping and Zalando refuse them)', found: 'true', expected: 'false, or leave it out' });
  }
  const a = spec.textSafeArea;
  if (a && (spec.width - a.left - a.right < 16 || spec.height - a.top - a.bottom < 16)) {
    issues.push({ path: `${path}.textSafeArea`, code: 'invalid_combination', message: 'the text safe area leaves no room for copy', found: `top ${a.top}, right ${a.right}, bottom ${a.bottom}, left ${a.left} of ${spec.width}x${spec.height}`, expected: 'at least 16 px across and down' });
  }
  return issues;
}
