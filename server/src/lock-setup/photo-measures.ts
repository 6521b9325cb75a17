/**
 * The measures lock set-up takes of a photo, as QC reads it (read-photo-for-measure.ts): a library
 * photo described (kind, category, SKU, colour, backdrop, findings), a garment's swatch, a lighting
 * reading. Each is about a second of synchronous JavaScript on a 24 MP photo; these functions are
 * what the measure worker runs, and what runs in this thread where the worker is not built.
 */
import { describeLibraryImage, measureLighting, measureSwatch, type BrandLock, type ImageFileFacts, type Lab, type LibraryImageFacts, type LightingMeasurement } from '@brandlock/core';
import { readPhotoForMeasure } from './read-photo-for-measure';

export type MeasureTask =
  | { kind: 'describe'; path: string; bytes: Uint8Array; maxPixels?: number; lock: BrandLock | null; knownSkus: readonly string[] }
  | { kind: 'swatch'; path: string; bytes: Uint8Array; maxPixels?: number }
  | { kind: 'lighting'; path: string; bytes: Uint8Array; maxPixels?: number };

export interface MeasureResults {
  describe: { facts: ImageFileFacts; described: LibraryImageFacts };
  swatch: Lab | null;
  lighting: LightingMeasurement | null;
}

export async function measurePhoto<K extends MeasureTask['kind']>(task: Extract<MeasureTask, { kind: K }>): Promise<MeasureResults[K]> {
  const { image, facts } = await readPhotoForMeasure(task.path, task.bytes, undefined, task.maxPixels);
  if (task.kind === 'describe') {
    const t = task as Extract<MeasureTask, { kind: 'describe' }>;
    return { facts, described: describeLibraryImage(image, facts, t.path, t.lock, t.knownSkus) } as MeasureResults[K];
  }
  if (task.kind === 'swatch') return (measureSwatch(image)?.lab ?? null) as MeasureResults[K];
  return measureLighting(image) as MeasureResults[K];
}
