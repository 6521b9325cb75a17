/**
 * Counts what a simulator was asked to create, by idempotency key when the client sent one and
 * by prompt otherwise, so a test can prove that no job was submitted twice.
 */

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
