/**
 * The ledger of delivered files: one JSON line appended (and synced to disk) after each file is in
 * place under its final name. It is what makes a run resumable after a crash or SIGKILL: a file in
 * the ledger is never rendered or delivered again, and the manifest is built from it, so no file is
 * listed twice. A torn last line (the process died mid-write) is ignored.
 */
import { mkdir, open, readFile } from 'node:fs/promises';
import { dirname } from 'node:path';

export interface DeliveredFile {
  /** Path relative to the delivery folder, with "/" separators. */
  path: string;
  kind: 'variant' | 'flagged' | 'rejected' | 'video' | 'poster';
  sha256: string;
  bytes: number;
  width: number;
  height: number;
  format: string;
  /** Channel id for variants, "master" for flagged and rejected masters. */
  channel: string;
  sku: string;
  colorway: string;
  view: string;
  category: string;
  verdict: string;
  jobId: string;
  assetId: string;
  masterSha256: string;
  lockHash: string;
  recipeHash: string;
  deliveredAt: string;
  /**
   * Channel files cut from a master smaller than the channel: how far it was enlarged (output pixels
   * per master pixel) and how far the lock allows (the channel's maxUpscale). `produce` still delivers
   * a file past the limit; this says so, in the manifest, its CSV and the run's summary.
   */
  upscale?: number;
  maxUpscale?: number;
  /** Video files: length in seconds and frame rate. */
  durationSeconds?: number;
  fps?: number;
}

export class DeliveryLedger {
  private readonly files = new Map<string, DeliveredFile>();

  private constructor(private readonly path: string) {}

  static async open(path: string): Promise<DeliveryLedger> {
    const ledger = new DeliveryLedger(path);
    await mkdir(dirname(path), { recursive: true });
    let text = '';
    try {
      text = await readFile(path, 'utf8');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
    }
    for (const line of text.split('\n')) {
      if (!line.trim()) continue;
      try {
        const entry = JSON.parse(line) as DeliveredFile;
        ledger.files.set(entry.path, entry);
      } catch {
        // the last line of a run killed mid-write; the file it names is delivered again
      }
    }
    return ledger;
  }

  has(path: string): boolean {
    return this.files.has(path);
  }

  get(path: string): DeliveredFile | undefined {
    return this.files.get(path);
  }

  entries(): DeliveredFile[] {
    return [...this.files.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  }

  /** Records a delivered file durably before returning. */
  async append(entry: DeliveredFile): Promise<void> {
    const handle = await open(this.path, 'a');
    try {
      await handle.write(`${JSON.stringify(entry)}\n`);
      await handle.sync();
    } finally {
      await handle.close();
    }
    this.files.set(entry.path, entry);
  }
}
