/**
 * A worker thread of `brandlock qc` on many files: QC of one file at a time (decode, rules, report
 * thumbnail), as the pool in qc-worker-pool.ts sends them. Built as dist/qc-worker.mjs. Errors go back
 * as data; the pool turns them into the file's error row.
 */
import { parentPort, workerData } from 'node:worker_threads';
import sharp from 'sharp';
import type { BrandLock } from '@brandlock/core';
import { qcImageFile, type QcFileInput, type QcFileOptions } from './qc-image-file';

export interface QcWorkerData {
  lock: BrandLock;
  options: QcFileOptions;
}

export type QcTask = { id: number; input: QcFileInput };

const { lock, options } = workerData as QcWorkerData;
// Files are checked side by side, one per worker: each libvips operation gets one thread.
sharp.concurrency(1);
parentPort!.on('message', (task: QcTask) => {
  qcImageFile(task.input, lock, options).then(
    (output) => parentPort!.postMessage({ id: task.id, ok: true, output }),
    (e: Error) => parentPort!.postMessage({ id: task.id, ok: false, message: e?.message ?? String(e) }),
  );
});
