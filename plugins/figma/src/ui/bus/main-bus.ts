/** The UI's connection to the main thread, typed by the plugin's protocol. */
import { createBus, type Bus } from '../../bus/create-bus';
import type { MainApi, MainEvents, UiApi, UiEvents } from '../../protocol/main-api';
import { iframeTransport } from './iframe-transport';

export type MainBus = Bus<UiApi, MainApi, UiEvents, MainEvents>;

export function connectMain(): MainBus {
  return createBus<UiApi, MainApi, UiEvents, MainEvents>(iframeTransport(), { holdUntilReady: false });
}
