/** The moodboard's look: quiet neutrals so the images and the palette carry the board. */
import type { Rgb } from '../../protocol/geometry';
export { hexToRgb } from '../../palette/hex-to-rgb';

export const BOARD_FONTS = {
  regular: { family: 'Inter', style: 'Regular' },
  medium: { family: 'Inter', style: 'Medium' },
  semibold: { family: 'Inter', style: 'Semi Bold' },
} as const;

export const INK: Rgb = { r: 0.12, g: 0.12, b: 0.13 };
export const MUTED: Rgb = { r: 0.42, g: 0.41, b: 0.4 };
export const PAPER: Rgb = { r: 0.98, g: 0.975, b: 0.965 };
export const PLACEHOLDER: Rgb = { r: 0.91, g: 0.9, b: 0.88 };
export const HAIRLINE: Rgb = { r: 0.86, g: 0.85, b: 0.83 };
export const NOTE_TINT: Rgb = { r: 1, g: 0.96, b: 0.84 };

export function solid(color: Rgb, opacity = 1): SolidPaint {
  return { type: 'SOLID', color: { r: color.r, g: color.g, b: color.b }, opacity };
}

/** An auto-layout frame with no fill, as the board's sections are built from. */
export function stack(name: string, direction: 'HORIZONTAL' | 'VERTICAL', spacing: number): FrameNode {
  const f = figma.createFrame();
  f.name = name;
  f.fills = [];
  f.clipsContent = false;
  f.layoutMode = direction;
  // createFrame() + layoutMode hugs the primary axis only; hug both, as createAutoLayout() would.
  // The board resizes or fills the ones that need a fixed width afterwards.
  f.primaryAxisSizingMode = 'AUTO';
  f.counterAxisSizingMode = 'AUTO';
  f.itemSpacing = spacing;
  return f;
}
