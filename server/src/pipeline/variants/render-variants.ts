/**
 * Renders every planned variant of one decoded master: pixels, encoding, checksum, publication
 * under its planned name. Variants run a few at a time (libvips threads inside each); one that fails
 * is reported and the others go on. Returns manifest entries for what was written.
 */
import { createHash } from 'node:crypto';
import type { ImageFormat, VariantPlan } from '@brandlock/core';
import { encodePlannedVariant } from './encode-variant';
import type { LoadedMaster } from './load-master';
import { publishFile } from './publish-file';
import { isVariantError } from './variant-error';
import { slowestFirst } from './slowest-first';

export interface VariantManifestEntry {
  channel: string;
  /** Absolute path of the file written. */
  path: string;
  file: string;
  sha256: string;
  bytes: number;
  width: number;
  height: number;
  format: ImageFormat;
  /** The encoder quality used (lower than the spec's when maxBytes forced it), or null for lossless formats. */
  quality: number | null;
  /** What the crop had to compromise on (padded, upscaled, margin reduced...), as notes for a reviewer. */
  notes: string[];
}

export interface VariantFailure {
  channel: string;
  code: string;
  message: string;
}

export interface RenderVariantsOptions {
  outDir: string;
  /** Variants encoded at once. Default 3: enough to keep two cores busy while one encoder is single-threaded. */
  parallel?: number;
  signal?: AbortSignal;
}

export async function renderVariants(master: LoadedMaster, plans: readonly VariantPlan[], options: RenderVariantsOptions): Promise<{ entries: VariantManifestEntry[]; failures: VariantFailure[] }> {
  const results: (VariantManifestEntry | VariantFailure)[] = new Array(plans.length);
  // Slowest encodes first, so the last variant to finish is a quick one and both cores stay busy.
  const order = slowestFirst(plans.map((p) => ({ crop: p.crop, format: p.channel.format })));
  let next = 0;
  const worker = async () => {
    while (next < order.length) {
      const i = order[next++];
      if (options.signal?.aborted) {
        results[i] = { channel: plans[i].channel.id, code: 'aborted', message: 'stopped before this variant was rendered' };
        continue;
      }
      results[i] = await renderOne(master, plans[i], options.outDir).catch((e: unknown) => ({
        channel: plans[i].channel.id,
        code: isVariantError(e) ? e.code : 'encode',
        message: (e as Error).message,
      }));
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(options.parallel ?? 3, plans.length)) }, worker));
  const entries = results.filter((r): r is VariantManifestEntry => 'path' in r);
  const failures = results.filter((r): r is VariantFailure => !('path' in r));
  return { entries, failures };
}

async function renderOne(master: LoadedMaster, plan: VariantPlan, outDir: string): Promise<VariantManifestEntry> {
  const spec = plan.channel;
  const { bytes, quality } = await encodePlannedVariant(master, plan.crop, spec, plan.xmp, plan.iptc);
  const path = await publishFile(outDir, plan.fileName, bytes);
  return {
    channel: spec.id,
    path,
    file: plan.fileName,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    bytes: bytes.length,
    width: plan.crop.output.width,
    height: plan.crop.output.height,
    format: spec.format,
    quality,
    notes: plan.crop.notes.map((n) => n.message),
  };
}
