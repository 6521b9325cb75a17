/**
 * A crop plan expressed the way Figma places images: an image fill with scaleMode 'CROP' whose
 * imageTransform is the visible source rectangle normalised to the image, on a rectangle placed
 * inside the channel frame (the frame's fill is the background where the plan pads). Being
 * normalised, the transform holds for the <= 4096 px proxy Figma accepts as well as for the master
 * the plan was made on.
 */
import type { Box, CropPlan, Size } from './crop-types';

/** Figma's 2x3 affine transform: [[scaleX, 0, offsetX], [0, scaleY, offsetY]]. */
export type ImageTransform = [[number, number, number], [number, number, number]];

export interface FigmaCropPlacement {
  imageTransform: ImageTransform;
  /** Where the image rectangle goes inside the frame, in frame pixels. */
  rect: Box;
}

/**
 * @example
 * const { imageTransform, rect } = figmaCropPlacement(plan, { width: 4000, height: 6000 });
 * node.fills = [{ type: 'IMAGE', imageHash, scaleMode: 'CROP', imageTransform }];
 * node.resize(rect.width, rect.height); node.x = rect.x; node.y = rect.y;
 */
export function figmaCropPlacement(plan: CropPlan, image: Size): FigmaCropPlacement {
  const sx = plan.crop.width / plan.resize.width;
  const sy = plan.crop.height / plan.resize.height;
  const x = plan.crop.left + plan.trim.left * sx;
  const y = plan.crop.top + plan.trim.top * sy;
  const w = plan.trim.width * sx;
  const h = plan.trim.height * sy;
  return {
    imageTransform: [
      [w / image.width, 0, x / image.width],
      [0, h / image.height, y / image.height],
    ],
    rect: { x: plan.pad.left, y: plan.pad.top, width: plan.trim.width, height: plan.trim.height },
  };
}
