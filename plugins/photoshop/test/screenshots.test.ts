// Renders every tab of the panel in Chromium against the fake Photoshop, in Photoshop's darkest and
// lightest themes, and saves the screenshots to plugins/photoshop/dist/screenshots for a person to
// look at. The assertions check what a retoucher would notice: the tab is shown, nothing spills
// out of a 320 px panel, and no script error happened.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPreviewPage, launchChromium, openPanelPage } from './support/panel-preview';

const shots = new URL('../dist/screenshots/', import.meta.url).pathname;
let browser: Browser;
let html: string;

beforeAll(async () => {
  mkdirSync(shots, { recursive: true });
  html = await buildPreviewPage();
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
});

const tabs = [
  ['connect', 'Connect'],
  ['generate', 'Generate'],
  ['lut', 'LUT'],
  ['cleanup', 'Cleanup'],
  ['qc', 'QC'],
  ['export', 'Export'],
] as const;

describe.each(['darkest', 'lightest'] as const)('panel in the %s theme', (theme) => {
  it.each(tabs)('renders the %s tab inside a 320 px panel', async (tab, label) => {
    const { page, errors } = await openPanelPage(browser, html, theme);
    await page.evaluate(
      ({ tab }) =>
        (window as any).brandlockPreview.mount(
          {
            theme: document.documentElement.dataset.theme ?? 'darkest',
            tab,
            documents: [{ title: 'NF-1001_linen-shirt_front.psd', width: 40, height: 60, depth: 16 }],
            allowedOrigins: ['https://brandlock.northfold.example'],
          },
          async () => {
            throw new Error('no server in this preview');
          },
        ),
      { tab },
    );
    await page.evaluate((t) => (document.documentElement.dataset.theme = t), theme);
    await page.waitForSelector('.tab.selected');
    expect(await page.textContent('.tab.selected')).toBe(label);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBe(0);
    await page.screenshot({ path: join(shots, `${tab}-${theme}.png`) });
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
