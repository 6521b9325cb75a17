/** Plain geometry and colour values that cross the bus (Figma's own shapes: RGB in 0..1, 2x3 transforms). */

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface Size {
  width: number;
  height: number;
}

export interface Point {
  x: number;
  y: number;
}

/** sRGB, each channel 0..1, as Figma paints take it. */
export interface Rgb {
  r: number;
  g: number;
  b: number;
}

/** Figma's 2x3 affine transform [[a, c, e], [b, d, f]]. */
export type AffineTransform = [[number, number, number], [number, number, number]];

export interface Insets {
  top: number;
  right: number;
  bottom: number;
  left: number;
}
