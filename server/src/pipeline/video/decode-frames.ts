/**
 * Streams a video's frames out of FFmpeg as 8-bit RGBA rasters at a given size (area-averaged, the
 * way the still QC proxy is made), one callback per frame, in order. Frames are not held: the caller
 * keeps what it needs, so a long clip decodes in constant memory. Every decoded frame is delivered
 * (no frame-rate conversion), so repeated frames in the file stay visible to QC.
 */
import { spawn } from 'node:child_process';
import type { Raster } from '@brandlock/core';
import { childEnv } from '../../runtime/child-env';
import { lastLines, VideoToolError } from './run-tool';
import { VideoToolMissingError, type VideoTools } from './video-tools';

export interface DecodeFramesOptions {
  width: number;
  height: number;
  signal?: AbortSignal;
  /** Decoder threads; 1 keeps a job to one core. Default 1. */
  threads?: number;
}

/**
 * @example const frames = await decodeFrames(tools, '/tmp/clip.mp4', { width: 216, height: 384 }, (raster, i) => analyser.add(raster))
 */
export function decodeFrames(tools: VideoTools, path: string, options: DecodeFramesOptions, onFrame: (raster: Raster, index: number) => void): Promise<number> {
  const { width, height } = options;
  const frameBytes = width * height * 4;
  const args = [
    '-v', 'error', '-nostdin', '-threads', String(options.threads ?? 1), '-i', path, '-map', '0:v:0', '-an', '-sn',
    '-vf', `scale=${width}:${height}:flags=area,format=rgba`, '-fps_mode', 'passthrough', '-f', 'rawvideo', 'pipe:1',
  ];
  return new Promise((resolve, reject) => {
    const child = spawn(tools.ffmpeg, args, { stdio: ['ignore', 'pipe', 'pipe'], env: childEnv(), signal: options.signal });
    let frame = new Uint8Array(frameBytes);
    let filled = 0;
    let index = 0;
    let err = '';
    let failed: unknown = null;
    child.stderr.on('data', (c: Buffer) => (err = (err + c.toString('utf8')).slice(-8000)));
    child.stdout.on('data', (chunk: Buffer) => {
      if (failed) return;
      let offset = 0;
      while (offset < chunk.length) {
        const n = Math.min(frameBytes - filled, chunk.length - offset);
        frame.set(chunk.subarray(offset, offset + n), filled);
        filled += n;
        offset += n;
        if (filled === frameBytes) {
          try {
            onFrame({ width, height, depth: 8, data: frame }, index++);
          } catch (e) {
            failed = e;
            child.kill('SIGKILL');
            return;
          }
          frame = new Uint8Array(frameBytes);
          filled = 0;
        }
      }
    });
    child.on('error', (e: NodeJS.ErrnoException) => reject(e.code === 'ENOENT' ? new VideoToolMissingError('ffmpeg', tools.ffmpeg, `"${tools.ffmpeg}" was not found`) : e));
    child.on('close', (code) => {
      if (failed) return reject(failed);
      if (code !== 0) return reject(new VideoToolError(`ffmpeg could not decode the video: ${lastLines(err)}`, err));
      if (index === 0) return reject(new VideoToolError('ffmpeg decoded no frames from the video', err));
      resolve(index);
    });
  });
}
