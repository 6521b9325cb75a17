/**
 * A clip's first frame at full size as an sRGB JPEG (encoded once, from FFmpeg's lossless PNG), with
 * an XMP packet when given: the poster a PDP, a DAM or a plugin shows before the clip plays.
 */
import sharp from 'sharp';
import { runTool } from './run-tool';
import type { VideoTools } from './video-tools';

export async function posterFrame(tools: VideoTools, path: string, options: { quality?: number; xmp?: string; signal?: AbortSignal } = {}): Promise<{ jpeg: Uint8Array; width: number; height: number }> {
  const png = (await runTool('ffmpeg', tools.ffmpeg, ['-v', 'error', '-nostdin', '-i', path, '-frames:v', '1', '-f', 'image2pipe', '-c:v', 'png', 'pipe:1'], { signal: options.signal })).stdout;
  let p = sharp(png).jpeg({ quality: options.quality ?? 88 }).withIccProfile('srgb');
  if (options.xmp) p = p.withXmp(options.xmp);
  const { data, info } = await p.toBuffer({ resolveWithObject: true });
  return { jpeg: new Uint8Array(data), width: info.width, height: info.height };
}
