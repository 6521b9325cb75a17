// The panel in Debian's Chromium, against the fake Photoshop and the real brandlock server on
// loopback, in Photoshop's darkest and lightest themes. Each tab is driven the way a retoucher would
// (connect, generate, apply the LUT, measure, run QC, export), then screenshotted to
// plugins/photoshop/dist/screenshots for a person to look at. The assertions check what that person
// would notice: the right result is on screen, nothing spills out of a 320 px panel, no script error,
// and the page forbids eval like UXP does.
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPluginTestServer, type PluginTestServer } from './support/brandlock-test-server';
import { buildPreviewPage, launchChromium, openPanelPage } from './support/panel-preview';
import type { PreviewOptions } from './preview/preview-entry';

const shots = new URL('../dist/screenshots/', import.meta.url).pathname;
const cube = readFileSync(new URL('../../../samples/luts/warm-studio.cube', import.meta.url), 'utf8');
let browser: Browser;
let html: string;
let s: PluginTestServer;

beforeAll(async () => {
  mkdirSync(shots, { recursive: true });
  [html, browser, s] = await Promise.all([buildPreviewPage(), launchChromium(), startPluginTestServer()]);
});

afterAll(async () => {
  await browser?.close();
  await s?.close();
});

const master = { title: 'NF-WV-1002_terracotta_front.psd', width: 800, height: 1200, depth: 16 as const, background: [238, 233, 226] as [number, number, number], garment: [176, 96, 66] as [number, number, number], gains: [1.0, 0.97, 0.9] as [number, number, number] };

interface Scenario {
  name: string;
  options: Partial<PreviewOptions>;
  act(page: Page): Promise<void>;
  expectText: string;
}

const scenarios: Scenario[] = [
  { name: 'connect-sign-in', options: { tab: 'connect', token: undefined }, act: async () => {}, expectText: 'Access token' },
  { name: 'connect', options: { tab: 'connect' }, act: async (page) => void (await page.waitForSelector('text=ONLINE')), expectText: 'Dana Retoucher (retoucher)' },
  {
    name: 'generate',
    options: { tab: 'generate' },
    act: async (page) => {
      await page.waitForSelector('.card-title');
      await page.click('sp-button:has-text("Generate")');
      await page.waitForSelector('.notice-success', { timeout: 20_000 });
    },
    expectText: 'Placed "NF-WV-1001 front · job',
  },
  {
    name: 'lut',
    options: { tab: 'lut', files: [{ path: '/northfold/luts/warm-studio.cube', text: cube }], pickedFile: '/northfold/luts/warm-studio.cube' },
    act: async (page) => {
      await page.click('sp-action-button:has-text("All open")');
      await page.click('sp-button:has-text("Apply LUT")');
      await page.waitForSelector('text=RESULT', { timeout: 20_000 });
    },
    expectText: '2 done · 1 failed',
  },
  {
    name: 'cleanup',
    options: { tab: 'cleanup' },
    act: async (page) => {
      await page.click('sp-button:has-text("Measure")');
      await page.waitForSelector('text=Correct exposure', { timeout: 20_000 });
    },
    expectText: 'ΔE00',
  },
  {
    name: 'qc',
    options: { tab: 'qc' },
    act: async (page) => {
      await page.evaluate(() => {
        const swatch = document.querySelectorAll('sp-dropdown')[1];
        const items = [...swatch.querySelectorAll('sp-menu-item')];
        (window as any).brandlockPreview.pickDropdownItem(swatch, items.findIndex((i) => i.textContent!.startsWith('Terracotta')));
      });
      await page.click('sp-button:has-text("Run QC")');
      await page.waitForSelector('.verdict', { timeout: 20_000 });
    },
    expectText: 'Written to the document',
  },
  {
    name: 'export',
    options: { tab: 'export', pickedFolder: '/delivery' },
    act: async (page) => {
      await page.fill('sp-textfield >> input >> nth=0', 'NF-WV-1002');
      await page.click('sp-action-button:has-text("On the server")');
      await page.click('sp-button:has-text("Choose")');
      await page.click('sp-button:has-text("Export")');
      await page.waitForSelector('text=RESULT', { timeout: 60_000 });
    },
    expectText: 'northfold_nf-wv-1002_terracotta_front_',
  },
];

describe.each(['darkest', 'lightest'] as const)('the panel in the %s theme', (theme) => {
  it.each(scenarios.map((sc) => [sc.name, sc] as const))('%s', async (name, scenario) => {
    const { page, errors } = await openPanelPage(browser, html, theme);
    const options: PreviewOptions = {
      theme,
      tab: 'connect',
      documents: [{ title: 'NF-OW-2001_print.tif', width: 40, height: 60, mode: 'CMYK' }, { ...master, title: 'NF-WV-1001_ecru_front.psd', garment: [226, 214, 196] }, master],
      allowedOrigins: [new URL(s.url).origin],
      serverUrl: s.url,
      token: s.retoucherToken,
      ...scenario.options,
    };
    await page.evaluate((o) => (window as any).brandlockPreview.mount(o), options);
    expect(await page.evaluate(() => (window as any).brandlockPreview.codeGenerationAllowed)).toBe(false);
    if (options.token) await page.waitForSelector('.status-dot.on', { timeout: 15_000 });
    await scenario.act(page);
    await page.waitForTimeout(100);
    expect(await page.textContent('.content')).toContain(scenario.expectText);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBe(0);
    await page.screenshot({ path: join(shots, `${name}-${theme}.png`) });
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
