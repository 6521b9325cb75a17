/**
 * Fault injection for the provider simulators. Each simulated call has a type (create, read,
 * cancel, download, upload, webhook); a plan answers "should this call fail, and how" either from a
 * script (the next N calls of a type fail in given ways) or at random with a fixed rate and a seeded
 * generator, so a failing run can be replayed. It counts what it injected. A `hostile` answer is what
 * a compromised or careless provider sends: an error that quotes the credentials it was given.
 */
import type { SimAnswer, SimRequest } from './sim-http';

export type CallType = 'create' | 'read' | 'cancel' | 'download' | 'upload' | 'webhook';

export type Fault =
  /** 429 with Retry-After (seconds). */
  | { kind: 'rate_limit'; retryAfterSeconds: number }
  /** A 5xx answer before anything is done. */
  | { kind: 'server_error'; status: 500 | 502 | 503 }
  /** The request is held without an answer until the client gives up. */
  | { kind: 'timeout' }
  /** The connection is dropped before anything is done. */
  | { kind: 'reset' }
  /** The call is processed, then its JSON answer is cut short. */
  | { kind: 'malformed' }
  /** The call is processed, then the connection is dropped: the client never hears back. */
  | { kind: 'lost_answer' }
  /** A result URL answers as expired (403 signed URL / 404 removed file). */
  | { kind: 'expired' }
  /** A webhook is delivered twice, byte for byte. */
  | { kind: 'duplicate' }
  /** Webhooks arrive in the wrong order (completion before start, or before polling shows it). */
  | { kind: 'out_of_order' }
  /** The call is answered by `answer`, built from the request (its credentials) instead of done (scripted only). */
  | { kind: 'hostile'; answer: (req: SimRequest) => SimAnswer };

export type FaultKind = Fault['kind'];

export interface FaultPlanOptions {
  /** Probability (0..1) that a call of a listed type fails at random. */
  rate?: number;
  /** Which faults each call type may get at random. */
  kinds?: Partial<Record<CallType, FaultKind[]>>;
  /** Seed of the random generator. */
  seed?: number;
  retryAfterSeconds?: number;
}

export class FaultPlan {
  private readonly scripted = new Map<CallType, Fault[]>();
  private random: () => number;
  /** How many faults of each kind were injected, per call type: "create:rate_limit" -> 3. */
  readonly injected = new Map<string, number>();

  constructor(private readonly options: FaultPlanOptions = {}) {
    this.random = mulberry32(options.seed ?? 1);
  }

  /** The next calls of `type` get these faults, in order, before any random ones. */
  script(type: CallType, ...faults: Fault[]): this {
    this.scripted.set(type, [...(this.scripted.get(type) ?? []), ...faults]);
    return this;
  }

  next(type: CallType): Fault | undefined {
    const queued = this.scripted.get(type);
    const fault = queued?.length ? queued.shift() : this.randomFault(type);
    if (fault) this.injected.set(`${type}:${fault.kind}`, (this.injected.get(`${type}:${fault.kind}`) ?? 0) + 1);
    return fault;
  }

  total(): number {
    return [...this.injected.values()].reduce((a, b) => a + b, 0);
  }

  private randomFault(type: CallType): Fault | undefined {
    const kinds = this.options.kinds?.[type];
    if (!kinds?.length || this.random() >= (this.options.rate ?? 0)) return undefined;
    const kind = kinds[Math.floor(this.random() * kinds.length)];
    return faultOf(kind, this.options.retryAfterSeconds ?? 1, this.random);
  }
}

function faultOf(kind: FaultKind, retryAfterSeconds: number, random: () => number): Fault {
  switch (kind) {
    case 'rate_limit':
      return { kind, retryAfterSeconds };
    case 'server_error':
      return { kind, status: ([500, 502, 503] as const)[Math.floor(random() * 3)] };
    default:
      return { kind } as Fault;
  }
}

/** A small seeded PRNG (public-domain mulberry32). */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
