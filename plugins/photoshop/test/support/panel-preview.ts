// Builds the preview page (the real panel, the fake Photoshop, Spectrum stand-ins) and opens it in
// Debian's Chromium through playwright-core, sized like a docked Photoshop panel.
import { build } from 'esbuild';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

const pluginDir = new URL('../..', import.meta.url).pathname;

export const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

/** Writes preview.html + preview.js + icons into a fresh temp folder and returns the HTML path. */
export async function buildPreviewPage(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'brandlock-preview-'));
  await build({
    entryPoints: [join(pluginDir, 'test/preview/preview-entry.tsx')],
    outfile: join(dir, 'preview.js'),
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2020',
    jsx: 'automatic',
    jsxImportSource: 'preact',
    logLevel: 'warning',
  });
  cpSync(join(pluginDir, 'icons'), join(dir, 'icons'), { recursive: true });
  const css = readFileSync(join(pluginDir, 'test/preview/preview-themes.css'), 'utf8') + readFileSync(join(pluginDir, 'src/ui/panel.css'), 'utf8');
  // Like UXP with allowCodeGenerationFromStrings off: no eval, no new Function (CSP without unsafe-eval).
  const csp = "default-src 'none'; script-src file:; style-src 'unsafe-inline'; img-src file: data:; connect-src http://127.0.0.1:*";
  const html = `<!doctype html><html><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="${csp}"><style>${css}</style></head>
<body><div id="root" style="height:100%"></div><script src="preview.js"></script></body></html>`;
  writeFileSync(join(dir, 'preview.html'), html);
  return join(dir, 'preview.html');
}

export async function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
}

/**
 * A page the size of the panel: docked at its preferred 320 x 640 by default (the manifest's
 * preferredDockedSize), or any other size (the minimum is 260 x 320), at 1x like a panel on a
 * standard display unless a scale is given.
 */
export async function openPanelPage(
  browser: Browser,
  htmlPath: string,
  theme: 'darkest' | 'lightest',
  size: { width: number; height: number; scale?: number } = { width: 320, height: 640 },
): Promise<{ page: Page; errors: string[] }> {
  const context = await browser.newContext({
    viewport: { width: size.width, height: size.height },
    deviceScaleFactor: size.scale ?? 1,
    colorScheme: theme === 'darkest' ? 'dark' : 'light',
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`file://${htmlPath}`);
  return { page, errors };
}
