/**
 * The clip as a file: duration against the motion brief, frame rate against the lowest the lock
 * accepts, resolution against the channel cuts it must fill (how far the smallest-possible crop of
 * each channel's aspect would be enlarged), codec, and an audio track (every cut is silent).
 */
import { roundMeasure } from '../../qc/finding';
import type { VideoFacts } from '../video-facts';
import type { VideoQcContext } from '../video-qc-context';
import type { VideoFinding } from '../video-finding';
import { flagLimits, grade } from './grade';

const COMMON_CODECS = ['h264', 'hevc', 'vp9', 'av1', 'prores'];

/**
 * Output pixels per master pixel when a channel of this size is cut from the whole master (the least
 * enlargement any crop of that aspect needs).
 * @example cutUpscale({ width: 832, height: 1104 }, { width: 1080, height: 1350 }) // 1.2981
 */
export function cutUpscale(master: { width: number; height: number }, cut: { width: number; height: number }): number {
  const aspect = cut.width / cut.height;
  return master.width / master.height > aspect ? cut.height / master.height : cut.width / master.width;
}

export function checkClipTechnical(facts: VideoFacts, decodedFrames: number, ctx: VideoQcContext): VideoFinding[] {
  const t = ctx.thresholds.technical;
  const out: VideoFinding[] = [];
  if (ctx.brief) {
    const off = Math.abs(facts.durationSeconds - ctx.brief.durationSeconds);
    const limits = flagLimits(Math.max(t.durationToleranceSeconds, 0.001));
    const severity = grade(off, limits);
    out.push({
      rule: 'technical',
      check: 'duration',
      severity,
      message: `${facts.durationSeconds.toFixed(2)} s long; the motion brief asks for ${ctx.brief.durationSeconds} s (${off.toFixed(2)} s off)`,
      measured: roundMeasure(facts.durationSeconds),
      unit: 's',
      limits,
      expected: `${ctx.brief.durationSeconds} s ± ${t.durationToleranceSeconds}`,
    });
  }
  out.push({
    rule: 'technical',
    check: 'fps',
    severity: facts.fps < t.minFps ? 'reject' : 'pass',
    message: `${facts.fps.toFixed(3)} frames per second${facts.fps < t.minFps ? `, below the ${t.minFps} the lock accepts: motion would judder in every cut` : ''}`,
    measured: roundMeasure(facts.fps, 3),
    unit: 'fps',
    limits: { direction: 'min', reject: t.minFps },
  });
  if (ctx.cuts.length) {
    const worst = ctx.cuts.map((c) => ({ c, up: cutUpscale(facts, c) })).reduce((a, b) => (b.up > a.up ? b : a));
    const limits = flagLimits(t.maxUpscale);
    const severity = grade(worst.up, limits);
    out.push({
      rule: 'technical',
      check: 'resolution',
      severity,
      message: `${facts.width}x${facts.height}: the ${worst.c.id} cut (${worst.c.width}x${worst.c.height}) enlarges it ${worst.up.toFixed(2)}x${severity === 'pass' ? '' : ', soft at 100%'}`,
      measured: roundMeasure(worst.up),
      unit: 'x',
      limits,
      expected: `at most ${t.maxUpscale}x enlargement for every channel cut`,
    });
  }
  const known = COMMON_CODECS.includes(facts.codec);
  out.push({
    rule: 'technical',
    check: 'codec',
    severity: known ? 'pass' : 'flag',
    message: `${facts.codec}${facts.profile ? ` (${facts.profile})` : ''}${facts.pixelFormat ? `, ${facts.pixelFormat}` : ''}${known ? '' : ': an unusual codec for a master; check the cuts by eye'}`,
    measured: facts.codec,
    unit: '',
    limits: null,
    expected: COMMON_CODECS.join(', '),
  });
  if (Math.abs(decodedFrames - facts.frames) > 1) {
    out.push({ rule: 'technical', check: 'frame-count', severity: 'info', message: `${decodedFrames} frames decoded; the container says ${facts.frames}`, measured: decodedFrames, unit: 'frames', limits: null });
  }
  if (facts.hasAudio) out.push({ rule: 'technical', check: 'audio', severity: 'info', message: 'the clip has an audio track; every channel cut is silent', measured: null, unit: '', limits: null });
  return out;
}
