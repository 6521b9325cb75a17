/**
 * A QC worker process of `brandlock qc` on many files: QC of one file at a time (decode, rules, report
 * thumbnail), as the pool in qc-worker-pool.ts sends them over IPC. Built as dist/qc-worker.mjs. Errors
 * go back as data; the pool turns them into the file's error row. It exits when the pool goes away.
 */
import sharp from 'sharp';
import type { BrandLock } from '@brandlock/core';
import { qcImageFile, type QcFileInput, type QcFileOptions } from './qc-image-file';

export interface QcWorkerData {
  lock: BrandLock;
  options: QcFileOptions;
}

/** The pool's messages: the lock and options once, then one file at a time. */
export type QcTask = { setup: QcWorkerData } | { id: number; input: QcFileInput };

// Files are checked side by side, one per process: each libvips operation gets one thread.
sharp.concurrency(1);
// Every file is new to libvips: its operation cache would only hold on to finished images.
sharp.cache(false);
let setup: QcWorkerData | null = null;
process.on('disconnect', () => process.exit(0));
// Ctrl-C in a terminal reaches the whole process group: the pool decides when checking stops (the
// files being checked finish, the rest are reported as interrupted).
process.on('SIGINT', () => undefined);
process.on('message', (task: QcTask) => {
  if ('setup' in task) {
    setup = task.setup;
    return;
  }
  const { lock, options } = setup!;
  qcImageFile(task.input, lock, options).then(
    (output) => process.send!({ id: task.id, ok: true, output }),
    (e: Error) => process.send!({ id: task.id, ok: false, message: e?.message ?? String(e) }),
  );
});
