/**
 * A typed request/reply bus over postMessage, for Figma's main thread and the plugin UI. Requests carry
 * an id and get exactly one reply (a value or an error); handlers may report progress and be canceled;
 * either side may emit fire-and-forget events. The main thread holds everything it sends until the UI
 * has announced READY, so nothing posted before the iframe listens is lost.
 */
import { BusRequestError, BusTimeoutError, CanceledError } from './bus-errors';
import { createCancelSource, type CancelSignal, type CancelSource } from './cancel-signal';
import { isWireMessage, type BusTransport, type WireError, type WireMessage } from './wire';

/** What a handler gets besides its params. */
export interface HandlerContext {
  readonly signal: CancelSignal;
  progress(done: number, total: number, label?: string): void;
}

/** A request API as method signatures: `name(params): Promise<result>`. */
export type ApiShape<A> = { [K in keyof A]: (params: any) => Promise<any> };
export type ParamsOf<F> = F extends (params: infer P) => Promise<unknown> ? P : never;
export type ResultOf<F> = F extends (params: never) => Promise<infer R> ? R : never;
export type Handlers<A extends ApiShape<A>> = {
  [K in keyof A]: (params: ParamsOf<A[K]>, ctx: HandlerContext) => Promise<ResultOf<A[K]>> | ResultOf<A[K]>;
};

export interface Progress {
  done: number;
  total: number;
  label: string;
}

export interface CallOptions {
  /** A DOM AbortSignal (UI side) or anything with the same shape: aborting sends a cancel. */
  signal?: { readonly aborted: boolean; addEventListener(type: 'abort', listener: () => void): void };
  onProgress?: (p: Progress) => void;
  timeoutMs?: number;
}

export interface Bus<Local extends ApiShape<Local>, Remote extends ApiShape<Remote>, LocalEvents, RemoteEvents> {
  handle(handlers: Handlers<Local>): void;
  call<K extends keyof Remote & string>(method: K, params: ParamsOf<Remote[K]>, options?: CallOptions): Promise<ResultOf<Remote[K]>>;
  emit<K extends keyof LocalEvents & string>(name: K, payload: LocalEvents[K]): void;
  on<K extends keyof RemoteEvents & string>(name: K, listener: (payload: RemoteEvents[K]) => void): () => void;
  /** UI side: tell the main thread that this side listens. */
  announceReady(): void;
  /** Main side: resolves once the UI has announced READY. */
  whenReady(): Promise<void>;
  dispose(): void;
}

interface Pending {
  method: string;
  resolve(value: unknown): void;
  reject(error: unknown): void;
  onProgress?: (p: Progress) => void;
  timer?: ReturnType<typeof setTimeout>;
}

export function createBus<Local extends ApiShape<Local>, Remote extends ApiShape<Remote>, LocalEvents = {}, RemoteEvents = {}>(
  transport: BusTransport,
  options: { holdUntilReady: boolean },
): Bus<Local, Remote, LocalEvents, RemoteEvents> {
  let handlers: Partial<Record<string, (params: unknown, ctx: HandlerContext) => unknown>> = {};
  const pending = new Map<number, Pending>();
  const running = new Map<number, CancelSource>();
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  let nextId = 1;
  let ready = !options.holdUntilReady;
  const held: WireMessage[] = [];
  const readyWaiters: (() => void)[] = [];

  const send = (m: WireMessage) => {
    if (ready || m.kind === 'ready') transport.post(m);
    else held.push(m);
  };

  const runRequest = async (id: number, method: string, params: unknown) => {
    const handler = handlers[method];
    if (!handler) {
      send({ bl: 1, kind: 'reply', id, ok: false, error: { name: 'BusRequestError', message: `No handler for "${method}"` } });
      return;
    }
    const cancel = createCancelSource();
    running.set(id, cancel);
    const ctx: HandlerContext = {
      signal: cancel.signal,
      progress: (done, total, label = '') => send({ bl: 1, kind: 'progress', id, done, total, label }),
    };
    try {
      const value = await handler(params, ctx);
      send({ bl: 1, kind: 'reply', id, ok: true, value });
    } catch (e) {
      send({ bl: 1, kind: 'reply', id, ok: false, error: toWireError(e) });
    } finally {
      running.delete(id);
    }
  };

  const receive = (raw: unknown) => {
    if (!isWireMessage(raw)) return;
    const m = raw;
    switch (m.kind) {
      case 'ready':
        if (!ready) {
          ready = true;
          for (const h of held.splice(0)) transport.post(h);
          for (const w of readyWaiters.splice(0)) w();
        }
        return;
      case 'request':
        void runRequest(m.id, String(m.method), m.params);
        return;
      case 'cancel':
        running.get(m.id)?.cancel();
        return;
      case 'progress':
        pending.get(m.id)?.onProgress?.({ done: m.done, total: m.total, label: m.label });
        return;
      case 'reply': {
        const p = pending.get(m.id);
        if (!p) return;
        pending.delete(m.id);
        if (p.timer) clearTimeout(p.timer);
        if (m.ok) p.resolve(m.value);
        else if (m.error.name === 'CanceledError') p.reject(new CanceledError(m.error.message));
        else p.reject(new BusRequestError(p.method, m.error.name, m.error.message, m.error.code));
        return;
      }
      case 'event':
        for (const l of listeners.get(m.name) ?? []) l(m.payload);
        return;
    }
  };

  const unsubscribe = transport.listen(receive);

  return {
    handle(h) {
      handlers = h as typeof handlers;
    },
    call(method, params, opts = {}) {
      const id = nextId++;
      return new Promise((resolve, reject) => {
        if (opts.signal?.aborted) {
          reject(new CanceledError());
          return;
        }
        const p: Pending = { method, resolve: resolve as (v: unknown) => void, reject, onProgress: opts.onProgress };
        if (opts.timeoutMs !== undefined) {
          p.timer = setTimeout(() => {
            pending.delete(id);
            reject(new BusTimeoutError(method, opts.timeoutMs!));
          }, opts.timeoutMs);
        }
        pending.set(id, p);
        opts.signal?.addEventListener('abort', () => {
          if (pending.has(id)) send({ bl: 1, kind: 'cancel', id });
        });
        send({ bl: 1, kind: 'request', id, method, params });
      });
    },
    emit(name, payload) {
      send({ bl: 1, kind: 'event', name, payload });
    },
    on(name, listener) {
      const set = listeners.get(name) ?? new Set();
      listeners.set(name, set);
      const l = listener as (payload: unknown) => void;
      set.add(l);
      return () => set.delete(l);
    },
    announceReady() {
      transport.post({ bl: 1, kind: 'ready' });
    },
    whenReady() {
      return ready ? Promise.resolve() : new Promise((r) => readyWaiters.push(r));
    },
    dispose() {
      unsubscribe();
      for (const c of running.values()) c.cancel();
      for (const p of pending.values()) {
        if (p.timer) clearTimeout(p.timer);
        p.reject(new CanceledError('The plugin closed'));
      }
      pending.clear();
    },
  };
}

function toWireError(e: unknown): WireError {
  if (e && typeof e === 'object') {
    const err = e as { name?: unknown; message?: unknown; code?: unknown };
    const out: WireError = { name: typeof err.name === 'string' ? err.name : 'Error', message: String(err.message ?? e) };
    if (typeof err.code === 'string') out.code = err.code;
    return out;
  }
  return { name: 'Error', message: String(e) };
}
