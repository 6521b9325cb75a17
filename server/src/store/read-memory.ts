/**
 * A short memory for reads asked for far more often than they change: every job submission reads the
 * current lock and the brand's recipe approvals, which change when someone publishes or decides. Values
 * are remembered per database for a moment; a write through this process forgets them as soon as it
 * commits, and a write by another process (Postgres with several servers) is seen within that moment.
 */

export interface ReadMemory<T> {
  /** The remembered value for `key`, or what `load` reads (remembered unless a write came meanwhile). */
  read(db: object, key: string, load: () => Promise<T>): Promise<T>;
  /** Forgets everything remembered for the database; call after a write to what is remembered commits. */
  forget(db: object): void;
}

/** @example const approvals = createReadMemory<RecipeApproval[]>(1000); await approvals.read(db, brand, () => load(db, brand)); */
export function createReadMemory<T>(memoryMs: number): ReadMemory<T> {
  const memories = new WeakMap<object, { writes: number; values: Map<string, { value: T; at: number }> }>();
  const of = (db: object) => {
    let memory = memories.get(db);
    if (!memory) memories.set(db, (memory = { writes: 0, values: new Map() }));
    return memory;
  };
  return {
    async read(db, key, load) {
      const memory = of(db);
      const known = memory.values.get(key);
      if (known && Date.now() - known.at < memoryMs) return known.value;
      const writes = memory.writes;
      const value = await load();
      // A write that committed while this read ran may not be in it: do not keep it.
      if (memory.writes === writes) memory.values.set(key, { value, at: Date.now() });
      return value;
    },
    forget(db) {
      const memory = of(db);
      memory.writes++;
      memory.values.clear();
    },
  };
}
