/**
 * QC of a batch on every core: a pool of worker processes (dist/qc-worker.mjs), each running
 * qcImageFile (decode with sharp, then core's rules, which are synchronous JavaScript and would
 * otherwise hold the one main thread). Where the worker script is not built (TypeScript sources in
 * tests, without BRANDLOCK_WORKER_DIR), QC runs in this thread as before. A worker that dies fails the
 * file it had (an error row) and is replaced; the batch goes on.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { BrandLock } from '@brandlock/core';
import { workerScript } from '../../runtime/worker-script';
import { qcImageFile, type QcFileInput, type QcFileOptions, type QcFileOutput } from './qc-image-file';
import type { QcTask, QcWorkerData } from './qc-worker';
import { qcWorkerEnv } from './qc-worker-env';

export interface QcRunner {
  /** Worker processes in use (0: this thread). */
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

/**
 * V8 flags of the worker processes. A worker is a process, not a thread, so that it can have flags of
 * its own (V8 reads most of them once per process, when it sets up its heaps):
 * - --single-threaded-gc: the collector works on the worker's own thread. Each file allocates tens of
 *   megabytes of planes and masks, so a worker collects after nearly every file, and by default hands
 *   marking, scavenging and sweeping to helper threads, which with every core busy checking files only
 *   wait for a core and add work;
 * - --no-concurrent-recompilation: hot functions are optimised on the worker's own thread, not on
 *   background compiler threads that likewise wait for a core while the worker runs unoptimised code.
 */
const WORKER_FLAGS = ['--single-threaded-gc', '--no-concurrent-recompilation'];

function workerPool(url: URL, workerData: QcWorkerData, threads: number): QcRunner {
  const file = fileURLToPath(url);
  const idle: ChildProcess[] = [];
  const waiting: ((w: ChildProcess) => void)[] = [];
  const pending = new Map<ChildProcess, { resolve: (o: QcFileOutput) => void; reject: (e: Error) => void }>();
  const all = new Set<ChildProcess>();
  let next = 0;
  let closed = false;
  const release = (worker: ChildProcess) => {
    const wake = waiting.shift();
    if (wake) wake(worker);
    else idle.push(worker);
  };
  const spawn = (): ChildProcess => {
    // glibc's malloc settings for QC and no credentials: qcWorkerEnv.
    const worker = fork(file, [], { serialization: 'advanced', execArgv: WORKER_FLAGS, env: qcWorkerEnv(), stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    all.add(worker);
    worker.send({ setup: workerData } satisfies QcTask);
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
    worker.on('exit', (code, signal) => fail(new Error(`the QC worker stopped (${signal ?? `exit code ${code}`})`)));
    return worker;
  };
  for (let i = 0; i < threads; i++) idle.push(spawn());
  const acquire = () => new Promise<ChildProcess>((resolve) => (idle.length ? resolve(idle.pop()!) : waiting.push(resolve)));
  return {
    threads,
    async run(input) {
      const worker = await acquire();
      return new Promise<QcFileOutput>((resolve, reject) => {
        pending.set(worker, { resolve, reject });
        worker.send({ id: next++, input } satisfies QcTask);
      });
    },
    async close() {
      closed = true;
      const workers = [...all];
      all.clear();
      await Promise.all(
        workers.map((w) => {
          if (w.exitCode !== null || w.signalCode !== null) return undefined;
          // An idle worker exits when its channel closes (and writes what its flags ask for at exit,
          // a --cpu-prof profile); one that does not within a few seconds is killed.
          const exited = new Promise((resolve) => w.once('exit', resolve));
          const timer = setTimeout(() => w.kill('SIGKILL'), 5000);
          w.disconnect();
          return exited.finally(() => clearTimeout(timer));
        }),
      );
    },
  };
}
