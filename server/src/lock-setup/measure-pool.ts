/**
 * Measures photos for lock set-up on a worker thread of their own (dist/measure-worker.mjs), so the
 * server's API thread stays free: describing one 24 MP library photo is about a second of synchronous
 * JavaScript, and on the API thread every plugin's request waited behind it (a designer adding a folder
 * to the library held the whole server). One thread, photos in turn; started on first use and not
 * keeping the process alive. Where the worker is not built (TypeScript sources in tests without
 * BRANDLOCK_WORKER_DIR) the measure runs in this thread as before. A worker that dies fails the
 * photos it had and is replaced on the next one.
 */
import { Worker, threadId } from 'node:worker_threads';
import { workerScript } from '../runtime/worker-script';
import { ImageDecodeError, type ImageDecodeErrorCode } from '../pipeline/decode-image';
import { measurePhoto, type MeasureResults, type MeasureTask } from './photo-measures';

type Reply = { id: number; ok: true; result: unknown } | { id: number; ok: false; name?: string; code?: string; message: string };

let worker: Worker | null = null;
let next = 0;
/** The thread the last measure ran on (this one's id when it ran here). */
let lastThread = threadId;
const pending = new Map<number, { resolve(v: unknown): void; reject(e: Error): void }>();

function script(): URL | null {
  try {
    return workerScript('measure-worker');
  } catch {
    return null;
  }
}

function failAll(err: Error) {
  for (const p of pending.values()) p.reject(err);
  pending.clear();
}

function measureThread(url: URL): Worker {
  if (worker) return worker;
  const w = new Worker(url);
  w.unref();
  w.on('message', (reply: Reply) => {
    lastThread = w.threadId;
    const p = pending.get(reply.id);
    pending.delete(reply.id);
    if (pending.size === 0) w.unref();
    if (!p) return;
    if (reply.ok) p.resolve(reply.result);
    else if (reply.name === 'ImageDecodeError') p.reject(new ImageDecodeError(reply.code as ImageDecodeErrorCode, reply.message));
    else p.reject(new Error(reply.message));
  });
  const gone = (err: Error) => {
    if (worker === w) worker = null;
    failAll(err);
  };
  w.on('error', (e) => gone(new Error(`the photo measuring thread failed: ${e.message}`)));
  w.on('exit', (code) => gone(new Error(`the photo measuring thread stopped (exit code ${code})`)));
  worker = w;
  return w;
}

/**
 * Runs one measure off the API thread (in this thread where the worker is not built).
 * @example const { facts, described } = await measureOffThread({ kind: 'describe', path, bytes, lock, knownSkus: [] });
 */
export function measureOffThread<K extends MeasureTask['kind']>(task: Extract<MeasureTask, { kind: K }>): Promise<MeasureResults[K]> {
  const url = script();
  if (!url) {
    lastThread = threadId;
    return measurePhoto(task);
  }
  const w = measureThread(url);
  const id = ++next;
  return new Promise<MeasureResults[K]>((resolve, reject) => {
    pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
    // While it measures, the thread keeps the process alive: a CLI command waits for its answer.
    w.ref();
    w.postMessage({ id, task });
  });
}

/** The id of the thread the last measure ran on: the API thread's own id when it ran there. */
export function lastMeasureThread(): number {
  return lastThread;
}
