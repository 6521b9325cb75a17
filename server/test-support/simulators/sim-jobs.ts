/**
 * The life of a simulated job: queued for `queueMs` (then the optional `started` callback), running
 * for `runMs`, then finished by the simulator's `finish` callback (which renders the outputs and may
 * send webhooks). A cancel before the end stops it. Timers are cleared when the simulator closes.
 */

export type SimState = 'queued' | 'running' | 'succeeded' | 'failed' | 'canceled';

export interface SimTiming {
  queueMs?: number;
  runMs?: number;
}

export interface SimJob<Input = Record<string, unknown>> {
  id: string;
  input: Input;
  createdAt: number;
  /** Set once the job has finished or was cancelled. */
  final?: 'succeeded' | 'failed' | 'canceled';
  /** Stored output file ids. */
  outputs: string[];
  failure?: string;
  /** Seed the outputs were made with. */
  seed?: number;
}

export class SimJobs<Input = Record<string, unknown>> {
  readonly jobs = new Map<string, SimJob<Input>>();
  private readonly timers = new Set<NodeJS.Timeout>();

  constructor(
    private readonly timing: SimTiming,
    private readonly finish: (job: SimJob<Input>) => Promise<void>,
    private readonly started?: (job: SimJob<Input>) => void,
  ) {}

  add(id: string, input: Input): SimJob<Input> {
    const job: SimJob<Input> = { id, input, createdAt: Date.now(), outputs: [] };
    this.jobs.set(id, job);
    const queueMs = this.timing.queueMs ?? 20;
    if (this.started) this.after(queueMs, () => !job.final && this.started!(job));
    this.after(queueMs + (this.timing.runMs ?? 40), () => !job.final && void this.finish(job));
    return job;
  }

  private after(ms: number, run: () => unknown): void {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      run();
    }, ms);
    this.timers.add(timer);
  }

  state(job: SimJob<Input>, now = Date.now()): SimState {
    if (job.final) return job.final;
    return now - job.createdAt < (this.timing.queueMs ?? 20) ? 'queued' : 'running';
  }

  /** Progress 0..1 of a running job. */
  progress(job: SimJob<Input>, now = Date.now()): number {
    const run = this.timing.runMs ?? 40;
    return Math.min(0.99, Math.max(0, (now - job.createdAt - (this.timing.queueMs ?? 20)) / run));
  }

  cancel(job: SimJob<Input>): boolean {
    if (job.final) return false;
    job.final = 'canceled';
    return true;
  }

  close(): void {
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
  }
}
