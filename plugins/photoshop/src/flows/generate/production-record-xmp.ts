/**
 * The XMP a generated layer carries: the full production record as canonical JSON, plus the fields a
 * person looks for first (job, SKU, lock and recipe hashes, provider, model, seed) as their own
 * properties so File Info and DAM tools show them without parsing JSON.
 */
import { canonicalJson } from '@brandlock/core/hash';
import type { XmpProperties } from '../../xmp/brandlock-xmp';

const headline = ['sku', 'view', 'lockHash', 'recipeHash', 'provider', 'model', 'modelVersion', 'seed', 'createdAt'];

export function productionRecordXmp(jobId: string, record: Record<string, unknown>): XmpProperties {
  const props: XmpProperties = { jobId, productionRecord: canonicalJson(record) };
  for (const key of headline) {
    const v = record[key];
    if (typeof v === 'string' || typeof v === 'number') props[key] = String(v);
  }
  return props;
}
