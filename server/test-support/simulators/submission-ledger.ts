/**
 * Counts what a simulator was asked to create, by idempotency key when the client sent one and by
 * prompt and seed otherwise (two SKUs can share a prompt, never a prompt and a per-SKU seed), so a
 * test can prove that no job was submitted twice.
 */

/** The ledger key of a create without an idempotency key. */
export function submissionKey(prompt: unknown, seed: unknown): string {
  return `${String(prompt)}#${seed === undefined ? 'random' : String(seed)}`;
}

export class SubmissionLedger {
  private readonly counts = new Map<string, number>();
  total = 0;

  record(key: string): number {
    const n = (this.counts.get(key) ?? 0) + 1;
    this.counts.set(key, n);
    this.total++;
    return n;
  }

  count(key: string): number {
    return this.counts.get(key) ?? 0;
  }

  /** Keys submitted more than once, with their counts. */
  duplicates(): [string, number][] {
    return [...this.counts].filter(([, n]) => n > 1);
  }

  get distinct(): number {
    return this.counts.size;
  }
}
