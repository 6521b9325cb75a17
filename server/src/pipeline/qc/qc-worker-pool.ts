/**
 * QC of a batch on every core: a pool of worker threads, each running qcImageFile (decode with
 * sharp, then core's rules, which are synchronous JavaScript and would otherwise hold the one main
 * thread). The workers run the bundled CLI file itself (dist/brandlock.mjs starts a worker instead
 * of the CLI when it is loaded as one, see startQcWorker); from TypeScript sources (tests) there is
 * no bundle to start, and QC runs in this thread as before. A worker that dies fails the file it had
 * (an error row) and is replaced; the batch goes on.
 */
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import type { BrandLock } from '@brandlock/core';
import { qcImageFile, type QcFileInput, type QcFileOptions, type QcFileOutput } from './qc-image-file';

export interface QcRunner {
  run(input: QcFileInput): Promise<QcFileOutput>;
  close(): Promise<void>;
}

const WORKER_ROLE = 'brandlock-qc-worker';

interface Task {
  id: number;
  input: QcFileInput;
}

type Reply = { id: number; ok: true; output: QcFileOutput } | { id: number; ok: false; message: string };

/** The bundled file this code runs from, when it is one (worker threads need a JavaScript file). */
function bundleUrl(): URL | null {
  const url = import.meta.url;
  return url.endsWith('.mjs') || url.endsWith('.js') ? new URL(url) : null;
}

/**
 * `threads` workers when running bundled and asked for more than one, else QC in this thread.
 * @example const runner = qcRunner(lock, 2, options); await runner.run(item); await runner.close();
 */
export function qcRunner(lock: BrandLock, threads: number, options: QcFileOptions): QcRunner {
  const url = bundleUrl();
  if (threads <= 1 || !url) return { run: (input) => qcImageFile(input, lock, options), close: async () => undefined };
  return workerPool(url, lock, threads, options);
}

function workerPool(url: URL, lock: BrandLock, threads: number, options: QcFileOptions): QcRunner {
  const idle: Worker[] = [];
  const waiting: ((w: Worker) => void)[] = [];
  const pending = new Map<Worker, { resolve: (o: QcFileOutput) => void; reject: (e: Error) => void }>();
  let next = 0;
  let closed = false;
  const spawn = () => {
    const worker = new Worker(url, { workerData: { role: WORKER_ROLE, lock, options } });
    worker.on('message', (reply: Reply) => {
      const job = pending.get(worker);
      pending.delete(worker);
      release(worker);
      if (!job) return;
      if (reply.ok) job.resolve(reply.output);
      else job.reject(new Error(reply.message));
    });
    worker.on('error', (err) => {
      const job = pending.get(worker);
      pending.delete(worker);
      job?.reject(err);
      if (!closed) release(spawn());
    });
    return worker;
  };
  const release = (worker: Worker) => {
    const wake = waiting.shift();
    if (wake) wake(worker);
    else idle.push(worker);
  };
  for (let i = 0; i < threads; i++) idle.push(spawn());
  const acquire = () => new Promise<Worker>((resolve) => (idle.length ? resolve(idle.pop()!) : waiting.push(resolve)));
  return {
    async run(input) {
      const worker = await acquire();
      return new Promise<QcFileOutput>((resolve, reject) => {
        pending.set(worker, { resolve, reject });
        worker.postMessage({ id: next++, input } satisfies Task);
      });
    },
    async close() {
      closed = true;
      await Promise.all([...idle, ...pending.keys()].map((w) => w.terminate()));
    },
  };
}

/**
 * In a worker started by the pool: answers each task with qcImageFile's output. Returns false when
 * this thread is not such a worker (then the caller runs the CLI as usual).
 * @example if (!startQcWorker()) runCli(...)
 */
export function startQcWorker(): boolean {
  if (isMainThread || workerData?.role !== WORKER_ROLE || !parentPort) return false;
  const port = parentPort;
  const { lock, options } = workerData as { lock: BrandLock; options: QcFileOptions };
  port.on('message', (task: Task) => {
    qcImageFile(task.input, lock, options).then(
      (output) => port.postMessage({ id: task.id, ok: true, output } satisfies Reply),
      (err: unknown) => port.postMessage({ id: task.id, ok: false, message: err instanceof Error ? err.message : String(err) } satisfies Reply),
    );
  });
  return true;
}
