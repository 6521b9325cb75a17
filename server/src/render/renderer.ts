/**
 * Where the server's image work runs. The default is a pool of render processes (render-pool.ts) at a
 * lower CPU priority, so the API's event loop and database keep a core while renders fill the rest;
 * BRANDLOCK_RENDER_PROCESSES=0 runs the same tasks in the server's own thread.
 */
import { createRenderTasks, type RenderTaskOptions, type RenderTasks } from './render-tasks';

export interface Renderer extends RenderTasks {
  /** Ends the render processes (a task still running fails). */
  stop(): Promise<void>;
}

/** The tasks in this thread. @example const renderer = inlineRenderer({ blobs, maxPixels }); */
export function inlineRenderer(options: RenderTaskOptions): Renderer {
  return { ...createRenderTasks(options), stop: async () => undefined };
}
