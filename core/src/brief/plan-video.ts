/**
 * Plans the video loop of one SKU view from the category's motion brief: fills the motion prompt,
 * derives the seed, picks the video channels (the brief's aspect ratios, the row's markets). A row
 * that asks for video where none can be made is reported with its row and column.
 */
import type { BrandLock } from '../brand/brand-lock';
import type { Category } from '../brand/category';
import { hasAspect } from '../brand/motion-brief';
import { fillTemplate } from '../brand/placeholders';
import { contentHash, sha256Hex } from '../hash/sha256';
import type { BriefRow } from './brief-row';
import { deriveSeed } from './derive-seed';
import type { PlannedVideo, ResolvedMotion } from './planned-video';

const MOVEMENT: Record<string, string> = { none: 'the fabric holds still', subtle: 'subtle fabric movement', soft: 'soft fabric movement', flowing: 'flowing fabric movement', swinging: 'swinging fabric movement' };
const CAMERA: Record<string, string> = {
  static: 'locked-off static camera', 'push-in': 'slow push-in', 'pull-out': 'slow pull-out', 'pan-left': 'slow pan to the left', 'pan-right': 'slow pan to the right',
  'tilt-up': 'slow tilt up', 'tilt-down': 'slow tilt down', 'orbit-left': 'slow orbit to the left', 'orbit-right': 'slow orbit to the right', parallax: 'gentle parallax',
};

export type PlanVideoResult = { success: true; video: PlannedVideo } | { success: false; message: string; expected: string };

/**
 * @example planVideo(row, lock, category, 'front', lockHash, promptValues).success
 */
export function planVideo(row: BriefRow, lock: BrandLock, category: Category, view: string, lockHash: string, values: Record<string, string>): PlanVideoResult {
  const brief = category.video;
  if (!brief) return { success: false, message: `category ${category.id} has no motion brief ("video" is null or it has no seed category)`, expected: 'a category with a motion brief, or no video for this row' };
  if (!lock.videoChannels.length) return { success: false, message: 'the lock has no video channels to deliver loops to', expected: 'videoChannels in the lock, or no video for this row' };
  const inMarket = lock.videoChannels.filter((c) => c.markets.length === 0 || row.markets.length === 0 || c.markets.some((m) => row.markets.includes(m)));
  const channels = brief.aspectRatios ? inMarket.filter((c) => brief.aspectRatios!.some((r) => hasAspect(c.width, c.height, r))) : inMarket;
  if (!channels.length) return { success: false, message: `no video channel of ${brief.aspectRatios?.join(', ') ?? 'any ratio'} serves ${row.markets.join(', ') || 'these markets'}`, expected: 'a market at least one video channel serves' };
  const aspectRatios = brief.aspectRatios ?? [...new Set(channels.map((c) => ratioOf(c.width, c.height)))];
  const direction = brief.fabric.direction === 'none' ? '' : ` ${brief.fabric.direction.replace(/-/g, ' ')}`;
  const fabricMovement = [`${MOVEMENT[brief.fabric.movement]}${direction}`, brief.fabric.notes].filter(Boolean).join(', ');
  const motionValues = {
    ...values,
    fabricMovement,
    camera: CAMERA[brief.camera.path],
    gesture: brief.gesture,
    duration: `${brief.durationSeconds} seconds`,
    loop: brief.loop ? 'seamless loop, the last frame matches the first' : '',
  };
  const seed = category.recipe.seed.policy === 'random' ? null : deriveSeed(lock.brand.id, row.sku, row.colorway, view, 'video');
  const motion: ResolvedMotion = {
    fabric: { ...brief.fabric },
    camera: { ...brief.camera },
    gesture: brief.gesture,
    durationSeconds: brief.durationSeconds,
    loop: brief.loop,
    aspectRatios,
    prompt: fillTemplate(brief.promptTemplate, motionValues).slice(0, 1000),
    negativePrompt: brief.negativePrompt,
    seed,
  };
  return {
    success: true,
    video: {
      id: `vid_${sha256Hex([lockHash, row.sku, row.colorway, view, 'video'].join('\u001f')).slice(0, 20)}`,
      motion,
      motionHash: contentHash(motion),
      qc: brief.qc,
      channels: channels.map((c) => ({ id: c.id, width: c.width, height: c.height })),
    },
  };
}

/** A frame size as a reduced ratio, e.g. 1080x1350 -> "4:5". */
function ratioOf(width: number, height: number): string {
  const gcd = (a: number, b: number): number => (b ? gcd(b, a % b) : a);
  const g = gcd(width, height);
  return `${width / g}:${height / g}`;
}
