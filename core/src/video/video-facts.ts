/**
 * What a video file is, as QC and channel checks read it: container, codec, size, frame rate,
 * frames, duration, bitrate, bytes and whether it carries sound. The server fills this from ffprobe;
 * core only judges it.
 */

export interface VideoFacts {
  /** Container as ffprobe names it, e.g. "mov,mp4,m4a,3gp,3g2,mj2". */
  container: string;
  /** Video codec, e.g. "h264", "hevc", "vp9". */
  codec: string;
  /** Codec profile, e.g. "High", or null when not stated. */
  profile: string | null;
  pixelFormat: string | null;
  /** Display size (rotation applied). */
  width: number;
  height: number;
  /** Frames per second (the stream's average frame rate). */
  fps: number;
  /** Decoded frames (or the container's count before decoding). */
  frames: number;
  durationSeconds: number;
  /** Average video bitrate, kbit/s, or null when neither stream nor container says. */
  bitrateKbps: number | null;
  bytes: number;
  hasAudio: boolean;
}
