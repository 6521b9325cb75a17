/**
 * Runs the plugin's main thread against the fake `figma` in vitest, with a UI-side bus on the other
 * end of the fake's message channel: exactly what the iframe does, minus the DOM.
 */
import { createBus } from '../../src/bus/create-bus';
import type { MainApi, MainEvents, UiApi, UiEvents } from '../../src/protocol/main-api';
import { startPlugin } from '../../src/main/start-plugin';
import { createFakeFigma, type FakeFigmaOptions } from '../fake-figma/fake-figma';

export function startMain(options: FakeFigmaOptions = {}) {
  const host = createFakeFigma(options);
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
  ui.on('selection', (payload) => events.push({ name: 'selection', payload }));
  ui.on('command', (payload) => events.push({ name: 'command', payload }));
  ui.announceReady();
  /** The fake as the plugin sees it: typed as Figma's PluginAPI. */
  const figma = host.figma as unknown as PluginAPI;
  return { host, figma, ui, main, events };
}

export const settle = (ms = 10) => new Promise((r) => setTimeout(r, ms));
