/**
 * Closes a loop a model could not be asked to close (Runway gen4_turbo takes no last frame): the
 * clip's last `k` frames are crossfaded into its first `k`, so the new last frame leads straight into
 * the new first one. The result is `k` frames shorter; the adapter asked the provider for one second
 * more than the brief for that. Encoded at a master's quality (x264 CRF 16).
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { probeVideo } from './probe-video';
import { runTool } from './run-tool';
import type { VideoTools } from './video-tools';

export interface ClosedLoop {
  bytes: Uint8Array;
  /** What was done, for the post-production record. */
  detail: string;
  crossfadeSeconds: number;
  durationSeconds: number;
}

/**
 * @example const closed = await closeLoop(tools, clip, { briefSeconds: 5 }) // 6 s in, 1 s crossfade, 5 s out
 */
export async function closeLoop(tools: VideoTools, bytes: Uint8Array, o: { briefSeconds: number; signal?: AbortSignal }): Promise<ClosedLoop | null> {
  const dir = await mkdtemp(join(tmpdir(), 'brandlock-close-loop-'));
  try {
    const input = join(dir, 'in.mp4');
    const output = join(dir, 'out.mp4');
    await writeFile(input, bytes);
    const f = await probeVideo(tools, input, o.signal);
    // Crossfade what the clip has beyond the brief (up to a second), else a short 0.3 s blend.
    const seconds = Math.min(1, Math.max(0.3, f.durationSeconds - o.briefSeconds));
    const k = Math.round(seconds * f.fps);
    if (!f.fps || f.frames < 3 * k) return null;
    const keep = f.frames - k;
    const filter = `[0:v]split[a][b];[a]trim=start_frame=${keep},setpts=PTS-STARTPTS[tail];[b]trim=end_frame=${keep},setpts=PTS-STARTPTS[head];[tail][head]xfade=transition=fade:duration=${(k / f.fps).toFixed(4)}:offset=0,format=yuv420p[v]`;
    await runTool('ffmpeg', tools.ffmpeg, ['-v', 'error', '-nostdin', '-y', '-i', input, '-filter_complex', filter, '-map', '[v]', '-an', '-c:v', 'libx264', '-preset', 'fast', '-crf', '16', '-r', String(f.fps), '-movflags', '+faststart', output], { signal: o.signal });
    const out = await probeVideo(tools, output, o.signal);
    return {
      bytes: new Uint8Array(await readFile(output)),
      detail: `loop closed: the last ${(k / f.fps).toFixed(2)} s crossfaded into the first (the model takes no last frame); ${f.durationSeconds.toFixed(2)} s made, ${out.durationSeconds.toFixed(2)} s kept`,
      crossfadeSeconds: k / f.fps,
      durationSeconds: out.durationSeconds,
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
