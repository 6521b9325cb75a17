/**
 * Runs the plugin's main thread against the fake `figma` in vitest, with a UI-side bus on the other
 * end of the fake's message channel: exactly what the iframe does, minus the DOM. `reopenMain` closes
 * that run and opens the plugin again on the same file, as a designer would.
 */
import { createBus } from '../../src/bus/create-bus';
import type { MainApi, MainEvents, UiApi, UiEvents } from '../../src/protocol/main-api';
import { startPlugin } from '../../src/main/start-plugin';
import { createFakeFigma, type FakeFigmaHost, type FakeFigmaOptions } from '../fake-figma/fake-figma';

function attach(host: FakeFigmaHost) {
  (globalThis as { figma?: unknown }).figma = host.figma;
  const events: { name: string; payload: unknown }[] = [];
  const main = startPlugin('<!doctype html><title>ui</title>');
  const ui = createBus<UiApi, MainApi, UiEvents, MainEvents>(
    {
      post: (m) => host.sendFromUi(m),
      listen: (receive) => {
        host.connectUi(receive);
        return () => host.connectUi(() => undefined);
      },
    },
    { holdUntilReady: false },
  );
  for (const name of ['selection', 'command'] as const) ui.on(name, (payload) => events.push({ name, payload }));
  ui.announceReady();
  /** The fake as the plugin sees it: typed as Figma's PluginAPI. */
  const figma = host.figma as unknown as PluginAPI;
  return { host, figma, ui, main, events };
}

export function startMain(options: FakeFigmaOptions = {}) {
  return attach(createFakeFigma(options));
}

/** Closes the plugin run of `host` and opens the plugin again on the same file. */
export function reopenMain(host: FakeFigmaHost, options: FakeFigmaOptions = {}) {
  return attach(host.reopen(options));
}

export const settle = (ms = 10) => new Promise((r) => setTimeout(r, ms));

/** Waits (up to 5 s) for the newest event of a kind that passes `test`: selection events arrive asynchronously. */
export async function eventMatching<T>(events: { name: string; payload: unknown }[], name: string, test: (payload: T) => boolean): Promise<T> {
  for (const end = Date.now() + 5000; Date.now() < end; await settle(10)) {
    const last = events.filter((e) => e.name === name).at(-1)?.payload as T | undefined;
    if (last !== undefined && test(last)) return last;
  }
  return events.filter((e) => e.name === name).at(-1)?.payload as T;
}
