/**
 * Render processes for the server's image work: a few child processes (started on first use, kept
 * while the server runs), each doing one task at a time from a shared queue. They run at a higher
 * nice value than the server, so when renders and requests compete for the cores the API wins and
 * keeps answering. A process that dies or overruns the time limit fails the task it held (the queue
 * step is retried) and is replaced on the next task.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Logger } from '../log/logger';
import { childEnv } from '../runtime/child-env';
import { workerScript } from '../runtime/worker-script';
import type { Renderer } from './renderer';
import type { RenderHostConfig, RenderRequest } from './render-host';
import type { RenderTaskName, RenderTasks } from './render-tasks';
import { fromWireError, serverFault, type WireError } from './wire-error';

export interface RenderPoolOptions extends RenderHostConfig {
  processes: number;
  /** A task running longer than this is ended (its process is killed). */
  taskTimeoutMs: number;
  log: Logger;
}

interface Pending {
  id: number;
  task: RenderTaskName;
  input: unknown;
  resolve(value: unknown): void;
  reject(error: Error): void;
}

interface Slot {
  child: ChildProcess | null;
  busy: Pending | null;
  timer: ReturnType<typeof setTimeout> | null;
  timedOut: boolean;
}

type Reply = { id: number; ok: true; value: unknown } | { id: number; ok: false; error: WireError } | { ready: number };

export interface RenderPool extends Renderer {
  /** The render processes running now (for diagnostics and tests). */
  processIds(): number[];
}

/** @example const renderer = createRenderPool({ processes: 2, nice: 10, blobDir, maxPixels, taskTimeoutMs: 300_000, log }); */
export function createRenderPool(options: RenderPoolOptions): RenderPool {
  const hostConfig: RenderHostConfig = { blobDir: options.blobDir, maxPixels: options.maxPixels, nice: options.nice, videoTools: options.videoTools };
  const slots: Slot[] = Array.from({ length: Math.max(1, options.processes) }, () => ({ child: null, busy: null, timer: null, timedOut: false }));
  const queue: Pending[] = [];
  let nextId = 1;
  let stopped = false;

  function settle(slot: Slot): Pending | null {
    const job = slot.busy;
    if (slot.timer) clearTimeout(slot.timer);
    slot.busy = null;
    slot.timer = null;
    slot.child?.channel?.unref();
    return job;
  }

  function spawnChild(slot: Slot): ChildProcess {
    // Found when the first render starts, so an API-only process never needs the script.
    const child = fork(fileURLToPath(workerScript('render-host')), [JSON.stringify(hostConfig)], { serialization: 'advanced', execArgv: [], env: childEnv(), stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    child.unref();
    child.on('message', (reply: Reply) => {
      if ('ready' in reply) return;
      const job = settle(slot);
      if (job && job.id === reply.id) {
        if (reply.ok) job.resolve(reply.value);
        else job.reject(fromWireError(reply.error));
      }
      pump();
    });
    child.on('exit', (code, signal) => {
      if (slot.child === child) slot.child = null;
      const timedOut = slot.timedOut;
      slot.timedOut = false;
      const job = settle(slot);
      if (job) {
        const why = timedOut ? `took longer than ${options.taskTimeoutMs < 10_000 ? `${options.taskTimeoutMs} ms` : `${Math.round(options.taskTimeoutMs / 1000)} s`} and was stopped` : `stopped (${signal ?? `exit code ${code}`})`;
        options.log.warn('render process ended during a task', { task: job.task, code, signal });
        job.reject(serverFault(Object.assign(new Error(`the render process ${why} while running ${job.task}`), { name: 'RenderProcessError' })));
      }
      pump();
    });
    child.on('error', (e) => options.log.warn('render process error', { error: e }));
    return child;
  }

  function pump(): void {
    if (stopped) return;
    for (const slot of slots) {
      if (slot.busy || !queue.length) continue;
      const job = queue.shift()!;
      const child = slot.child ?? (slot.child = spawnChild(slot));
      slot.busy = job;
      child.channel?.ref();
      slot.timer = setTimeout(() => {
        slot.timedOut = true;
        child.kill('SIGKILL');
      }, options.taskTimeoutMs);
      child.send({ id: job.id, task: job.task, input: job.input } satisfies RenderRequest);
    }
  }

  const run = (task: RenderTaskName) => (input: unknown) =>
    new Promise<unknown>((resolve, reject) => {
      if (stopped) return reject(serverFault(Object.assign(new Error('the server is stopping; no new renders'), { name: 'RenderProcessError' })));
      queue.push({ id: nextId++, task, input, resolve, reject });
      pump();
    });

  return {
    renderLocal: run('renderLocal') as RenderTasks['renderLocal'],
    postProcess: run('postProcess') as RenderTasks['postProcess'],
    inspect: run('inspect') as RenderTasks['inspect'],
    processIds: () => slots.flatMap((s) => (s.child?.pid && s.child.exitCode === null ? [s.child.pid] : [])),
    async stop() {
      stopped = true;
      for (const job of queue.splice(0)) job.reject(serverFault(Object.assign(new Error('the server stopped before this render started'), { name: 'RenderProcessError' })));
      await Promise.all(
        slots.map(async (slot) => {
          const child = slot.child;
          if (!child || child.exitCode !== null) return;
          const exited = new Promise((resolve) => child.once('exit', resolve));
          child.kill('SIGTERM');
          await exited;
        }),
      );
    },
  };
}
