/**
 * The Brand Lock document as written by a brand (schema version 1). `loadBrandLock` turns it into
 * a resolved `BrandLock`: references checked, seed defaults and channel presets merged in.
 */
import { z } from 'zod';
import { Id, Name, Text } from './fields';
import { ModelProfile } from './model-profile';
import { LightingPreset } from './lighting-preset';
import { LutRef } from './lut-ref';
import { Palette } from './palette';
import { PoseSet } from './pose-set';
import { CategoryInput, type Category } from './category';
import { Naming } from './naming';
import { ChannelSpec } from '../channels/channel-spec';
import type { VideoChannelSpec } from '../channels/video-channel-spec';
import { VideoChannelEntry } from './video-channel-entry';
import { Typography } from './typography';

/** A channel in a lock: a built-in preset plus overrides, or a complete custom spec. */
export const ChannelEntry = ChannelSpec.partial().extend({
  id: Id,
  preset: z.string().max(64).optional().describe('Id of a built-in channel preset to start from'),
});
export type ChannelEntry = z.infer<typeof ChannelEntry>;

export const BrandLockInput = z.strictObject({
  $schema: z.string().max(500).optional().describe('Path or URL of the JSON Schema, for editors'),
  schemaVersion: z.literal(1),
  brand: z.strictObject({ id: Id, name: Name }),
  version: z.string().min(1).max(40).describe('The brand\'s own version label, e.g. "SS27.3"'),
  season: z.string().max(40).default(''),
  description: Text(2000).default(''),
  models: z.array(ModelProfile).min(1).max(200),
  lighting: z.array(LightingPreset).min(1).max(100),
  luts: z.array(LutRef).max(100).default([]),
  palette: Palette,
  poseSets: z.array(PoseSet).min(1).max(100),
  categories: z.array(CategoryInput).min(1).max(200),
  channels: z.array(ChannelEntry).min(1).max(200),
  naming: Naming,
  typography: Typography.optional(),
  videoChannels: z.array(VideoChannelEntry).max(50).default([]).describe('Delivery targets for product video loops (PDP loop, Reels, TikTok, square)'),
});
export type BrandLockInput = z.input<typeof BrandLockInput>;
export type BrandLockParsed = z.infer<typeof BrandLockInput>;

/** A lock after loading: every reference resolves, every category and channel is complete. */
export interface BrandLock extends Omit<BrandLockParsed, '$schema' | 'categories' | 'channels' | 'videoChannels'> {
  categories: Category[];
  channels: ChannelSpec[];
  videoChannels: VideoChannelSpec[];
}
