/**
 * The zone of the output frame the subject must sit in: the spec's safe area, inset by its margin
 * and by a small guard that absorbs pixel rounding, so the subject is never cut by a pixel.
 */
import type { Box, CropSpec, Size } from './crop-types';

/** Output pixels kept free inside the zone so integer rounding can never push the subject out. */
export const ROUNDING_GUARD = 2;

/** The safe area as a box in output pixels. */
export function safeAreaBox(spec: CropSpec): Box {
  const { top, right, bottom, left } = spec.safeArea;
  return { x: left, y: top, width: spec.width - left - right, height: spec.height - top - bottom };
}

/** Shrinks a box by `by` pixels on every side, keeping at least one pixel of size. */
export function insetBox(box: Box, by: number): Box {
  const dx = Math.max(0, Math.min(by, (box.width - 1) / 2));
  const dy = Math.max(0, Math.min(by, (box.height - 1) / 2));
  return { x: box.x + dx, y: box.y + dy, width: box.width - 2 * dx, height: box.height - 2 * dy };
}

/** The zone with the spec's margin (a fraction of the frame's shorter side) and without it. */
export function subjectZones(spec: CropSpec): { withMargin: Box; withoutMargin: Box } {
  const safe = safeAreaBox(spec);
  const margin = spec.margin * Math.min(spec.width, spec.height);
  return { withMargin: insetBox(safe, margin + ROUNDING_GUARD), withoutMargin: insetBox(safe, ROUNDING_GUARD) };
}

/**
 * Where the subject already runs off the master (an on-model shot cut at the knees), it may run to
 * the frame's edge on that side too: a margin there would only add a band of background.
 */
export function openTouchedSides(zone: Box, subject: Box, image: Size, output: Size): Box {
  // Exactly at the edge: the window then ends at the master's edge too, so rounding cuts nothing.
  const touch = 1e-6;
  const left = subject.x <= touch ? 0 : zone.x;
  const top = subject.y <= touch ? 0 : zone.y;
  const right = subject.x + subject.width >= image.width - touch ? output.width : zone.x + zone.width;
  const bottom = subject.y + subject.height >= image.height - touch ? output.height : zone.y + zone.height;
  return { x: left, y: top, width: right - left, height: bottom - top };
}
