/**
 * The XMP a generated layer carries: the server's production record as canonical JSON, plus the
 * fields a person looks for first (job, asset, SKU, lock and recipe hashes, provider, model, seed) as
 * their own properties, so File Info and DAM tools show them without parsing JSON.
 */
import type { ProductionRecord } from '@brandlock/core/audit';
import { canonicalJson } from '@brandlock/core/hash';
import type { XmpProperties } from '../../xmp/brandlock-xmp';

export function productionRecordXmp(record: ProductionRecord): XmpProperties {
  const props: XmpProperties = {
    jobId: record.jobId,
    assetId: record.assetId,
    lockHash: record.lock.hash,
    lockVersion: record.lock.version,
    recipeHash: record.recipeHash,
    provider: record.provider,
    createdAt: record.createdAt,
    productionRecord: canonicalJson(record),
  };
  const optional: [string, string | number | null][] = [
    ['sku', record.sku], ['colorway', record.colorway], ['view', record.view], ['model', record.model], ['modelVersion', record.modelVersion], ['seed', record.seed],
  ];
  for (const [key, value] of optional) if (value !== null) props[key] = String(value);
  return props;
}
