/**
 * The colours under a box of a channel frame, read from a decoded copy of the source image through the
 * frame's crop (where the frame is padded beyond the image, the frame's background): what copy placed
 * in that box will sit on. A grid of samples, so a contrast check sees the light and dark patches.
 */
import type { Box, Rgb, Size } from '../protocol/geometry';

export interface DecodedPixels {
  width: number;
  height: number;
  /** Straight RGBA, 8-bit. */
  data: Uint8Array | Uint8ClampedArray;
}

export function sampleUnderBox(img: DecodedPixels, source: Size, crop: { window: Box; output: Size }, background: Rgb | null, box: Box, grid: [number, number] = [24, 10]): Rgb[] {
  const out: Rgb[] = [];
  const bg = background ?? { r: 1, g: 1, b: 1 };
  const [cols, rows] = grid;
  for (let j = 0; j < rows; j++) {
    for (let i = 0; i < cols; i++) {
      const fx = box.x + ((i + 0.5) / cols) * box.width;
      const fy = box.y + ((j + 0.5) / rows) * box.height;
      const sx = crop.window.x + (fx * crop.window.width) / crop.output.width;
      const sy = crop.window.y + (fy * crop.window.height) / crop.output.height;
      if (sx < 0 || sy < 0 || sx >= source.width || sy >= source.height) {
        out.push(bg);
        continue;
      }
      const px = Math.min(img.width - 1, Math.floor((sx * img.width) / source.width));
      const py = Math.min(img.height - 1, Math.floor((sy * img.height) / source.height));
      const o = (py * img.width + px) * 4;
      const a = img.data[o + 3] / 255;
      // Transparent pixels show the frame's background.
      out.push({ r: (img.data[o] / 255) * a + bg.r * (1 - a), g: (img.data[o + 1] / 255) * a + bg.g * (1 - a), b: (img.data[o + 2] / 255) * a + bg.b * (1 - a) });
    }
  }
  return out;
}
