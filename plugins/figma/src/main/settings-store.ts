/**
 * The designer's connection settings (server URL and token), kept in figma.clientStorage: per user and
 * per plugin, on this machine only, never in the file where collaborators could read it.
 */
import type { Settings } from '../protocol/main-api';
import { PluginError } from '../bus/bus-errors';

const KEY = 'brandlock.settings';

export async function loadSettingsAsync(): Promise<Settings> {
  const stored = (await figma.clientStorage.getAsync(KEY)) as Partial<Settings> | undefined;
  return { serverUrl: typeof stored?.serverUrl === 'string' ? stored.serverUrl : '', token: typeof stored?.token === 'string' ? stored.token : '' };
}

export async function saveSettingsAsync(settings: Settings): Promise<void> {
  if (typeof settings?.serverUrl !== 'string' || typeof settings.token !== 'string') {
    throw new PluginError('bad-request', 'settings: expected a server URL and a token');
  }
  if (settings.serverUrl.length > 500 || settings.token.length > 500) throw new PluginError('bad-request', 'settings: the server URL or token is too long');
  await figma.clientStorage.setAsync(KEY, { serverUrl: settings.serverUrl.trim(), token: settings.token.trim() });
}
