/**
 * Starts the plugin on Figma's main thread: shows the UI with Figma's theme colours, answers the UI's
 * requests, and pushes selection changes (coalesced: see debounce-selection). Everything it sends
 * waits until the UI announces READY.
 */
import { createBus } from '../bus/create-bus';
import type { MainApi, MainEvents, UiApi, UiEvents } from '../protocol/main-api';
import { PLUGIN_COMMANDS, type PluginCommand } from '../manifest/manifest-types';
import { figmaTransport } from './figma-transport';
import { createMainHandlers } from './main-handlers';
import { summarizeSelectionAsync } from './selection/summarize-selection';
import { createSelectionPusher } from './selection/debounce-selection';
import { restoreWindowSizeAsync, UI_SIZE } from './window-size';

export function startPlugin(html: string) {
  figma.skipInvisibleInstanceChildren = true;
  figma.showUI(html, { ...UI_SIZE, themeColors: true, title: 'brandlock' });
  void restoreWindowSizeAsync();
  const bus = createBus<MainApi, UiApi, MainEvents, UiEvents>(figmaTransport(), { holdUntilReady: true });
  bus.handle(createMainHandlers());
  const command = figma.command in PLUGIN_COMMANDS ? (figma.command as PluginCommand) : null;
  bus.emit('command', { command, editorType: figma.editorType });
  const selection = createSelectionPusher({ summarize: summarizeSelectionAsync, emit: (s) => bus.emit('selection', s) });
  const pushSelection = () => selection.changed();
  figma.on('selectionchange', pushSelection);
  // Selection is per page: switching pages changes it without a selectionchange on every version.
  figma.on('currentpagechange', pushSelection);
  pushSelection();
  figma.on('close', () => {
    selection.dispose();
    bus.dispose();
  });
  return bus;
}
