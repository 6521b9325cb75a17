/**
 * Grades many files with one LUT on worker threads: each worker grades one file at a time (decode,
 * grade, encode, write), so with two or more workers one file decodes in libvips while another is
 * graded in JavaScript and a third encodes, and both cores stay busy. Node starts once; every worker
 * prepares the LUT once and keeps its colour table for the whole batch. A file that fails comes back
 * as an error naming it and the rest go on; a stop request lets the files in hand finish.
 */
import { Worker } from 'node:worker_threads';
import type { CubeLut } from '@brandlock/core';
import { workerScript } from '../../runtime/worker-script';
import type { GradedFile, ImageGraderOptions } from './image-grader';
import type { GradeTask, GradeWorkerData } from './grade-worker';

export interface GradeFileJob {
  input: string;
  output: string;
}

export type GradeOutcome =
  | { job: GradeFileJob; ok: true; result: GradedFile }
  | { job: GradeFileJob; ok: false; error: { name: string; message: string; code?: string } };

export interface GradeFilesOptions extends ImageGraderOptions {
  /** Worker threads (files in flight). */
  workers: number;
  signal?: AbortSignal;
  onOutcome?: (outcome: GradeOutcome) => void;
}

/** @example const outcomes = await gradeFiles(lut, jobs, { workers: 2, quality: 92 }); */
export async function gradeFiles(lut: CubeLut, jobs: readonly GradeFileJob[], options: GradeFilesOptions): Promise<GradeOutcome[]> {
  const { workers: count, signal, onOutcome, ...graderOptions } = options;
  const outcomes: GradeOutcome[] = [];
  if (!jobs.length) return outcomes;
  const script = workerScript('lut-grade-worker');
  const workerData: GradeWorkerData = { lut, options: graderOptions };
  let next = 0;
  const record = (outcome: GradeOutcome) => {
    outcomes.push(outcome);
    onOutcome?.(outcome);
  };
  const runWorker = (): Promise<void> =>
    new Promise<void>((resolve, reject) => {
      const worker = new Worker(script, { workerData });
      let current: (GradeTask & { job: GradeFileJob }) | null = null;
      const dispatch = () => {
        if (signal?.aborted || next >= jobs.length) {
          current = null;
          void worker.terminate().then(() => resolve());
          return;
        }
        const id = next++;
        current = { id, input: jobs[id].input, output: jobs[id].output, job: jobs[id] };
        worker.postMessage({ id, input: current.input, output: current.output } satisfies GradeTask);
      };
      worker.on('message', (msg: { id: number; ok: boolean; result?: GradedFile; error?: { name: string; message: string; code?: string } }) => {
        const job = jobs[msg.id];
        record(msg.ok ? { job, ok: true, result: msg.result! } : { job, ok: false, error: msg.error! });
        dispatch();
      });
      worker.on('error', (e) => {
        // A worker that cannot start is an installation problem: stop. One that died on a file (out of
        // memory, say) failed that file; a new worker takes the rest.
        if (!current) return reject(e);
        record({ job: current.job, ok: false, error: { name: 'WorkerError', message: `the grading worker stopped: ${e.message}` } });
        current = null;
        runWorker().then(resolve, reject);
      });
      dispatch();
    });
  await Promise.all(Array.from({ length: Math.min(count, jobs.length) }, runWorker));
  return outcomes;
}
