/**
 * Moodboards as boards of cells: the server plans one cell per image (lighting preset x model profile
 * x pose, the brief's environment), and each cell is its own job with its own prompt and seed, so a
 * GPU provider gets one request per image and a board can be followed, resumed or canceled as one
 * thing. Offline (the local provider) each cell is a study rendered from the lock's own material.
 */
import { z } from 'zod';
import { Id } from '../brand/fields';
import { IsoTime } from './common';
import { JobError, JobOutput, JobState, MoodboardRequest, ProviderName } from './job-schemas';
import { LockRef } from './lock-schemas';

export const MoodboardCreateRequest = z.strictObject({
  ...MoodboardRequest.shape,
  views: z.array(Id).max(20).optional().describe("Poses from the category's pose set; its full-figure views when absent"),
  category: Id.optional().describe("The category whose cast, pose set and recipe the board uses; the lock's first when absent"),
  provider: ProviderName.optional().describe('A configured provider; the server default when absent'),
  lock: LockRef.optional().describe('Lock version; the current one when absent'),
});
export type MoodboardCreateRequest = z.input<typeof MoodboardCreateRequest>;

/** What a cell shows that its neighbours may not. */
export const MoodboardAxis = z.enum(['lighting', 'model', 'pose', 'take']);

export const MoodboardCell = z.object({
  index: z.number().int(),
  jobId: z.string(),
  lightingPreset: z.string(),
  modelProfile: z.string(),
  view: z.string(),
  /** 1 for the first image of a combination; boards larger than every combination repeat with new seeds. */
  take: z.number().int(),
  caption: z.string().describe('What this cell varies, in the lock\'s names: "Cool editorial · Kofi · Side"'),
  varies: z.array(MoodboardAxis),
  prompt: z.string(),
  seed: z.number().int().nullable(),
  state: JobState,
  stage: z.string(),
  output: JobOutput.nullable(),
  error: JobError.nullable(),
});
export type MoodboardCell = z.infer<typeof MoodboardCell>;

export const Moodboard = z.object({
  id: z.string(),
  state: JobState.describe('running while any cell is open; succeeded when every cell made its image; canceled or failed otherwise'),
  provider: ProviderName,
  lockHash: z.string(),
  lockVersion: z.string(),
  category: z.string(),
  title: z.string(),
  request: MoodboardRequest.extend({ views: z.array(z.string()).optional() }),
  /** Board-wide facts: the values an axis takes when it does not vary ("Lighting: Warm daylight studio"). */
  constants: z.array(z.string()),
  note: z.string().nullable().describe('What the images are: the local provider renders studies, not photographs'),
  imageWidth: z.number().int(),
  imageHeight: z.number().int(),
  cells: z.array(MoodboardCell),
  requestedBy: z.string(),
  createdAt: IsoTime,
});
export type Moodboard = z.infer<typeof Moodboard>;

/** A lock file (a model's reference image) stored on the server. */
export const LockFileUploaded = z.object({
  lockHash: z.string(),
  path: z.string(),
  ref: z.string(),
  sha256: z.string(),
  width: z.number().int(),
  height: z.number().int(),
  created: z.boolean(),
});
export type LockFileUploaded = z.infer<typeof LockFileUploaded>;
