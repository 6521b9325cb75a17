/**
 * Builds the plugin (code.js + ui.html, as packed) and the browser harness, and opens the plugin in
 * headless Debian Chromium: the main thread on the fake `figma` in the page, the UI in a sandboxed
 * iframe. Screenshots go to plugins/figma/test-output/.
 */
import * as esbuild from 'esbuild';
import { mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type FrameLocator, type Page } from 'playwright-core';
// @ts-expect-error build.mjs is plain JS
import { bundles } from '../../build.mjs';

const root = fileURLToPath(new URL('../../../../', import.meta.url));
export const OUTPUT_DIR = fileURLToPath(new URL('../../test-output/', import.meta.url));

export interface BuiltPlugin {
  code: string;
  html: string;
  harness: string;
  /** The manifest's network access the build was made for (what the harness enforces by CSP). */
  network: string[];
}

/** Builds as `npm run pack` does; `network` is the manifest's allowed domains (default: the development server). */
export async function buildPlugin(network = ['http://localhost:8787', 'http://127.0.0.1:8787']): Promise<BuiltPlugin> {
  const outDir = mkdtempSync(join(tmpdir(), 'brandlock-figma-'));
  for (const options of bundles(root, { outDir, minify: false, network }) as esbuild.BuildOptions[]) await esbuild.build({ absWorkingDir: root, ...options, logLevel: 'error' });
  const harness = await esbuild.build({
    entryPoints: [fileURLToPath(new URL('../harness/harness.ts', import.meta.url))],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2020',
    write: false,
    logLevel: 'error',
  });
  return { code: readFileSync(join(outDir, 'code.js'), 'utf8'), html: readFileSync(join(outDir, 'ui.html'), 'utf8'), harness: harness.outputFiles[0].text, network };
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

export interface OpenOptions {
  command?: string;
  editorType?: 'figma' | 'figjam';
  theme?: 'light' | 'dark';
  pluginId?: string;
}

/** Opens the plugin as Figma would; returns the page (with `harness`) and the UI frame. */
export async function openPlugin(browser: Browser, built: BuiltPlugin, options: OpenOptions = {}): Promise<{ page: Page; ui: FrameLocator }> {
  const page = await browser.newPage({ deviceScaleFactor: 2, acceptDownloads: true });
  await page.setContent(`<!doctype html><html><body style="margin:0;background:#d9d9d9"><div id="window" style="display:inline-block;line-height:0"></div><script>${built.harness.replace(/<\/script/gi, '<\\/script')}</script></body></html>`);
  await page.evaluate(({ code, html, opts }) => (globalThis as unknown as { harness: { start(o: unknown): unknown } }).harness.start({ code, html, ...opts }), { code: built.code, html: built.html, opts: { ...options, network: built.network } });
  const ui = page.frameLocator('#plugin');
  await ui.locator('.shell').waitFor();
  return { page, ui };
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(OUTPUT_DIR, { recursive: true });
  const path = join(OUTPUT_DIR, `${name}.png`);
  await page.locator('#plugin').screenshot({ path });
  return path;
}

export const SAMPLES = fileURLToPath(new URL('../../../../samples/', import.meta.url));
