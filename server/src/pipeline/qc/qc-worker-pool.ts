/**
 * QC of a batch on every core: a pool of worker threads (dist/qc-worker.mjs), each running
 * qcImageFile (decode with sharp, then core's rules, which are synchronous JavaScript and would
 * otherwise hold the one main thread). Where the worker script is not built (TypeScript sources in
 * tests, without BRANDLOCK_WORKER_DIR), QC runs in this thread as before. A worker that dies fails the
 * file it had (an error row) and is replaced; the batch goes on.
 */
import { Worker } from 'node:worker_threads';
import { setFlagsFromString } from 'node:v8';
import type { BrandLock } from '@brandlock/core';
import { workerScript } from '../../runtime/worker-script';
import { qcImageFile, type QcFileInput, type QcFileOptions, type QcFileOutput } from './qc-image-file';
import type { QcTask, QcWorkerData } from './qc-worker';

export interface QcRunner {
  /** Worker threads in use (0: this thread). */
  threads: number;
  run(input: QcFileInput): Promise<QcFileOutput>;
  close(): Promise<void>;
}

type Reply = { id: number; ok: true; output: QcFileOutput } | { id: number; ok: false; message: string };

/** The built worker script, or null when there is none (sources without BRANDLOCK_WORKER_DIR). */
function script(): URL | null {
  try {
    return workerScript('qc-worker');
  } catch {
    return null;
  }
}

/**
 * `threads` workers when asked for more than one and the worker script is built, else QC in this thread.
 * @example const runner = qcRunner(lock, 2, options); await runner.run(item); await runner.close();
 */
export function qcRunner(lock: BrandLock, threads: number, options: QcFileOptions): QcRunner {
  const url = threads > 1 ? script() : null;
  if (!url) return { threads: 0, run: (input) => qcImageFile(input, lock, options), close: async () => undefined };
  return workerPool(url, { lock, options }, threads);
}

function workerPool(url: URL, workerData: QcWorkerData, threads: number): QcRunner {
  // Each worker isolate optimises its hot functions on V8's background compiler threads by default and
  // runs them unoptimised until the job is done; with every core busy checking files those threads wait
  // for a core and the workers run slow code meanwhile. 50 sample photos on 2 workers (load 6-8):
  // 9.1-9.8 s of CPU with them, 7.4-8.2 s compiling on the worker's own thread (7.3 s in one thread).
  // Isolates read the flag when they are created: it is meant for the workers started below (this
  // thread only hands out files).
  setFlagsFromString('--no-concurrent-recompilation');
  const idle: Worker[] = [];
  const waiting: ((w: Worker) => void)[] = [];
  const pending = new Map<Worker, { resolve: (o: QcFileOutput) => void; reject: (e: Error) => void }>();
  const all = new Set<Worker>();
  let next = 0;
  let closed = false;
  const release = (worker: Worker) => {
    const wake = waiting.shift();
    if (wake) wake(worker);
    else idle.push(worker);
  };
  const spawn = (): Worker => {
    const worker = new Worker(url, { workerData });
    all.add(worker);
    worker.on('message', (reply: Reply) => {
      const job = pending.get(worker);
      pending.delete(worker);
      release(worker);
      if (!job) return;
      if (reply.ok) job.resolve(reply.output);
      else job.reject(new Error(reply.message));
    });
    const fail = (err: Error) => {
      if (!all.delete(worker)) return;
      const job = pending.get(worker);
      pending.delete(worker);
      const i = idle.indexOf(worker);
      if (i >= 0) idle.splice(i, 1);
      job?.reject(err);
      if (!closed) release(spawn());
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`the QC worker stopped (exit code ${code})`)));
    return worker;
  };
  for (let i = 0; i < threads; i++) idle.push(spawn());
  const acquire = () => new Promise<Worker>((resolve) => (idle.length ? resolve(idle.pop()!) : waiting.push(resolve)));
  return {
    threads,
    async run(input) {
      const worker = await acquire();
      return new Promise<QcFileOutput>((resolve, reject) => {
        pending.set(worker, { resolve, reject });
        worker.postMessage({ id: next++, input } satisfies QcTask);
      });
    },
    async close() {
      closed = true;
      const workers = [...all];
      all.clear();
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}
