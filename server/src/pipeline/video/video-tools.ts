/**
 * Where FFmpeg is, and whether it runs. brandlock drives Debian's `ffmpeg` and `ffprobe` (or the
 * binaries BRANDLOCK_FFMPEG and BRANDLOCK_FFPROBE name) as child processes rather than shipping an
 * npm binary: the distribution's build has libx264, is patched by the distribution, and is the same
 * FFmpeg the benchmarks compare against. Without it, video jobs fail with an error naming the tool.
 */
import { spawn } from 'node:child_process';
import { childEnv } from '../../runtime/child-env';

export interface VideoTools {
  ffmpeg: string;
  ffprobe: string;
}

/** A video step could not run because FFmpeg (or ffprobe) is missing or broken. */
export class VideoToolMissingError extends Error {
  override name = 'VideoToolMissingError';
  constructor(
    readonly tool: 'ffmpeg' | 'ffprobe',
    readonly path: string,
    detail: string,
  ) {
    super(
      `${tool} is needed for product video (decoding, frame QC and channel cuts) but ${detail}: install Debian's ffmpeg package (apt-get install ffmpeg) or set ${tool === 'ffmpeg' ? 'BRANDLOCK_FFMPEG' : 'BRANDLOCK_FFPROBE'} to the ${tool} binary`,
    );
  }
}

/** @example videoToolsFromEnv(process.env) // { ffmpeg: 'ffmpeg', ffprobe: 'ffprobe' } */
export function videoToolsFromEnv(env: Record<string, string | undefined>): VideoTools {
  return { ffmpeg: env.BRANDLOCK_FFMPEG?.trim() || 'ffmpeg', ffprobe: env.BRANDLOCK_FFPROBE?.trim() || 'ffprobe' };
}

const checked = new Map<string, Promise<string>>();

/** Runs `<tool> -version` once per path; resolves to its first line, or rejects with VideoToolMissingError. */
function versionOf(tool: 'ffmpeg' | 'ffprobe', path: string): Promise<string> {
  const key = `${tool}\u0000${path}`;
  let found = checked.get(key);
  if (!found) {
    found = new Promise<string>((resolve, reject) => {
      const child = spawn(path, ['-version'], { stdio: ['ignore', 'pipe', 'ignore'], env: childEnv() });
      let out = '';
      child.stdout.on('data', (c: Buffer) => (out += c.toString('latin1')));
      child.on('error', (e: NodeJS.ErrnoException) =>
        reject(new VideoToolMissingError(tool, path, e.code === 'ENOENT' ? `"${path}" was not found` : `"${path}" could not be started (${e.code ?? e.message})`)),
      );
      child.on('close', (code) => (code === 0 ? resolve(out.split('\n')[0].trim()) : reject(new VideoToolMissingError(tool, path, `"${path} -version" exited ${code}`))));
    });
    found.catch(() => checked.delete(key));
    checked.set(key, found);
  }
  return found;
}

/**
 * Checks both tools; resolves to their version lines.
 * @example await requireVideoTools(tools) // { ffmpeg: 'ffmpeg version 5.1.9-0+deb12u1 ...', ffprobe: '...' }
 */
export async function requireVideoTools(tools: VideoTools): Promise<{ ffmpeg: string; ffprobe: string }> {
  const [ffmpeg, ffprobe] = await Promise.all([versionOf('ffmpeg', tools.ffmpeg), versionOf('ffprobe', tools.ffprobe)]);
  return { ffmpeg, ffprobe };
}
