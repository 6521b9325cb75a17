/**
 * The moodboard brief a designer fills in: environment, lighting moods from the lock's presets, model
 * direction from its model profiles, the palette swatches in play for the story, garment focus, how
 * many images. Checked against the lock before anything is sent, with a message per field.
 */
import type { BrandLock } from '@brandlock/core/brand';
import { BOARD_MAX_IMAGES, BOARD_MIN_IMAGES } from '../layout/board-grid';

export interface MoodboardBrief {
  environment: string;
  lightingIds: string[];
  modelIds: string[];
  /** The story's swatches (the studies' colours and the board's palette); none picked: the whole palette. */
  swatchIds: string[];
  garmentFocus: string;
  count: number;
  notes: string;
}

export type BriefIssues = Partial<Record<keyof MoodboardBrief, string>>;

export function defaultBrief(lock: BrandLock): MoodboardBrief {
  return { environment: '', lightingIds: [lock.lighting[0].id], modelIds: [lock.models[0].id], swatchIds: [], garmentFocus: '', count: 12, notes: '' };
}

export function checkBrief(brief: MoodboardBrief, lock: BrandLock): BriefIssues {
  const issues: BriefIssues = {};
  if (!brief.environment.trim()) issues.environment = 'Describe the setting, e.g. "sunlit concrete loft"';
  else if (brief.environment.length > 300) issues.environment = `At most 300 characters (${brief.environment.length})`;
  if (brief.garmentFocus.length > 300) issues.garmentFocus = `At most 300 characters (${brief.garmentFocus.length})`;
  if (brief.notes.length > 2000) issues.notes = `At most 2000 characters (${brief.notes.length})`;
  if (!brief.lightingIds.length) issues.lightingIds = 'Pick at least one lighting mood';
  const unknownLight = brief.lightingIds.find((id) => !lock.lighting.some((l) => l.id === id));
  if (unknownLight) issues.lightingIds = `"${unknownLight}" is not a lighting preset of this lock`;
  const unknownModel = brief.modelIds.find((id) => !lock.models.some((m) => m.id === id));
  if (unknownModel) issues.modelIds = `"${unknownModel}" is not a model profile of this lock`;
  const unknownSwatch = brief.swatchIds.find((id) => !lock.palette.swatches.some((s) => s.id === id));
  if (unknownSwatch) issues.swatchIds = `"${unknownSwatch}" is not a swatch of this lock's palette`;
  if (!Number.isInteger(brief.count) || brief.count < BOARD_MIN_IMAGES || brief.count > BOARD_MAX_IMAGES) {
    issues.count = `${BOARD_MIN_IMAGES} to ${BOARD_MAX_IMAGES} images`;
  }
  return issues;
}
