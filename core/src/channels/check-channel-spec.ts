/**
 * Checks across fields of a resolved channel spec that the schema cannot express one field at a
 * time: a safe area that leaves room, transparency the format can carry, an effort the encoder takes.
 */
import type { LockIssue } from '../brand/lock-issue';
import type { ChannelSpec } from './channel-spec';

/** Smallest width and height of the safe area, in output pixels. */
const MIN_SAFE = 8;
const MAX_EFFORT = { avif: 9, webp: 6, png: 9, jpeg: 0, tiff: 0 } as const;

/**
 * Returns every problem with a spec; an empty list means it can be rendered.
 * @example
 * checkChannelSpec({ ...spec, format: 'jpeg', background: 'transparent' })
 * // [{ path: 'channels[ig].background', code: 'invalid_combination', ... }]
 */
export function checkChannelSpec(spec: ChannelSpec, path = `channels[${spec.id}]`): LockIssue[] {
  const issues: LockIssue[] = [];
  const { top, right, bottom, left } = spec.safeArea;
  if (spec.width - left - right < MIN_SAFE) {
    issues.push({ path: `${path}.safeArea`, code: 'invalid_combination', message: 'the safe area leaves no room across the frame', found: `left ${left} + right ${right} of width ${spec.width}`, expected: `at least ${MIN_SAFE} px between them` });
  }
  if (spec.height - top - bottom < MIN_SAFE) {
    issues.push({ path: `${path}.safeArea`, code: 'invalid_combination', message: 'the safe area leaves no room down the frame', found: `top ${top} + bottom ${bottom} of height ${spec.height}`, expected: `at least ${MIN_SAFE} px between them` });
  }
  if (spec.background === 'transparent' && spec.format === 'jpeg') {
    issues.push({ path: `${path}.background`, code: 'invalid_combination', message: 'JPEG cannot store transparency', found: '"transparent" with format "jpeg"', expected: 'a background colour, or format png, webp, avif or tiff' });
  }
  if (spec.effort !== undefined && spec.effort > MAX_EFFORT[spec.format]) {
    const max = MAX_EFFORT[spec.format];
    issues.push({ path: `${path}.effort`, code: 'too_big', message: max ? `${spec.format} effort goes up to ${max}` : `${spec.format} has no effort setting`, found: String(spec.effort), expected: max ? `0 to ${max}` : 'no effort' });
  }
  return issues;
}
