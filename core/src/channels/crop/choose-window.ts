/**
 * Chooses the crop window: a rectangle of the channel's exact aspect, in source pixels, that may
 * extend beyond the master where padding is needed. Priorities, in order: never cut the subject
 * (unless the spec is a detail crop), keep it inside the safe area, stay inside the master for
 * cover crops, keep the margin, meet minFill, then centre on the focus.
 */
import type { Box, CropInput, CropNote, FramingLines } from './crop-types';
import { focusPoint } from './focus-point';
import { ROUNDING_GUARD, openTouchedSides, safeAreaBox, subjectZones } from './subject-zone';
import { positionAxis, type KeepAxis } from './position-axis';

export interface ChosenWindow {
  window: Box;
  scale: number;
  notes: CropNote[];
}

/** The largest scale that keeps a box inside a zone (Infinity along a zero-size side). */
const fitScale = (box: Box, zone: Box) => Math.min(box.width > 0 ? zone.width / box.width : Infinity, box.height > 0 ? zone.height / box.height : Infinity);
const centreOf = (b: Box) => ({ x: b.x + b.width / 2, y: b.y + b.height / 2 });
const note = (code: CropNote['code'], message: string): CropNote => ({ code, message });

export function chooseWindow(input: CropInput): ChosenWindow {
  const { image, spec } = input;
  const output = { width: spec.width, height: spec.height };
  const notes: CropNote[] = [];
  const cover = spec.fit === 'cover';
  const safe = safeAreaBox(spec);
  const subject = input.subject ?? null;
  const whole: Box = { x: 0, y: 0, width: image.width, height: image.height };
  /** The scale at which the window is as large as fits inside the master. */
  const fill = Math.max(spec.width / image.width, spec.height / image.height);

  if (spec.focal === 'detail') {
    const base = subject ?? whole;
    const scale = Math.max(fitScale(base, safe) * spec.detailZoom, fill);
    return finish(place(scale, [], safe, focusPoint(input.focal, image, centreOf(base))).window, scale);
  }
  if (spec.fit === 'contain') {
    const scale = fitScale(whole, safe);
    return finish(place(scale, [{ box: whole, zone: safe }], safe, centreOf(whole)).window, scale);
  }

  let frame = subject;
  if (spec.focal === 'head-to-hem') {
    if (input.framing && validFraming(input.framing, image.height)) {
      // planCrop has already clipped the subject to the lines, so the frame is exactly head to hem.
      const cx = focusPoint(input.focal, image, centreOf(whole)).x;
      frame = { x: subject?.x ?? cx, width: subject?.width ?? 0, y: input.framing.head, height: input.framing.hem - input.framing.head };
    } else {
      notes.push(note('no_framing', 'no usable head and hem lines were given; framed on the subject box instead'));
    }
  }
  if (!frame) {
    notes.push(note('no_subject', 'nothing is known about the subject; the frame may cut it'));
    if (cover) return finish(place(fill, [], safe, focusPoint(input.focal, image, centreOf(whole))).window, fill);
    frame = whole;
  }

  const zones = subjectZones(spec);
  // Sides open only where the garment itself runs off the master; a head line at the top edge does not count.
  const runsOff = subject ?? frame;
  const withMargin = cover ? openTouchedSides(zones.withMargin, runsOff, image, output) : zones.withMargin;
  const withoutMargin = cover ? openTouchedSides(zones.withoutMargin, runsOff, image, output) : zones.withoutMargin;
  const tight = fitScale(frame, withMargin);
  const tightNoMargin = fitScale(frame, withoutMargin);
  let scale = spec.focal === 'center' || spec.focal === 'saliency' ? Math.min(fill, tight) : tight;
  if (spec.minFill && subject && subject.width > 0 && subject.height > 0) {
    const needed = Math.min((spec.minFill * spec.width + ROUNDING_GUARD) / subject.width, (spec.minFill * spec.height + ROUNDING_GUARD) / subject.height);
    if (needed > tightNoMargin) notes.push(note('min_fill_unmet', `the subject cannot fill ${Math.round(spec.minFill * 100)}% of the frame inside the safe area`));
    if (scale < needed) scale = Math.min(needed, tightNoMargin);
  }
  if (cover && scale < fill && fill <= tightNoMargin) scale = fill;
  const marginKept = scale <= tight * (1 + 1e-9);
  const keeps = marginKept ? [{ box: frame, zone: withMargin }] : [];
  if (cover || !keeps.length) keeps.push({ box: frame, zone: withoutMargin });
  const fallback = spec.focal === 'center' ? centreOf(whole) : centreOf(frame);
  const focus = focusPoint(input.focal, image, fallback);
  if (spec.focal === 'head-to-hem' && frame !== subject) focus.y = centreOf(frame).y;
  const placed = place(scale, keeps, keeps[0].zone, focus);
  if (!marginKept || placed.keepIndex > 0) notes.push(note('margin_reduced', 'the margin around the subject was reduced to keep the frame inside the master'));
  if (cover && placed.outside) notes.push(note('padded', 'the whole subject does not fit a cover crop of this master; the frame is padded with the background'));
  return finish(placed.window, scale);

  /**
   * Positions a window of this scale: the focus at the centre of `target`, then moved as little as
   * needed to keep the subject inside the first zone that also keeps the window inside the master
   * (or inside the first zone, padding the frame, when none does).
   */
  function place(s: number, keeps: { box: Box; zone: Box }[], target: Box, focus: { x: number; y: number }): { window: Box; keepIndex: number; outside: boolean } {
    const width = spec.width / s;
    const height = spec.height / s;
    const axisKeeps = (axis: 'x' | 'y'): KeepAxis[] =>
      keeps.map(({ box, zone }) => (axis === 'x' ? { start: box.x, len: box.width, zoneStart: zone.x, zoneLen: zone.width } : { start: box.y, len: box.height, zoneStart: zone.y, zoneLen: zone.height }));
    const x = positionAxis(s, focus.x, target.x + target.width / 2, width, image.width, axisKeeps('x'));
    const y = positionAxis(s, focus.y, target.y + target.height / 2, height, image.height, axisKeeps('y'));
    return { window: { x: x.start, y: y.start, width, height }, keepIndex: Math.max(x.keepIndex, y.keepIndex), outside: x.outside || y.outside };
  }

  function finish(window: Box, s: number): ChosenWindow {
    if (s > 1 + 1e-9) notes.push(note('upscaled', `the master is upscaled ${s.toFixed(2)}x for this channel; it will look soft at 100%`));
    return { window, scale: s, notes };
  }
}

/** Head above hem, both inside the master. */
export function validFraming(lines: FramingLines, imageHeight: number): boolean {
  return Number.isFinite(lines.head) && Number.isFinite(lines.hem) && lines.head >= 0 && lines.hem > lines.head && lines.hem <= imageHeight;
}
