/**
 * What a person must see: a category whose lock says a person checks every image checks every video
 * too, flags a provider or a person attached, and an offline clip (the local provider's camera move
 * over the still) says what it is, so nobody mistakes it for a generated one.
 */
import type { VideoQcContext } from '../video-qc-context';
import type { VideoFinding } from '../video-finding';

export function checkClipReview(ctx: VideoQcContext): VideoFinding[] {
  const out: VideoFinding[] = [];
  if (ctx.offline) out.push({ rule: 'offline', check: 'offline', severity: 'info', message: ctx.offline, measured: null, unit: '', limits: null });
  if (ctx.still.thresholds.humanReview === 'always') {
    out.push({ rule: 'human-review', check: 'category', severity: 'flag', message: `${ctx.still.category.name}: the lock says a person checks every image and clip of this category (drape and movement)`, measured: null, unit: '', limits: null });
  }
  for (const f of ctx.still.flags) out.push({ rule: 'human-review', check: f.source, severity: f.severity, message: `${f.by}: ${f.reason}`, measured: null, unit: '', limits: null });
  return out;
}
