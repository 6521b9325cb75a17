/**
 * QC of a whole batch: collect the files, place each one (naming template, or the brief's source
 * images), check them a few at a time, add the batch-consistency findings (colour drift within a
 * SKU, backdrop and exposure drift under one lighting preset), and assemble the report. A bad file
 * is an error row; the batch always goes on.
 */
import { basename, dirname, relative, resolve } from 'node:path';
import {
  checkBatchConsistency,
  imageTargetMatcher,
  summarizeQcReport,
  verdictOf,
  type BatchItem,
  type BrandLock,
  type ImageTarget,
  type PlannedJob,
  type QcImageRecord,
  type QcReport,
} from '@brandlock/core';
import { collectImageFiles } from './collect-image-files';
import { errorRecord } from './qc-image-file';
import { qcRunner } from './qc-worker-pool';
import type { QcThumbnail } from './qc-thumbnail';

export interface QcBatchOptions {
  lock: BrandLock;
  lockHash: string;
  lockFile: string;
  /** Planned jobs of the brief, and the brief's path (source images are relative to its folder). */
  brief?: { file: string; jobs: PlannedJob[] };
  defaultCategory?: string;
  cwd: string;
  /** Files checked at once, each in a worker process when running bundled (else decoding overlaps analysis on this thread). Default 2. */
  concurrency?: number;
  maxPixels?: number;
  thumbnails?: boolean;
  signal?: AbortSignal;
  onFile?: (done: number, total: number, records: QcImageRecord[]) => void;
}

export interface QcBatchResult {
  report: QcReport;
  /** By the record's file (display path). */
  thumbnails: Map<string, QcThumbnail>;
}

/**
 * @example const { report } = await runQcBatch(['shoot/'], { lock, lockHash, lockFile, cwd: process.cwd() });
 */
export async function runQcBatch(inputs: readonly string[], options: QcBatchOptions): Promise<QcBatchResult> {
  const { lock, cwd } = options;
  const display = (path: string) => (path.startsWith(cwd) ? relative(cwd, path) : path);
  const collected = await collectImageFiles(inputs, cwd);
  const records: QcImageRecord[] = collected.problems.map((p) => errorRecord(p.input, 'unreadable', p.message, null));
  const sources = new Map<string, PlannedJob[]>();
  if (options.brief) {
    const briefDir = dirname(resolve(cwd, options.brief.file));
    for (const job of options.brief.jobs) for (const s of job.sources) {
      const key = resolve(briefDir, s);
      sources.set(key, [...(sources.get(key) ?? []), job]);
    }
  }
  const place = imageTargetMatcher(lock, { jobs: options.brief?.jobs, defaultCategory: options.defaultCategory, jobsForSource: (key) => sources.get(key) });
  const work: { path: string; display: string; targets: ImageTarget[] }[] = [];
  for (const path of collected.files) {
    const placed = place(basename(path), path);
    if (placed.success) work.push({ path, display: display(path), targets: placed.targets });
    else records.push(errorRecord(display(path), placed.code, placed.message, null));
  }
  const thumbnails = new Map<string, QcThumbnail>();
  const batch: BatchItem[] = [];
  let next = 0;
  let done = 0;
  const concurrency = Math.max(1, options.concurrency ?? 2);
  const runner = qcRunner(lock, Math.min(concurrency, work.length), { maxPixels: options.maxPixels, thumbnails: options.thumbnails });
  const worker = async () => {
    while (next < work.length) {
      const item = work[next++];
      if (options.signal?.aborted) {
        records.push(...item.targets.map((t) => errorRecord(item.display, 'interrupted', 'not checked: the run was interrupted', t)));
        continue;
      }
      let out;
      try {
        out = await runner.run(item);
      } catch (e) {
        out = { records: item.targets.map((t) => errorRecord(item.display, 'internal_error', `QC stopped on this file: ${(e as Error).message}`, t)), thumbnail: null, batch: [] };
      }
      records.push(...out.records);
      batch.push(...out.batch);
      if (out.thumbnail) thumbnails.set(item.display, out.thumbnail);
      options.onFile?.(++done, work.length, out.records);
    }
  };
  try {
    await Promise.all(Array.from({ length: concurrency }, worker));
  } finally {
    await runner.close();
  }

  const consistency = checkBatchConsistency(batch);
  for (const record of records) {
    const extra = consistency.get(`${record.file}\u0000${record.sku}\u0000${record.colorway ?? ''}`);
    if (!extra || record.verdict === 'error') continue;
    record.findings.push(...extra);
    record.verdict = verdictOf(record.findings);
  }
  records.sort((a, b) => a.file.localeCompare(b.file) || (a.sku ?? '').localeCompare(b.sku ?? ''));
  return {
    report: {
      schemaVersion: 1,
      generatedAt: new Date().toISOString(),
      lock: { brand: lock.brand.id, name: lock.brand.name, version: lock.version, hash: options.lockHash, file: options.lockFile },
      brief: options.brief?.file ?? null,
      images: records,
      summary: summarizeQcReport(records),
    },
    thumbnails,
  };
}
