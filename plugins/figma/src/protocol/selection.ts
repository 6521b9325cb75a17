/** What the main thread tells the UI about the current selection. */
import type { Box, Point } from './geometry';
import type { BoardSummary } from './board';

/** The image a feature works on: a node with an image fill, found in or under the selection. */
export interface ImageSource {
  nodeId: string;
  nodeName: string;
  imageHash: string;
  /** Pixel size of the image file. */
  imageWidth: number;
  imageHeight: number;
  /** The subject box in image pixels, from a layer named "subject" drawn over the image; null if none. */
  subject: Box | null;
  /** A focal point in image pixels, from a layer named "focal"; null if none. */
  focal: Point | null;
  /** Naming facts stored on the node by brandlock (SKU, colorway, view, category), when present. */
  naming: Record<string, string>;
  /** A small PNG of the layer as it shows on the canvas (96 px high), for the selection card. */
  thumbnail: Uint8Array | null;
}

export interface SelectionSummary {
  count: number;
  image: ImageSource | null;
  /** The first selected node's name, for the UI's "selected: …" line. */
  firstName: string | null;
  /** The brandlock moodboard the selection is, or lies in. */
  board: BoardSummary | null;
}
