/**
 * A background pass run every so often, never two at once: a pass still running when the next is due
 * makes that one skip. A failing pass goes to onError and the schedule goes on. The timer does not keep the
 * process alive.
 */

export interface PeriodicTask {
  start(intervalMs: number): void;
  stop(): void;
}

/**
 * @example const task = periodicTask(() => reconcile(), (e) => log.error('reconciler pass failed', { error: e })); task.start(30_000);
 */
export function periodicTask(pass: () => Promise<unknown>, onError: (error: unknown) => void): PeriodicTask {
  let timer: ReturnType<typeof setInterval> | null = null;
  let running = false;
  return {
    start(intervalMs) {
      timer = setInterval(() => {
        if (running) return;
        running = true;
        pass()
          .catch(onError)
          .finally(() => {
            running = false;
          });
      }, intervalMs);
      timer.unref();
    },
    stop() {
      if (timer) clearInterval(timer);
      timer = null;
    },
  };
}

