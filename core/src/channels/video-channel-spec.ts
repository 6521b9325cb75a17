/**
 * A video channel: one delivery target for product video loops (PDP loop 4:5, Reels and TikTok 9:16,
 * a square feed video). Every cut is made from the category's master clip: cropped around the
 * tracked garment, scaled to the exact size, silent, H.264 in MP4 under the channel's bitrate and
 * byte caps, with a poster frame.
 */
import { z } from 'zod';
import { ColorString, Id, Name } from '../brand/fields';
import { ChannelSource, SafeArea } from './channel-spec';

export const VideoCodec = z.enum(['h264']).describe('H.264 (AVC) in MP4: what every storefront, Instagram and TikTok take');
export const VideoChannelKind = z.enum(['pdp-loop', 'social', 'marketplace']);

/** The fields of a video channel, without the cross-field checks (a lock entry is a partial of these). */
export const VideoChannelFields = z.strictObject({
  id: Id,
  name: Name,
  kind: VideoChannelKind,
  width: z.number().int().min(64).max(4096).refine((n) => n % 2 === 0, { message: 'expected an even number (H.264 4:2:0 needs even sizes)' }),
  height: z.number().int().min(64).max(4096).refine((n) => n % 2 === 0, { message: 'expected an even number (H.264 4:2:0 needs even sizes)' }),
  minSeconds: z.number().min(0).max(600).default(0).describe('Shortest clip the channel accepts; a loop shorter than this is played again until it fits'),
  maxSeconds: z.number().positive().max(600).describe('Longest clip the channel accepts; longer masters are cut'),
  minFps: z.number().positive().max(240).default(23).describe('The master frame rate is kept when it lies between minFps and maxFps'),
  maxFps: z.number().positive().max(240).default(60),
  codec: VideoCodec.default('h264'),
  profile: z.enum(['baseline', 'main', 'high']).default('high'),
  crf: z.number().int().min(0).max(51).default(20).describe('x264 constant rate factor before the caps apply: lower is better and larger'),
  maxBitrateKbps: z.number().int().positive().max(200_000).describe('Peak video bitrate (x264 -maxrate)'),
  minBitrateKbps: z.number().int().min(0).max(200_000).default(0).describe('Lowest average bitrate the channel accepts (TikTok: 516)'),
  maxBytes: z.number().int().positive().describe('Largest file the channel accepts; the cut is re-encoded at a lower bitrate until it fits'),
  loop: z.boolean().default(false).describe('The channel plays the clip as a loop (a PDP loop): a cut from a non-looping master is flagged'),
  fit: z.enum(['cover', 'pad']).default('cover'),
  focal: z.enum(['subject', 'center']).default('subject'),
  margin: z.number().min(0).max(0.45).default(0.06).describe('Breathing room around the garment as it moves, as a fraction of the frame'),
  background: ColorString.optional().describe("Padding colour, when the garment cannot fit otherwise; the category lighting preset's backdrop when absent"),
  safeArea: SafeArea.default({ top: 0, right: 0, bottom: 0, left: 0 }),
  poster: z.strictObject({ quality: z.number().int().min(1).max(100).default(88) }).default({ quality: 88 }).describe('The poster frame: a JPEG at the channel size'),
  markets: z.array(z.string().regex(/^[A-Z]{2}$/, 'expected an ISO 3166 alpha-2 market code like "DE"')).default([]),
  source: ChannelSource.optional(),
});

export const VideoChannelSpec = VideoChannelFields.refine((s) => s.minSeconds <= s.maxSeconds, {
  message: 'expected minSeconds at most maxSeconds',
  path: ['minSeconds'],
})
  .refine((s) => s.minFps <= s.maxFps, { message: 'expected minFps at most maxFps', path: ['minFps'] })
  .refine((s) => s.safeArea.top + s.safeArea.bottom < s.height && s.safeArea.left + s.safeArea.right < s.width, { message: 'expected a safe area smaller than the frame', path: ['safeArea'] });
export type VideoChannelSpec = z.infer<typeof VideoChannelSpec>;
export type VideoChannelSpecInput = z.input<typeof VideoChannelSpec>;
