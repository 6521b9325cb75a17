/**
 * The thread that measures photos for lock set-up (library photos added, swatches measured, lighting
 * calibrated) off the server's API thread, one photo at a time, as measure-pool.ts sends them. Built as
 * dist/measure-worker.mjs. Errors go back as data, with a decode error's code for the HTTP status.
 */
import { parentPort } from 'node:worker_threads';
import sharp from 'sharp';
import { measurePhoto, type MeasureTask } from './photo-measures';

// One photo at a time beside the API thread and the job workers: one libvips thread is enough.
sharp.concurrency(1);
parentPort!.on('message', ({ id, task }: { id: number; task: MeasureTask }) => {
  measurePhoto(task).then(
    (result) => parentPort!.postMessage({ id, ok: true, result }),
    (e: Error & { code?: string }) => parentPort!.postMessage({ id, ok: false, name: e?.name, code: e?.code, message: e?.message ?? String(e) }),
  );
});
