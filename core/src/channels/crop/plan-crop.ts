/**
 * The subject-aware crop: from the master's size, the subject box, optional focal points and head/hem
 * lines, and a channel spec, the exact operations that make the channel's image. Pure and
 * deterministic; shared by the server (sharp) and the Figma plugin (image-fill crop transforms).
 */
import type { CropInput, CropPlan, Box } from './crop-types';
import { chooseWindow, validFraming } from './choose-window';
import { rasterizeWindow } from './rasterize-window';

/**
 * Plans one channel variant of a master.
 * @example
 * const plan = planCrop({
 *   image: { width: 4000, height: 6000 },
 *   subject: { x: 1200, y: 900, width: 1700, height: 4300 },
 *   spec: CHANNEL_PRESETS['instagram-feed-4x5'],
 * });
 * // sharp(master).extract(plan.crop).resize(plan.resize).extract(plan.trim).extend(plan.pad) is 1080x1350
 */
export function planCrop(input: CropInput): CropPlan {
  const { image, spec } = input;
  if (!(image.width >= 1 && image.height >= 1 && Number.isFinite(image.width) && Number.isFinite(image.height))) {
    throw new RangeError(`planCrop: the image size must be positive, got ${image.width}x${image.height}`);
  }
  let subject = input.subject ? clipBox(input.subject, image) : null;
  // Head-to-hem framing: the lines bound the subject vertically, so what lies outside them (the legs
  // below a jacket's hem, when the box is the model's whole silhouette) may be cut; the garment is not.
  if (subject && spec.focal === 'head-to-hem' && input.framing && validFraming(input.framing, image.height)) {
    subject = clipBox({ ...subject, y: Math.max(subject.y, input.framing.head), height: Math.min(subject.y + subject.height, input.framing.hem) - Math.max(subject.y, input.framing.head) }, image);
  }
  const chosen = chooseWindow({ ...input, subject });
  const output = { width: spec.width, height: spec.height };
  const raster = rasterizeWindow(chosen.window, image, output, chosen.scale);
  let subjectInOutput: Box | null = null;
  let cutsSubject = false;
  if (subject) {
    const a = raster.toOutput({ x: subject.x, y: subject.y });
    const b = raster.toOutput({ x: subject.x + subject.width, y: subject.y + subject.height });
    subjectInOutput = { x: a.x, y: a.y, width: b.x - a.x, height: b.y - a.y };
    cutsSubject = a.x < -1e-6 || a.y < -1e-6 || b.x > output.width + 1e-6 || b.y > output.height + 1e-6;
  }
  const notes = [...chosen.notes];
  if (cutsSubject && spec.focal === 'detail') notes.push({ code: 'detail_cuts_subject', message: 'a detail crop: the frame shows part of the subject on purpose' });
  return { output, crop: raster.crop, resize: raster.resize, trim: raster.trim, pad: raster.pad, scale: chosen.scale, window: chosen.window, subjectInOutput, cutsSubject, notes };
}

/** The part of a box inside the image; a box entirely outside becomes null. */
function clipBox(box: Box, image: { width: number; height: number }): Box | null {
  if (![box.x, box.y, box.width, box.height].every(Number.isFinite)) return null;
  const x0 = Math.max(0, box.x);
  const y0 = Math.max(0, box.y);
  const x1 = Math.min(image.width, box.x + box.width);
  const y1 = Math.min(image.height, box.y + box.height);
  return x1 > x0 && y1 > y0 ? { x: x0, y: y0, width: x1 - x0, height: y1 - y0 } : null;
}
