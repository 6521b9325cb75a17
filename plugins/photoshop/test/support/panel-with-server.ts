// The set-up of a panel test against the real server: the preview page built, Chromium launched and
// the plugin test server (sample lock and brief, loopback) started once for the file, closed after.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { startPluginTestServer, type PluginTestServer } from './brandlock-test-server';
import { buildPreviewPage, launchChromium } from './panel-preview';

export interface PanelWithServer {
  browser: Browser;
  html: string;
  server: PluginTestServer;
}

/**
 * Registers the file's beforeAll/afterAll; read the fields inside tests.
 * @example const t = panelWithServer(); it('…', async () => openPanelPage(t.browser, t.html, 'darkest'));
 */
export function panelWithServer(): PanelWithServer {
  const t = {} as PanelWithServer;
  beforeAll(async () => {
    [t.html, t.browser, t.server] = await Promise.all([buildPreviewPage(), launchChromium(), startPluginTestServer()]);
  }, 300_000);
  afterAll(async () => {
    await t.browser?.close();
    await t.server?.close();
  }, 120_000);
  return t;
}
