/**
 * A render process (bundled to dist/render-host.mjs): runs the server's image tasks one at a time as
 * the server sends them over IPC, at the niceness it is given, with one libvips thread per operation,
 * so renders use the cores the API leaves idle. It exits when the server goes away.
 */
import { readdirSync } from 'node:fs';
import { setPriority } from 'node:os';
import sharp from 'sharp';
import { folderBlobStore } from '../assets/folder-blob-store';
import { createRenderTasks, type RenderTaskName, type RenderTasks } from './render-tasks';
import { toWireError } from './wire-error';
import type { VideoTools } from '../pipeline/video/video-tools';

export interface RenderHostConfig {
  blobDir: string;
  maxPixels: number;
  nice: number;
  videoTools?: VideoTools;
}

export interface RenderRequest {
  id: number;
  task: RenderTaskName;
  input: unknown;
}

/** Lowers the priority of every thread of this process (Linux keeps a nice value per thread). */
function lowerPriority(nice: number): void {
  if (nice <= 0) return;
  let threads: string[] = [];
  try {
    threads = readdirSync('/proc/self/task');
  } catch {
    threads = [String(process.pid)];
  }
  for (const tid of threads) {
    try {
      setPriority(Number(tid), nice);
    } catch {
      // not permitted here: the process runs at normal priority
    }
  }
}

const config = JSON.parse(process.argv[2] ?? '{}') as RenderHostConfig;
lowerPriority(config.nice);
sharp.concurrency(1);
const tasks: RenderTasks = createRenderTasks({ blobs: folderBlobStore(config.blobDir), maxPixels: config.maxPixels, videoTools: config.videoTools });
process.on('disconnect', () => process.exit(0));
// Ctrl-C in a terminal reaches the whole process group: the server decides when renders stop.
process.on('SIGINT', () => undefined);
process.on('message', (msg: RenderRequest) => {
  const run = tasks[msg.task] as (input: unknown) => Promise<unknown>;
  run(msg.input).then(
    (value) => process.send!({ id: msg.id, ok: true, value }),
    (e: unknown) => process.send!({ id: msg.id, ok: false, error: toWireError(e) }),
  );
});
process.send!({ ready: process.pid });
