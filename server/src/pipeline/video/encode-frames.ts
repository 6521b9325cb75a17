/**
 * Encodes RGBA frames into an H.264 MP4 through FFmpeg's stdin (yuv420p, faststart, no audio),
 * honouring backpressure so a long clip never sits in memory. Used by the local provider's offline
 * loop and by the test simulators.
 */
import { spawn } from 'node:child_process';
import { childEnv } from '../../runtime/child-env';
import { lastLines, VideoToolError } from './run-tool';
import { VideoToolMissingError, type VideoTools } from './video-tools';

export interface EncodeFramesOptions {
  width: number;
  height: number;
  fps: number;
  /** x264 constant rate factor. Default 18 (a master, not a delivery). */
  crf?: number;
  /** x264 preset. Default "fast". */
  preset?: string;
  threads?: number;
  /** Written as the MP4's comment tag (e.g. what made the clip). */
  comment?: string;
  signal?: AbortSignal;
}

/**
 * @example await encodeFrames(tools, '/tmp/out.mp4', { width: 1024, height: 1536, fps: 24 }, framesOf(still))
 */
export async function encodeFrames(tools: VideoTools, outPath: string, options: EncodeFramesOptions, frames: Iterable<Uint8Array> | AsyncIterable<Uint8Array>): Promise<number> {
  const { width, height } = options;
  const args = [
    '-v', 'error', '-y', '-f', 'rawvideo', '-pix_fmt', 'rgba', '-s', `${width}x${height}`, '-r', String(options.fps), '-i', 'pipe:0',
    '-an', '-c:v', 'libx264', '-preset', options.preset ?? 'fast', '-crf', String(options.crf ?? 18), '-pix_fmt', 'yuv420p',
    '-threads', String(options.threads ?? 1), '-movflags', '+faststart', ...(options.comment ? ['-metadata', `comment=${options.comment}`] : []), outPath,
  ];
  const child = spawn(tools.ffmpeg, args, { stdio: ['pipe', 'ignore', 'pipe'], env: childEnv(), signal: options.signal });
  let err = '';
  child.stderr.on('data', (c: Buffer) => (err = (err + c.toString('utf8')).slice(-8000)));
  const closed = new Promise<number | null>((resolve, reject) => {
    child.on('error', (e: NodeJS.ErrnoException) => reject(e.code === 'ENOENT' ? new VideoToolMissingError('ffmpeg', tools.ffmpeg, `"${tools.ffmpeg}" was not found`) : e));
    child.on('close', resolve);
  });
  closed.catch(() => undefined);
  const expected = width * height * 4;
  let count = 0;
  try {
    for await (const frame of frames) {
      if (frame.byteLength !== expected) throw new RangeError(`frame ${count} has ${frame.byteLength} bytes, expected ${expected} for ${width}x${height} RGBA`);
      if (!child.stdin.write(frame)) {
        const drained = await Promise.race([new Promise<true>((resolve) => child.stdin.once('drain', () => resolve(true))), closed.then(() => false, () => false)]);
        if (!drained) throw new VideoToolError(`ffmpeg stopped while encoding: ${lastLines(err)}`, err);
      }
      count++;
    }
  } finally {
    child.stdin.end();
  }
  const code = await closed;
  if (code !== 0) throw new VideoToolError(`ffmpeg could not encode the video: ${lastLines(err)}`, err);
  return count;
}
