/**
 * QC of one file: read, decode (full resolution plus proxy), attach review flags, then run every
 * rule once per SKU the file stands for (a source photo can serve several SKUs). Whatever goes wrong
 * with the file becomes an error row naming the reason; nothing here throws for bad input.
 */
import { readFile, stat } from 'node:fs/promises';
import {
  buildQcContext,
  labToSrgb,
  prepareQcImage,
  runQcRules,
  type BatchItem,
  type BrandLock,
  type ImageTarget,
  type QcImage,
  type QcImageRecord,
} from '@brandlock/core';
import { decodeForQc } from './decode-for-qc';
import { readReviewFlags } from './read-review-flags';
import { qcThumbnail, type QcThumbnail } from './qc-thumbnail';

export interface QcFileInput {
  /** Absolute path. */
  path: string;
  /** Path as shown in the report (relative to where the run started). */
  display: string;
  targets: ImageTarget[];
}

export interface QcFileOptions {
  maxPixels?: number;
  maxBytes?: number;
  /** Make report thumbnails. Default true. */
  thumbnails?: boolean;
}

export interface QcFileOutput {
  records: QcImageRecord[];
  thumbnail: QcThumbnail | null;
  batch: BatchItem[];
}

const DEFAULT_MAX_BYTES = 200 * 1024 * 1024;

/** An error row for a file, optionally for one of its targets. */
export function errorRecord(display: string, code: string, message: string, target: ImageTarget | null, ms = 0): QcImageRecord {
  return { ...targetFields(display, target), verdict: 'error', error: { code, message }, ms: Math.round(ms) };
}

function targetFields(display: string, target: ImageTarget | null): Omit<QcImageRecord, 'verdict' | 'error' | 'ms'> {
  return {
    file: display,
    sku: target?.sku ?? null,
    colorway: target?.colorway ?? null,
    view: target?.view ?? null,
    target: target ? (target.channel?.id ?? 'master') : null,
    category: target?.category.id ?? null,
    categoryName: target?.category.name ?? null,
    lighting: target?.category.lighting ?? null,
    swatch: target?.swatch ? { name: target.swatch.name, hex: target.swatch.hex, lab: target.swatch.lab } : null,
    width: null,
    height: null,
    format: null,
    bytes: null,
    findings: [],
    metrics: null,
  };
}

/**
 * @example const { records } = await qcImageFile({ path, display, targets }, lock);
 */
export async function qcImageFile(input: QcFileInput, lock: BrandLock, options: QcFileOptions = {}): Promise<QcFileOutput> {
  const started = performance.now();
  const fail = (code: string, message: string): QcFileOutput => ({
    records: input.targets.map((t) => errorRecord(input.display, code, message, t, performance.now() - started)),
    thumbnail: null,
    batch: [],
  });
  let bytes: Uint8Array;
  try {
    const info = await stat(input.path);
    const max = options.maxBytes ?? DEFAULT_MAX_BYTES;
    if (info.size > max) return fail('too_large', `the file is ${info.size} bytes, above the ${max}-byte limit`);
    bytes = await readFile(input.path);
  } catch (e) {
    return fail('unreadable', `cannot read the file (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
  let decoded;
  try {
    decoded = await decodeForQc(bytes, { maxPixels: options.maxPixels, maxBytes: options.maxBytes });
  } catch (e) {
    const err = e as Error & { code?: string };
    return fail(err.name === 'ImageDecodeError' && err.code ? err.code : 'corrupt', err.message);
  }
  const flags = await readReviewFlags(input.path);
  if (!flags.success) return fail('bad_flags', flags.message);
  const images = new Map<string, QcImage>();
  const records: QcImageRecord[] = [];
  const batch: BatchItem[] = [];
  let thumbnail: QcThumbnail | null = null;
  for (const target of input.targets) {
    const ctx = buildQcContext(lock, { category: target.category, channel: target.channel, swatch: target.swatch, file: decoded.facts, flags: flags.flags });
    let image = images.get(ctx.lighting.id);
    if (!image) {
      const matte = labToSrgb(ctx.lighting.background).map((v) => Math.round(v * 255)) as [number, number, number];
      image = prepareQcImage(decoded.raster, { proxy: decoded.proxy, matte });
      images.set(ctx.lighting.id, image);
    }
    const result = runQcRules(image, ctx);
    if (!thumbnail && options.thumbnails !== false) thumbnail = await qcThumbnail(image);
    const key = `${input.display}\u0000${target.sku}\u0000${target.colorway ?? ''}`;
    batch.push({ key, sku: target.sku, colorway: target.colorway, lighting: ctx.lighting.id, thresholds: ctx.thresholds, ...result.metrics });
    records.push({
      ...targetFields(input.display, target),
      verdict: result.verdict,
      width: decoded.facts.width,
      height: decoded.facts.height,
      format: decoded.facts.format,
      bytes: decoded.facts.bytes,
      findings: result.findings,
      metrics: result.metrics,
      ms: Math.round(performance.now() - started),
    });
  }
  return { records, thumbnail, batch };
}
