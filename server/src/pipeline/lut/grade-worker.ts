/**
 * A worker thread of `brandlock lut apply` on many files: one image grader (its own prepared LUT and
 * colour table), one file at a time, as the pool sends them. Errors go back as data naming the file.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
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
// A file's decode buffer (72 MB at 24 MP) lives outside V8's heap, which does not count it, so a worker
// on a small heap collects rarely and finished files' buffers pile up: a full collection after each
// file frees them (peak RSS of a 2-worker batch of 24 MP files 681 -> 520 MB). A worker cannot get
// --expose-gc from execArgv; this is how jest's --logHeapUsage reaches gc too.
setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;
const grader = createImageGrader(lut, { ...options, keepColourMemo: true });
parentPort!.on('message', (task: GradeTask) => {
  grader.grade(task.input, task.output).then(
    (result) => parentPort!.postMessage({ id: task.id, ok: true, result }),
    (e: Error & { code?: string }) => parentPort!.postMessage({ id: task.id, ok: false, error: { name: e?.name ?? 'Error', message: e?.message ?? String(e), code: e?.code } }),
  ).finally(collectGarbage);
});
