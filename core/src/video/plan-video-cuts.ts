/**
 * Everything about a video master's channel cuts that can be decided without decoding it: for each
 * video channel the crop (around the garment's track: the window holds the garment in every frame,
 * and stays put for the whole clip, so a cut adds no camera motion of its own and a loop still
 * closes), the frame rate (the master's, within the channel's range), the length (cut to the
 * channel's longest; a loop played again until it reaches the channel's shortest), the file and
 * poster names from the lock's template and the XMP provenance packet.
 */
import type { BrandLock } from '../brand/brand-lock';
import type { VideoChannelSpec } from '../channels/video-channel-spec';
import type { Box, CropPlan } from '../channels/crop/crop-types';
import { planCrop } from '../channels/crop/plan-crop';
import { fillFileName } from '../channels/naming/fill-file-name';
import { createNameRegistry, type NameRegistry } from '../channels/naming/name-registry';
import { buildXmpPacket } from '../channels/metadata/build-xmp-packet';
import type { VariantProvenance } from '../channels/metadata/variant-provenance';

export interface VideoCutRequest {
  lock: BrandLock;
  lockHash: string;
  master: { width: number; height: number; fps: number; durationSeconds: number; sha256?: string };
  /** The garment's box in master pixels, frame by frame (null where it was not found). */
  track: readonly (Box | null)[];
  /** The master is a loop (its last frame leads into its first). */
  loop: boolean;
  sku: string;
  colorway?: string;
  view?: string;
  category?: string;
  channels: readonly VideoChannelSpec[];
  provenance: VariantProvenance;
  /** The colour padding takes when a channel names none: the lighting preset's backdrop, so a padded cut does not show a seam. */
  backdrop: string;
}

export interface VideoCutPlan {
  channel: VideoChannelSpec;
  fileName: string;
  posterName: string;
  crop: CropPlan;
  fps: number;
  durationSeconds: number;
  /** Padding colour: the channel's, else the backdrop. */
  background: string;
  /** How many times the master plays in the cut (more than 1 only for loops shorter than the channel's minimum). */
  plays: number;
  xmp: string;
  notes: string[];
}

export interface VideoCutIssue {
  channel: string;
  code: 'too_short' | 'file_name' | 'name_collision';
  message: string;
}

/**
 * The box holding every per-frame box of the track, or null when the garment was never found.
 * @example trackUnion([{ x: 10, y: 10, width: 5, height: 5 }, null, { x: 12, y: 8, width: 5, height: 5 }]) // { x: 10, y: 8, width: 7, height: 7 }
 */
export function trackUnion(track: readonly (Box | null)[]): Box | null {
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  for (const b of track) {
    if (!b) continue;
    x0 = Math.min(x0, b.x);
    y0 = Math.min(y0, b.y);
    x1 = Math.max(x1, b.x + b.width);
    y1 = Math.max(y1, b.y + b.height);
  }
  return x1 > x0 ? { x: x0, y: y0, width: x1 - x0, height: y1 - y0 } : null;
}

/**
 * @example const { plans, issues } = planVideoCuts({ lock, lockHash, master, track, loop: true, sku, channels: lock.videoChannels, provenance })
 */
export function planVideoCuts(req: VideoCutRequest, names: NameRegistry = createNameRegistry()): { plans: VideoCutPlan[]; issues: VideoCutIssue[] } {
  const { lock, master } = req;
  const subject = trackUnion(req.track);
  const plans: VideoCutPlan[] = [];
  const issues: VideoCutIssue[] = [];
  const what = [req.sku, req.colorway, req.view].filter(Boolean).join(' ');
  const title = req.provenance.title ?? `${lock.brand.name} ${what}`;
  for (const channel of req.channels) {
    const notes: string[] = [];
    let plays = 1;
    let seconds = Math.min(master.durationSeconds, channel.maxSeconds);
    if (master.durationSeconds > channel.maxSeconds) notes.push(`cut to ${channel.maxSeconds} s (the channel's longest)`);
    if (master.durationSeconds + 1e-6 < channel.minSeconds) {
      if (!req.loop) {
        issues.push({ channel: channel.id, code: 'too_short', message: `the clip is ${master.durationSeconds.toFixed(2)} s and ${channel.name} takes at least ${channel.minSeconds} s; only a loop can be played again to fill it` });
        continue;
      }
      plays = Math.ceil(channel.minSeconds / master.durationSeconds - 1e-6);
      seconds = Math.min(channel.maxSeconds, plays * master.durationSeconds);
      notes.push(`the loop plays ${plays} times to reach the channel's ${channel.minSeconds} s minimum`);
    }
    if (channel.loop && !req.loop) notes.push('the channel plays it as a loop but the motion brief did not ask for one: check the seam');
    const fps = Math.min(channel.maxFps, Math.max(channel.minFps, master.fps));
    if (Math.abs(fps - master.fps) > 0.01) notes.push(`frame rate converted from ${master.fps.toFixed(3)} to ${fps} fps`);
    const tokens = (ext: string) =>
      fillFileName(lock.naming, { brand: lock.brand.id, season: lock.season, version: lock.version, sku: req.sku, colorway: req.colorway, category: req.category, view: req.view, channel: channel.id, market: 'all', width: channel.width, height: channel.height, ext, index: 1 });
    const video = tokens('mp4');
    const poster = tokens('jpg');
    if (!video.success || !poster.success) {
      issues.push({ channel: channel.id, code: 'file_name', message: [...(video.success ? [] : video.issues), ...(poster.success ? [] : poster.issues)].map((i) => i.message).join('; ') });
      continue;
    }
    const owner = `SKU ${JSON.stringify(req.sku)}, video channel ${channel.id}`;
    const claimed = [video.name, poster.name].map((n) => names.claim(n, owner));
    const clash = claimed.find((c) => !c.success);
    if (clash && !clash.success) {
      issues.push({ channel: channel.id, code: 'name_collision', message: `${video.name} or its poster is already taken by ${clash.takenBy}; not overwritten` });
      continue;
    }
    const crop = planCrop({ image: master, subject, spec: { width: channel.width, height: channel.height, fit: channel.fit, safeArea: channel.safeArea, focal: channel.focal, margin: channel.margin, detailZoom: 1, minFill: undefined } });
    notes.push(...crop.notes.map((n) => n.message));
    const xmp = buildXmpPacket({
      title,
      description: req.provenance.description ?? `${what}, ${channel.name}, ${channel.width}x${channel.height}, ${seconds.toFixed(1)} s product video`,
      brand: lock.brand,
      lockHash: req.lockHash,
      lockVersion: lock.version,
      sku: req.sku,
      colorway: req.colorway,
      view: req.view,
      channel: channel.id,
      masterSha256: master.sha256,
      provenance: req.provenance,
    });
    plans.push({ channel, fileName: video.name, posterName: poster.name, crop, fps, durationSeconds: seconds, background: channel.background ?? req.backdrop, plays, xmp, notes });
  }
  return { plans, issues };
}
