/**
 * The video parts of loading a lock: a category's motion brief from its seed plus what it writes
 * (or none: `"video": null`, or no seed and nothing written), each video channel from its preset
 * plus overrides, and the checks that need both: every aspect ratio a motion brief delivers has a
 * video channel of that ratio, and no video channel shares an id with a still channel (ids name
 * delivery folders and files).
 */
import { MotionBrief, hasAspect, type MotionBriefInput } from './motion-brief';
import { SEED_MOTION_BRIEFS } from './seed-motion-briefs';
import type { SeedCategoryId } from './seed-categories';
import type { LockIssue } from './lock-issue';
import { zodIssuesToLockIssues } from './zod-issues';
import type { VideoChannelEntry } from './video-channel-entry';
import { VideoChannelSpec } from '../channels/video-channel-spec';
import { VIDEO_CHANNEL_PRESETS } from '../channels/video-catalog';

/**
 * @example resolveMotionBrief({ durationSeconds: 8 }, 'wovens', 'categories[0].video', issues)?.durationSeconds // 8
 */
export function resolveMotionBrief(own: MotionBriefInput | null | undefined, base: SeedCategoryId | undefined, path: string, issues: LockIssue[]): MotionBrief | null {
  if (own === null) return null;
  const seed = base ? SEED_MOTION_BRIEFS[base] : undefined;
  if (!seed && own === undefined) return null;
  const o = own ?? {};
  const q = o.qc ?? {};
  const merged = {
    ...seed,
    ...o,
    fabric: { ...seed?.fabric, ...o.fabric },
    camera: { ...seed?.camera, ...o.camera },
    qc: {
      ...seed?.qc,
      ...q,
      flicker: { ...seed?.qc.flicker, ...q.flicker },
      stability: { ...seed?.qc.stability, ...q.stability },
      frozen: { ...seed?.qc.frozen, ...q.frozen },
      seam: { ...seed?.qc.seam, ...q.seam },
      technical: { ...seed?.qc.technical, ...q.technical },
    },
  };
  const res = MotionBrief.safeParse(merged);
  if (res.success) return res.data;
  const hint = seed ? '' : '; set it or give the category a "base" seed category';
  for (const issue of zodIssuesToLockIssues(MotionBrief, merged, res.error.issues)) {
    issues.push({ ...issue, path: `${path}${issue.path === '$' ? '' : `.${issue.path}`}`, message: issue.message + (issue.message === 'missing required field' ? hint : '') });
  }
  return null;
}

/** A lock's video channel entry resolved against its preset, or null with its issues recorded. */
export function resolveVideoChannel(entry: VideoChannelEntry, index: number, issues: LockIssue[]): VideoChannelSpec | null {
  const { preset, ...overrides } = entry;
  const merged = { ...(preset ? VIDEO_CHANNEL_PRESETS[preset] : {}), ...overrides, id: entry.id };
  const res = VideoChannelSpec.safeParse(merged);
  if (res.success) return res.data;
  for (const issue of zodIssuesToLockIssues(VideoChannelSpec, merged, res.error.issues)) {
    issues.push({ ...issue, path: `videoChannels[${index}]${issue.path === '$' ? '' : `.${issue.path}`}`, message: issue.message + (preset ? '' : '; set it or start from a "preset"') });
  }
  return null;
}

/** Problems between motion briefs, video channels and still channels of a resolved lock. */
export function checkVideoLock(
  categories: readonly { id: string; video: MotionBrief | null }[],
  videoChannels: readonly VideoChannelSpec[],
  stillChannelIds: readonly string[],
): LockIssue[] {
  const issues: LockIssue[] = [];
  videoChannels.forEach((c, i) => {
    if (stillChannelIds.includes(c.id)) {
      issues.push({ path: `videoChannels[${i}].id`, code: 'duplicate_id', message: `video channel id "${c.id}" is also a still channel's id; channel ids name delivery folders and files`, found: JSON.stringify(c.id), expected: 'an id no other channel uses' });
    }
  });
  const shapes = videoChannels.map((c) => `${c.id} ${c.width}x${c.height}`);
  categories.forEach((cat, i) => {
    cat.video?.aspectRatios?.forEach((ratio, j) => {
      if (videoChannels.some((c) => hasAspect(c.width, c.height, ratio))) return;
      issues.push({
        path: `categories[${i}].video.aspectRatios[${j}]`,
        code: 'dangling_reference',
        message: `category ${cat.id} delivers ${ratio} loops but no video channel has that aspect ratio`,
        found: JSON.stringify(ratio),
        expected: shapes.length ? `a ratio of one of the video channels (${shapes.join(', ')}), or add a video channel of ${ratio}` : 'a video channel of that ratio in "videoChannels" (the lock has none), or "video": null on the category',
      });
    });
  });
  return issues;
}
