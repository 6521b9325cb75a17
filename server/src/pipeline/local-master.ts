/**
 * The local provider's master: the source image (a packshot or flat-lay) fitted inside the recipe's
 * frame on the CPU. The margin it needs is filled with the source's own backdrop (its border colour,
 * or transparency for a cutout), so post-production then measures the real backdrop and replaces it
 * with the lighting preset's; nothing here pretends to generate.
 */
import sharp from 'sharp';
import { probeImage, DEFAULT_MAX_PIXELS } from './decode-image';

export interface RenderedImage {
  bytes: Uint8Array;
  contentType: string;
  width: number;
  height: number;
}

export interface LocalMasterInput {
  source: Uint8Array;
  /** Output size; null keeps the source size (post-processing). */
  size: { width: number; height: number } | null;
  /** The lighting preset's background, hex: used only when the source's own backdrop cannot be read. */
  background: string;
  maxPixels?: number;
}

export async function renderLocalMaster(input: LocalMasterInput): Promise<RenderedImage> {
  const maxPixels = input.maxPixels ?? DEFAULT_MAX_PIXELS;
  const info = await probeImage(input.source, { maxPixels });
  let pipeline = sharp(input.source, { limitInputPixels: maxPixels, failOn: 'truncated' }).autoOrient().toColourspace('srgb');
  if (input.size) {
    const fill = info.hasAlpha ? { r: 0, g: 0, b: 0, alpha: 0 } : await borderColour(input.source, maxPixels, input.background);
    pipeline = pipeline.resize(input.size.width, input.size.height, { fit: 'contain', background: fill });
  }
  // An intermediate: post-production decodes it at once, so it is written fast rather than small.
  const { data, info: out } = await pipeline.png({ compressionLevel: 1 }).toBuffer({ resolveWithObject: true });
  return { bytes: new Uint8Array(data), contentType: 'image/png', width: out.width, height: out.height };
}

/** The median colour of the source's outermost pixels (on a small copy): the backdrop it was shot on. */
async function borderColour(source: Uint8Array, maxPixels: number, fallback: string): Promise<{ r: number; g: number; b: number }> {
  const { data, info } = await sharp(source, { limitInputPixels: maxPixels }).autoOrient().toColourspace('srgb').removeAlpha().resize(64, 64, { fit: 'fill' }).raw().toBuffer({ resolveWithObject: true });
  const channels: number[][] = [[], [], []];
  for (let y = 0; y < info.height; y++)
    for (let x = 0; x < info.width; x++) {
      if (x !== 0 && y !== 0 && x !== info.width - 1 && y !== info.height - 1) continue;
      const i = (y * info.width + x) * info.channels;
      for (let c = 0; c < 3; c++) channels[c].push(data[i + c]);
    }
  if (!channels[0].length) {
    const n = parseInt(fallback.replace('#', ''), 16);
    return { r: (n >> 16) & 255, g: (n >> 8) & 255, b: n & 255 };
  }
  const median = (v: number[]) => v.sort((a, b) => a - b)[v.length >> 1];
  return { r: median(channels[0]), g: median(channels[1]), b: median(channels[2]) };
}
