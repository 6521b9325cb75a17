/**
 * The local provider's master: the source image (a packshot or flat-lay) made into a master at the
 * recipe's size on the lighting preset's background, on the CPU. Transparent areas are composited on
 * the background; the image is fitted inside the frame and padded with the background. This is where
 * the full post pipeline (LUT, white balance, exposure, background cleanup) plugs in.
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
  /** The lighting preset's background, hex. */
  background: string;
  maxPixels?: number;
}

export async function renderLocalMaster(input: LocalMasterInput): Promise<RenderedImage> {
  const maxPixels = input.maxPixels ?? DEFAULT_MAX_PIXELS;
  await probeImage(input.source, { maxPixels });
  let pipeline = sharp(input.source, { limitInputPixels: maxPixels, failOn: 'truncated' }).autoOrient().flatten({ background: input.background });
  if (input.size) pipeline = pipeline.resize(input.size.width, input.size.height, { fit: 'contain', background: input.background });
  const { data, info } = await pipeline.toColourspace('srgb').png({ compressionLevel: 6 }).toBuffer({ resolveWithObject: true });
  return { bytes: new Uint8Array(data), contentType: 'image/png', width: info.width, height: info.height };
}
