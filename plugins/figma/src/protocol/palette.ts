/** Palette check messages: every solid fill and stroke in scope, and the snaps the UI asks for. */
import type { Rgb } from './geometry';

export type PaintTarget = 'fill' | 'stroke';

/** One solid paint on one node (a character range for text with mixed fills). */
export interface PaintUse {
  nodeId: string;
  nodeName: string;
  target: PaintTarget;
  index: number;
  range: { start: number; end: number } | null;
  color: Rgb;
  opacity: number;
  /** Bound to a paint style or variable: snapping detaches it. */
  styled: boolean;
}

export interface PaletteScan {
  scope: 'selection' | 'page';
  nodesScanned: number;
  uses: PaintUse[];
  notChecked: { gradients: number; images: number; hidden: number };
  /** The scan stopped at the node limit; the list is incomplete. */
  truncated: boolean;
}

export interface PaintSnap {
  nodeId: string;
  target: PaintTarget;
  index: number;
  range: { start: number; end: number } | null;
  color: Rgb;
}

export interface SnapResult {
  changed: number;
  failed: { nodeId: string; nodeName: string; message: string }[];
}
