/**
 * Everything about a master's channel variants that can be decided without pixels: for each channel
 * the crop, the file name (sanitised, checked for collisions) and the embedded metadata. The server
 * only executes these plans; a channel that cannot be planned is reported and the others go on.
 */
import type { BrandLock } from '../brand/brand-lock';
import type { ChannelSpec } from './channel-spec';
import { checkChannelSpec } from './check-channel-spec';
import type { Box, CropPlan, FocalPoint, FramingLines } from './crop/crop-types';
import { planCrop } from './crop/plan-crop';
import { fillFileName, type TokenChange } from './naming/fill-file-name';
import { variantNamingValues } from './naming/delivery-file-names';
import { createNameRegistry, type NameRegistry } from './naming/name-registry';
import { buildXmpPacket } from './metadata/build-xmp-packet';
import type { IptcFields } from './metadata/build-iptc-iim';
import type { VariantProvenance } from './metadata/variant-provenance';
import { formatLockIssue } from '../brand/lock-issue';
import { upscaleSkip, type UpscaleSkip } from './upscale-limit';

export interface VariantRequest {
  lock: BrandLock;
  lockHash: string;
  master: { width: number; height: number; sha256?: string };
  subject: Box | null;
  focal?: readonly FocalPoint[];
  framing?: FramingLines | null;
  sku: string;
  colorway?: string;
  view?: string;
  category?: string;
  market?: string;
  index?: number;
  channels: readonly ChannelSpec[];
  provenance: VariantProvenance;
}

export interface VariantPlan {
  channel: ChannelSpec;
  fileName: string;
  crop: CropPlan;
  /** The XMP packet, or null when the spec's metadata leaves XMP out. */
  xmp: string | null;
  /** IIM fields for JPEG outputs whose spec asks for IPTC, else null. */
  iptc: IptcFields | null;
  /** Tokens that had to be altered to make a safe name (the SKU "a/b" became "a-b"). */
  renamed: TokenChange[];
}

export interface VariantPlanIssue {
  channel: string;
  code: 'invalid_spec' | 'file_name' | 'name_collision';
  message: string;
}

/**
 * A channel whose crop would enlarge the master past the channel's `maxUpscale` is not planned: it
 * is listed in `skipped` with the factor (not an issue: the lock is fine, the master is small).
 * @example
 * const { plans, issues, skipped } = planVariants({ lock, lockHash, master: { width: 4000, height: 6000 }, subject, sku: 'NF-1001', channels: lock.channels, provenance });
 */
export function planVariants(req: VariantRequest, names: NameRegistry = createNameRegistry()): { plans: VariantPlan[]; issues: VariantPlanIssue[]; skipped: UpscaleSkip[] } {
  const { lock } = req;
  const plans: VariantPlan[] = [];
  const issues: VariantPlanIssue[] = [];
  const skipped: UpscaleSkip[] = [];
  const what = [req.sku, req.colorway, req.view].filter(Boolean).join(' ');
  const title = req.provenance.title ?? `${lock.brand.name} ${what}`;
  for (const channel of req.channels) {
    const specIssues = checkChannelSpec(channel);
    if (specIssues.length) {
      issues.push({ channel: channel.id, code: 'invalid_spec', message: specIssues.map(formatLockIssue).join('; ') });
      continue;
    }
    const crop = planCrop({ image: req.master, spec: channel, subject: req.subject, focal: req.focal, framing: req.framing });
    const tooSmall = upscaleSkip(channel, crop);
    if (tooSmall) {
      skipped.push(tooSmall);
      continue;
    }
    const named = fillFileName(lock.naming, variantNamingValues(lock, req, channel));
    if (!named.success) {
      issues.push({ channel: channel.id, code: 'file_name', message: named.issues.map((i) => i.message).join('; ') });
      continue;
    }
    const claim = names.claim(named.name, `SKU ${JSON.stringify(req.sku)}, channel ${channel.id}`);
    if (!claim.success) {
      issues.push({ channel: channel.id, code: 'name_collision', message: `${named.name} is already taken by ${claim.takenBy}; not overwritten` });
      continue;
    }
    const description = req.provenance.description ?? `${what}, ${channel.name}, ${channel.width}x${channel.height}`;
    const xmp = channel.metadata.includes('xmp')
      ? buildXmpPacket({ title, description, brand: lock.brand, lockHash: req.lockHash, lockVersion: lock.version, sku: req.sku, colorway: req.colorway, view: req.view, channel: channel.id, market: req.market, masterSha256: req.master.sha256, provenance: req.provenance })
      : null;
    const iptc: IptcFields | null =
      channel.metadata.includes('iptc') && channel.format === 'jpeg'
        ? { title, description, credit: lock.brand.name, keywords: [req.sku, req.colorway, req.view, channel.id].filter((k): k is string => Boolean(k)), jobId: req.provenance.jobId, creator: req.provenance.creator, copyright: req.provenance.copyright }
        : null;
    plans.push({ channel, fileName: named.name, crop, xmp, iptc, renamed: named.changed });
  }
  return { plans, issues, skipped };
}
