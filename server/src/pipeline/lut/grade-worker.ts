/**
 * A worker thread of `brandlock lut apply` on many files: one image grader (its own prepared LUT and
 * colour table), one file at a time, as the pool sends them. Errors go back as data naming the file.
 */
import { parentPort, workerData } from 'node:worker_threads';
import sharp from 'sharp';
import type { CubeLut } from '@brandlock/core';
import { createImageGrader, type ImageGraderOptions } from './image-grader';

export interface GradeWorkerData {
  lut: CubeLut;
  options: ImageGraderOptions;
}

export type GradeTask = { id: number; input: string; output: string };

const { lut, options } = workerData as GradeWorkerData;
// Files are graded side by side, one per worker: each libvips operation gets one thread.
sharp.concurrency(1);
// Every file is new to libvips: its operation cache would only hold on to finished images.
sharp.cache(false);
const grader = createImageGrader(lut, { ...options, keepColourMemo: true });
parentPort!.on('message', (task: GradeTask) => {
  grader.grade(task.input, task.output).then(
    (result) => parentPort!.postMessage({ id: task.id, ok: true, result }),
    (e: Error & { code?: string }) => parentPort!.postMessage({ id: task.id, ok: false, error: { name: e?.name ?? 'Error', message: e?.message ?? String(e), code: e?.code } }),
  );
});
