/**
 * Coalesces selection changes before the selection card is rebuilt. A marquee drag or shift-clicks
 * fire `selectionchange` many times a second, and each summary exports a thumbnail (`exportAsync`),
 * so without this the main thread renders a PNG per event and slower, older exports can land after
 * newer ones, leaving the card on a selection the designer has left. Here a burst becomes one summary
 * once the selection has been still for `delayMs`, one summary runs at a time, and a summary that a
 * newer change overtook is dropped and made again.
 */
export interface SelectionPusherOptions<T> {
  summarize: () => Promise<T>;
  emit: (summary: T) => void;
  delayMs?: number;
  setTimer?: (run: () => void, ms: number) => unknown;
  clearTimer?: (timer: unknown) => void;
}

export function createSelectionPusher<T>(o: SelectionPusherOptions<T>): { changed(): void; dispose(): void } {
  const delay = o.delayMs ?? 120;
  const setTimer = o.setTimer ?? ((run, ms) => setTimeout(run, ms));
  const clearTimer = o.clearTimer ?? ((t) => clearTimeout(t as ReturnType<typeof setTimeout>));
  let timer: unknown = null;
  let version = 0;
  let running = false;
  let disposed = false;

  const run = async () => {
    timer = null;
    if (running || disposed) return;
    running = true;
    const asked = version;
    try {
      const summary = await o.summarize();
      if (asked === version && !disposed) o.emit(summary);
    } catch {
      // A node deleted mid-export: the next change (or the rerun below) describes what is left.
    } finally {
      running = false;
      if (asked !== version && !disposed && timer === null) timer = setTimer(run, delay);
    }
  };

  return {
    changed() {
      version++;
      if (timer !== null) clearTimer(timer);
      timer = setTimer(run, delay);
    },
    dispose() {
      disposed = true;
      if (timer !== null) clearTimer(timer);
      timer = null;
    },
  };
}
