/**
 * Progress of a season run, per stage: counts, throughput and an ETA. On a terminal the block of
 * stage lines is redrawn in place a few times a second; in a pipe or CI log it prints a plain line
 * per stage when something changed, at most every few seconds, so logs stay readable.
 */

export interface StageCounts {
  done: number;
  failed: number;
  total: number;
}

export interface ProgressOutput {
  write(text: string): void;
  isTTY: boolean;
}

interface Stage extends StageCounts {
  label: string;
  /** Why the stage is waiting, shown after its counts. */
  note: string;
  startedAt: number | null;
  finishedAt: number | null;
  lastPrinted: string;
}

const PLAIN_INTERVAL_MS = 5000;

function formatDuration(ms: number): string {
  const s = Math.round(ms / 1000);
  if (s < 60) return `${s}s`;
  const m = Math.floor(s / 60);
  return m < 60 ? `${m}m${String(s % 60).padStart(2, '0')}s` : `${Math.floor(m / 60)}h${String(m % 60).padStart(2, '0')}m`;
}

export class ProgressDisplay {
  private readonly stages = new Map<string, Stage>();
  private drawnLines = 0;
  private lastPlain = 0;
  private timer: ReturnType<typeof setInterval> | null = null;

  constructor(private readonly out: ProgressOutput, private readonly now: () => number = Date.now) {}

  /** Declares a stage (in display order). */
  stage(id: string, label: string, total = 0): void {
    this.stages.set(id, { label, note: '', done: 0, failed: 0, total, startedAt: null, finishedAt: null, lastPrinted: '' });
  }

  update(id: string, counts: Partial<StageCounts> & { note?: string }): void {
    const s = this.stages.get(id);
    if (!s) return;
    Object.assign(s, counts);
    if (s.startedAt === null && (s.done > 0 || s.failed > 0)) s.startedAt = this.now();
    s.finishedAt = s.total > 0 && s.done + s.failed >= s.total ? (s.finishedAt ?? this.now()) : null;
    if (!this.out.isTTY) this.printPlain(false);
  }

  start(): void {
    if (this.out.isTTY) this.timer = setInterval(() => this.draw(), 250);
  }

  /** Draws the final state and stops redrawing. */
  finish(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    if (this.out.isTTY) this.draw();
    else this.printPlain(true);
  }

  line(id: string): string {
    const s = this.stages.get(id)!;
    const finished = s.done + s.failed;
    const pct = s.total ? Math.floor((finished / s.total) * 100) : 0;
    let rate = '';
    let eta = '';
    if (s.startedAt !== null && finished > 0) {
      const elapsed = Math.max(1, (s.finishedAt ?? this.now()) - s.startedAt);
      const perMin = (finished / elapsed) * 60_000;
      rate = `${perMin >= 10 ? Math.round(perMin) : perMin.toFixed(1)}/min`;
      if (finished < s.total) eta = `ETA ${formatDuration(((s.total - finished) / finished) * elapsed)}`;
      else eta = `in ${formatDuration(elapsed)}`;
    }
    const failed = s.failed ? `, ${s.failed} failed` : '';
    return `${s.label.padEnd(12)} ${String(finished).padStart(5)}/${String(s.total).padEnd(5)} ${String(pct).padStart(3)}%${failed}${rate ? `  ${rate}` : ''}${eta ? `  ${eta}` : ''}${s.note ? `  (${s.note})` : ''}`;
  }

  private draw(): void {
    const lines = [...this.stages.keys()].map((id) => this.line(id));
    const up = this.drawnLines ? `\x1b[${this.drawnLines}A` : '';
    this.out.write(`${up}${lines.map((l) => `\x1b[2K${l}`).join('\n')}\n`);
    this.drawnLines = lines.length;
  }

  private printPlain(force: boolean): void {
    const t = this.now();
    if (!force && t - this.lastPlain < PLAIN_INTERVAL_MS) return;
    this.lastPlain = t;
    for (const [id, s] of this.stages) {
      const text = this.line(id);
      const key = `${s.done}/${s.failed}/${s.total}/${s.note}`;
      if (force || key !== s.lastPrinted) this.out.write(`${text}\n`);
      s.lastPrinted = key;
    }
  }
}
