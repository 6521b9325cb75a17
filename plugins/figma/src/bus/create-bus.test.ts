import { describe, expect, it } from 'vitest';
import { createBus, type HandlerContext } from './create-bus';
import { PluginError, isBusRequestError, isCanceled } from './bus-errors';
import type { BusTransport, WireMessage } from './wire';

/** Two transports joined like Figma's main thread and iframe: async delivery, structured clone. */
function pipe() {
  const sides = [new Set<(m: unknown) => void>(), new Set<(m: unknown) => void>()];
  const log: WireMessage[] = [];
  const transport = (me: 0 | 1): BusTransport => ({
    post(m) {
      log.push(m);
      const copy = structuredClone(m);
      setTimeout(() => sides[1 - me].forEach((l) => l(copy)), 0);
    },
    listen(receive) {
      sides[me].add(receive);
      return () => sides[me].delete(receive);
    },
  });
  const inject = (side: 0 | 1, m: unknown) => sides[side].forEach((l) => l(m));
  return { main: transport(0), ui: transport(1), log, inject };
}

type MainApi = {
  add(p: { a: number; b: number }): Promise<number>;
  fail(p: void): Promise<void>;
  slow(p: { steps: number }): Promise<number>;
  bytes(p: { data: Uint8Array }): Promise<number>;
};
type MainEvents = { selection: { count: number } };

const tick = (ms = 5) => new Promise((r) => setTimeout(r, ms));

function connect() {
  const p = pipe();
  const main = createBus<MainApi, {}, MainEvents, {}>(p.main, { holdUntilReady: true });
  const ui = createBus<{}, MainApi, {}, MainEvents>(p.ui, { holdUntilReady: false });
  main.handle({
    add: ({ a, b }) => a + b,
    fail: () => {
      throw new PluginError('no-selection', 'Select an image first');
    },
    slow: async ({ steps }, ctx: HandlerContext) => {
      for (let i = 1; i <= steps; i++) {
        ctx.signal.throwIfCanceled();
        await tick(2);
        ctx.progress(i, steps, `step ${i}`);
      }
      return steps;
    },
    bytes: ({ data }) => data.reduce((s, v) => s + v, 0),
  });
  return { ...p, mainBus: main, uiBus: ui };
}

describe('createBus', () => {
  it('holds main-thread events until the UI says READY, then delivers them in order', async () => {
    const { mainBus, uiBus, log } = connect();
    const seen: number[] = [];
    uiBus.on('selection', (s) => seen.push(s.count));
    mainBus.emit('selection', { count: 1 });
    mainBus.emit('selection', { count: 2 });
    await tick();
    expect(seen).toEqual([]);
    expect(log.filter((m) => m.kind === 'event')).toHaveLength(0);
    uiBus.announceReady();
    await mainBus.whenReady();
    await tick();
    expect(seen).toEqual([1, 2]);
  });

  it('answers each request with its own reply, even when replies arrive out of order', async () => {
    const { uiBus } = connect();
    uiBus.announceReady();
    const [slow, fast] = await Promise.all([uiBus.call('slow', { steps: 3 }), uiBus.call('add', { a: 2, b: 3 })]);
    expect(slow).toBe(3);
    expect(fast).toBe(5);
  });

  it('carries a handler error across with its name, code and message', async () => {
    const { uiBus } = connect();
    uiBus.announceReady();
    const err = await uiBus.call('fail', undefined).catch((e) => e);
    expect(isBusRequestError(err)).toBe(true);
    expect(err).toMatchObject({ remoteName: 'PluginError', code: 'no-selection', message: 'Select an image first', method: 'fail' });
  });

  it('reports progress and stops the handler when the caller aborts', async () => {
    const { uiBus } = connect();
    uiBus.announceReady();
    const abort = new AbortController();
    const progress: string[] = [];
    const call = uiBus.call('slow', { steps: 50 }, {
      signal: abort.signal,
      onProgress: (p) => {
        progress.push(p.label);
        if (p.done === 2) abort.abort();
      },
    });
    const err = await call.catch((e) => e);
    expect(isCanceled(err)).toBe(true);
    expect(progress.slice(0, 2)).toEqual(['step 1', 'step 2']);
    expect(progress.length).toBeLessThan(50);
  });

  it('names the method when nothing handles it, and ignores foreign messages', async () => {
    const { uiBus, inject } = connect();
    uiBus.announceReady();
    inject(0, { type: 'webpackOk' });
    inject(0, { bl: 1, kind: 'request', id: 'x', method: 'add' });
    const err = await uiBus.call('nope' as 'add', { a: 1, b: 1 }).catch((e) => e);
    expect(err.message).toBe('No handler for "nope"');
  });

  it('moves bytes as Uint8Array', async () => {
    const { uiBus } = connect();
    uiBus.announceReady();
    expect(await uiBus.call('bytes', { data: new Uint8Array([1, 2, 250]) })).toBe(253);
  });

  it('times out when the other side never answers', async () => {
    const p = pipe();
    const ui = createBus<{}, MainApi>(p.ui, { holdUntilReady: false });
    const err = await ui.call('add', { a: 1, b: 2 }, { timeoutMs: 20 }).catch((e) => e);
    expect(err.name).toBe('BusTimeoutError');
  });
});
