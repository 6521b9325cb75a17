/**
 * Reads a video file's facts with ffprobe: the first video stream's codec, profile, pixel format,
 * display size (rotation applied), average frame rate, frame count and duration, the bitrate, and
 * whether there is an audio stream. A file with no video stream is refused by name.
 */
import { stat } from 'node:fs/promises';
import type { VideoFacts } from '@brandlock/core';
import { runTool, VideoToolError } from './run-tool';
import type { VideoTools } from './video-tools';

export class VideoProbeError extends Error {
  override name = 'VideoProbeError';
}

interface ProbeStream {
  codec_type?: string;
  codec_name?: string;
  profile?: string;
  pix_fmt?: string;
  width?: number;
  height?: number;
  avg_frame_rate?: string;
  r_frame_rate?: string;
  nb_frames?: string;
  duration?: string;
  bit_rate?: string;
  tags?: { rotate?: string };
  side_data_list?: { rotation?: number }[];
}

function rate(text: string | undefined): number {
  const [n, d] = String(text ?? '0/0').split('/').map(Number);
  return d ? n / d : Number.isFinite(n) ? n : 0;
}

/** @example const facts = await probeVideo(tools, '/tmp/clip.mp4') // { codec: 'h264', width: 832, ... } */
export async function probeVideo(tools: VideoTools, path: string, signal?: AbortSignal): Promise<VideoFacts> {
  let stdout: Buffer;
  try {
    ({ stdout } = await runTool('ffprobe', tools.ffprobe, ['-v', 'error', '-print_format', 'json', '-show_format', '-show_streams', path], { signal }));
  } catch (e) {
    if (e instanceof VideoToolError) throw new VideoProbeError(`not a readable video: ${e.message.replace(/^ffprobe exited \d+: /, '')}`);
    throw e;
  }
  const json = JSON.parse(stdout.toString('utf8')) as { streams?: ProbeStream[]; format?: { format_name?: string; duration?: string; bit_rate?: string } };
  const streams = json.streams ?? [];
  const video = streams.find((s) => s.codec_type === 'video');
  if (!video || !video.width || !video.height) throw new VideoProbeError('the file has no video stream');
  const rotation = Math.abs(Number(video.tags?.rotate ?? video.side_data_list?.find((d) => d.rotation !== undefined)?.rotation ?? 0)) % 180;
  const fps = rate(video.avg_frame_rate) || rate(video.r_frame_rate);
  const duration = Number(video.duration ?? json.format?.duration ?? 0);
  const frames = Number(video.nb_frames ?? 0) || Math.round(duration * fps);
  const bitRate = Number(video.bit_rate ?? json.format?.bit_rate ?? NaN);
  return {
    container: json.format?.format_name ?? 'unknown',
    codec: video.codec_name ?? 'unknown',
    profile: video.profile ?? null,
    pixelFormat: video.pix_fmt ?? null,
    width: rotation === 90 ? video.height : video.width,
    height: rotation === 90 ? video.width : video.height,
    fps,
    frames,
    durationSeconds: duration,
    bitrateKbps: Number.isFinite(bitRate) ? Math.round(bitRate / 1000) : null,
    bytes: (await stat(path)).size,
    hasAudio: streams.some((s) => s.codec_type === 'audio'),
  };
}
