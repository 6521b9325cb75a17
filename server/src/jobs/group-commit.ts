/**
 * Group commit: writes asked for while a write is under way (or in the same tick) are collected and
 * written together by one call, so concurrent job submissions share one transaction and one commit
 * instead of paying for one each (PGlite runs every statement on the API's thread). If a group's write
 * throws, each of its members is written again on its own, so one bad request fails alone.
 */

export interface GroupCommit<T, R> {
  /** Resolves with this item's result once the group holding it is written. */
  write(item: T): Promise<R>;
}

interface Waiting<T, R> {
  item: T;
  resolve(value: R): void;
  reject(error: unknown): void;
}

/**
 * `writeGroup` gets the items in arrival order and returns one result per item, in the same order.
 * @example const jobs = createGroupCommit((items) => insertAll(items), { maxGroup: 64 }); await jobs.write(job);
 */
export interface GroupCommitOptions {
  maxGroup: number;
  /**
   * Whether more items are on their way (requests already being handled that will write): a group
   * then waits for them, turn by turn of the event loop, up to `gatherMs`, as Postgres's commit_delay
   * waits for sibling transactions. A lone writer never waits.
   */
  arriving?: () => boolean;
  gatherMs?: number;
}

export function createGroupCommit<T, R>(writeGroup: (items: T[]) => Promise<R[]>, options: GroupCommitOptions): GroupCommit<T, R> {
  let waiting: Waiting<T, R>[] = [];
  let writing = false;

  async function writeAlone(w: Waiting<T, R>): Promise<void> {
    try {
      w.resolve((await writeGroup([w.item]))[0]);
    } catch (e) {
      w.reject(e);
    }
  }

  async function drain(): Promise<void> {
    writing = true;
    // One turn of the event loop lets requests that arrived together join the first group.
    await new Promise((resolve) => setImmediate(resolve));
    while (waiting.length) {
      for (const until = performance.now() + (options.gatherMs ?? 0); waiting.length < options.maxGroup && options.arriving?.() && performance.now() < until; ) {
        await new Promise((resolve) => setImmediate(resolve));
      }
      const group = waiting.slice(0, options.maxGroup);
      waiting = waiting.slice(group.length);
      try {
        const results = await writeGroup(group.map((w) => w.item));
        group.forEach((w, i) => w.resolve(results[i]));
      } catch (e) {
        if (group.length === 1) group[0].reject(e);
        else for (const w of group) await writeAlone(w);
      }
    }
    writing = false;
  }

  return {
    write(item) {
      return new Promise<R>((resolve, reject) => {
        waiting.push({ item, resolve, reject });
        if (!writing) void drain();
      });
    },
  };
}
