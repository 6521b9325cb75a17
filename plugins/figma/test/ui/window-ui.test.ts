// The plugin window as a designer sees it, in Figma's light and dark themes: every screen is
// screenshotted into docs/img/figma/ (the README shows them), native controls follow the theme, the
// selection card shows a thumbnail, the LUT preview keeps the image's shape, the window resizes from
// its corner and reopens at that size, and lock files opened offline are there at the next launch.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';
import type { Browser, FrameLocator, Page } from 'playwright-core';
import { buildPlugin, launchChromium, openPlugin, SAMPLES, type BuiltPlugin } from '../support/browser';

declare const harness: { figma: PluginAPI; fromBase64(s: string): Uint8Array; host: { select(nodes: unknown[]): void }; image(w: number, h: number, draw: string): Promise<Uint8Array>; reopen(o: unknown): void };

const DOCS = fileURLToPath(new URL('../../../../docs/img/figma/', import.meta.url));
const LOCK_FILES = [join(SAMPLES, 'brand-lock.json'), join(SAMPLES, 'luts/warm-studio.cube'), join(SAMPLES, 'luts/cool-editorial.cube')];
const HOODIE = readFileSync(join(SAMPLES, 'photos/packshot/solidus-hoodie-blue-white-bg.jpg')).toString('base64');

let browser: Browser;
let built: BuiltPlugin;
beforeAll(async () => {
  [built, browser] = await Promise.all([buildPlugin(), launchChromium()]);
});
afterAll(async () => {
  await browser?.close();
});

/**
 * A small, palette-quantised PNG of the plugin window for the docs. An existing picture that differs
 * only by rendering noise (mean difference under 1 level) is kept, so a test run does not rewrite it.
 */
async function docShot(page: Page, name: string): Promise<void> {
  mkdirSync(DOCS, { recursive: true });
  await page.waitForTimeout(150);
  const raw = await page.locator('#plugin').screenshot();
  const png = await sharp(raw).resize({ width: 380 }).png({ palette: true, colours: 96, compressionLevel: 9, effort: 10 }).toBuffer();
  const file = join(DOCS, `${name}.png`);
  if (existsSync(file)) {
    const [a, b] = await Promise.all([png, readFileSync(file)].map((x) => sharp(x).removeAlpha().raw().toBuffer({ resolveWithObject: true })));
    if (a.info.width === b.info.width && a.info.height === b.info.height) {
      let d = 0;
      for (let i = 0; i < a.data.length; i++) d += Math.abs(a.data[i] - b.data[i]);
      if (d / a.data.length < 1) return;
    }
  }
  writeFileSync(file, png);
}

async function meanLuma(png: Buffer): Promise<number> {
  const { data } = await sharp(png).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  let sum = 0;
  for (let i = 0; i < data.length; i += 3) sum += 0.2126 * data[i] + 0.7152 * data[i + 1] + 0.0722 * data[i + 2];
  return sum / (data.length / 3);
}

async function placeHoodie(page: Page): Promise<void> {
  await page.evaluate(async (data) => {
    const f = harness.figma;
    const rect = f.createRectangle();
    rect.name = 'NF-HO-2001 packshot';
    rect.resize(600, 600);
    rect.fills = [{ type: 'IMAGE', scaleMode: 'FILL', imageHash: f.createImage(harness.fromBase64(data)).hash }];
    for (const [i, hex] of [[0, { r: 0.9, g: 0.3, b: 0.6 }], [1, { r: 0.12, g: 0.16, b: 0.27 }], [2, { r: 0.784, g: 0.333, b: 0.227 }]] as const) {
      const chip = f.createRectangle();
      chip.name = `Tag ${i + 1}`;
      chip.x = 700 + i * 120;
      chip.fills = [{ type: 'SOLID', color: hex }];
    }
    harness.host.select([rect]);
  }, HOODIE);
}

const visible = (ui: FrameLocator) => ui.locator('.screen:not([hidden])');

describe('the plugin window', () => {
  for (const theme of ['light', 'dark'] as const) {
    it(`every screen in the ${theme} theme`, async () => {
      const { page, ui } = await openPlugin(browser, built, { command: 'moodboard', theme });
      await docShot(page, `empty-${theme}`);
      await ui.getByRole('button', { name: 'Connection and lock' }).click();
      await visible(ui).locator('input[type=file]').setInputFiles(LOCK_FILES);
      await ui.getByText('Northfold Studio').first().waitFor();
      await docShot(page, `connect-${theme}`);
      // No tab is selected on the Connect screen: the gear shows pressed instead, and lets go after.
      const gear = ui.getByRole('button', { name: 'Connection and lock' });
      // Read with the pointer elsewhere: hovering gives the gear a background of its own.
      const gearBackground = async () => {
        await visible(ui).locator('.section-title').first().hover();
        return gear.evaluate((el) => getComputedStyle(el).backgroundColor);
      };
      expect(await gearBackground()).not.toBe('rgba(0, 0, 0, 0)');

      await ui.getByRole('tab', { name: 'Moodboard' }).click();
      expect(await gearBackground()).toBe('rgba(0, 0, 0, 0)');
      await ui.getByLabel('Environment').fill('sunlit concrete loft');
      await docShot(page, `moodboard-${theme}`);
      // Native controls follow the theme: an unchecked box is dark on the dark theme, light on the light one.
      const box = await visible(ui).locator('label.chip', { hasText: 'Cool editorial' }).locator('input').screenshot();
      if (theme === 'dark') expect(await meanLuma(box)).toBeLessThan(110);
      else expect(await meanLuma(box)).toBeGreaterThan(170);

      await placeHoodie(page);
      await ui.getByRole('tab', { name: 'Variants' }).click();
      await visible(ui).locator('.selection-card img').waitFor();
      expect(await visible(ui).locator('.selection-card img').evaluate((img: HTMLImageElement) => img.complete && img.naturalHeight)).toBe(96);
      await ui.getByLabel('SKU').fill('NF-HO-2001');
      await docShot(page, `variants-${theme}`);

      await ui.getByRole('tab', { name: 'Palette' }).click();
      await visible(ui).getByRole('button', { name: 'Whole page' }).click();
      await visible(ui).getByText('Off palette', { exact: true }).waitFor();
      await docShot(page, `palette-${theme}`);

      await ui.getByRole('tab', { name: 'LUT' }).click();
      await visible(ui).getByText('Preview', { exact: true }).waitFor();
      await docShot(page, `lut-${theme}`);
      await page.close();
    }, 120_000);
  }

  it('keeps the LUT preview at the image\'s own shape, resizes from its corner, and reopens at that size with the lock files it had', async () => {
    const { page, ui } = await openPlugin(browser, built, { command: 'lut' });
    await ui.getByRole('button', { name: 'Connection and lock' }).click();
    await visible(ui).locator('input[type=file]').setInputFiles(LOCK_FILES);
    await ui.getByText('Northfold Studio').first().waitFor();
    await page.evaluate(async () => {
      const f = harness.figma;
      const bytes = await harness.image(800, 400, `ctx.fillStyle = '#c8b089'; ctx.fillRect(0, 0, w, h); ctx.fillStyle = '#1f2a44'; ctx.fillRect(w / 4, h / 4, w / 2, h / 2);`);
      const rect = f.createRectangle();
      rect.name = 'Wide banner';
      rect.resize(400, 200);
      rect.fills = [{ type: 'IMAGE', scaleMode: 'FILL', imageHash: f.createImage(bytes).hash }];
      harness.host.select([rect]);
    });
    await ui.getByRole('tab', { name: 'LUT' }).click();
    await visible(ui).getByText('Preview', { exact: true }).waitFor();
    await page.waitForTimeout(200);
    const shape = await visible(ui).locator('.compare canvas').first().evaluate((c) => {
      const r = c.getBoundingClientRect();
      return r.width / r.height;
    });
    expect(shape).toBeCloseTo(2, 1);

    // Dragged inwards: headless Chromium does not route a captured pointer out of a sandboxed iframe,
    // which Figma's window does (its own resize sample relies on it), so the test drags inside.
    const handle = ui.locator('.resize-handle');
    const at = (await handle.boundingBox())!;
    await page.mouse.move(at.x + 6, at.y + 6);
    await page.mouse.down();
    await page.mouse.move(at.x - 30, at.y - 120, { steps: 6 });
    await page.mouse.up();
    await page.waitForFunction(() => (document.getElementById('plugin') as HTMLIFrameElement).offsetWidth < 370);
    const size = await page.evaluate(() => ({ w: document.getElementById('plugin')!.offsetWidth, h: document.getElementById('plugin')!.offsetHeight }));
    expect(size.w).toBeGreaterThanOrEqual(320);
    expect(size.h).toBeLessThan(560);

    await page.evaluate(() => harness.reopen({ command: 'palette' }));
    const next = page.frameLocator('#plugin');
    await next.getByText('Northfold Studio').first().waitFor();
    await page.waitForFunction((w) => (document.getElementById('plugin') as HTMLIFrameElement).offsetWidth === w, size.w);
    expect(await next.locator('.status-dot.warn').count()).toBe(1);
    await page.close();
  }, 120_000);
});
