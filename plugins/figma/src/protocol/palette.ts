/** Palette check messages: every solid fill and stroke in scope, and the snaps the UI asks for. */
import type { Rgb } from './geometry';

export type PaintTarget = 'fill' | 'stroke';

/** A paint style or colour variable a paint takes its colour from. */
export interface PaintBinding {
  kind: 'style' | 'variable';
  id: string;
  name: string;
  /** From a library: read-only here. */
  remote: boolean;
}

/** One solid paint on one node (a character range for text with mixed fills). */
export interface PaintUse {
  nodeId: string;
  nodeName: string;
  target: PaintTarget;
  index: number;
  range: { start: number; end: number } | null;
  color: Rgb;
  opacity: number;
  /** The style or variable the colour comes from: a snap changes that, not the layer. */
  binding: PaintBinding | null;
}

export interface PaletteScan {
  scope: 'selection' | 'page';
  nodesScanned: number;
  uses: PaintUse[];
  /** What the check did not judge: gradients, images, hidden layers, and brandlock's own boards and frames (unless asked). */
  notChecked: { gradients: number; images: number; hidden: number; own: number };
  /** The scan stopped at the node limit; the list is incomplete. */
  truncated: boolean;
}

export interface PaintSnap {
  nodeId: string;
  target: PaintTarget;
  index: number;
  range: { start: number; end: number } | null;
  /** The colour found, and the swatch colour to paint. */
  from: Rgb;
  color: Rgb;
  binding: PaintBinding | null;
}

export interface SnapResult {
  changed: number;
  failed: { nodeId: string; nodeName: string; message: string }[];
  /** Local styles and variables whose colour was changed (every layer using them follows). */
  updated: string[];
  /** Styles and variables left as they are, with why (library ones are read-only here). */
  skipped: { name: string; reason: string }[];
}
