import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import type { Browser, Page } from 'playwright-core';
import { applyLut, parseCubeOrThrow } from '@brandlock/core/color';
import { buildPlugin, launchChromium, openPlugin, SAMPLES, screenshot, type BuiltPlugin } from '../support/browser';

declare const harness: { figma: PluginAPI; toBase64(b: Uint8Array): string; fromBase64(s: string): Uint8Array; host: { select(nodes: unknown[]): void } };

let browser: Browser;
let built: BuiltPlugin;
beforeAll(async () => {
  [built, browser] = await Promise.all([buildPlugin(), launchChromium()]);
});
afterAll(async () => {
  await browser?.close();
});

const PHOTO = join(SAMPLES, 'photos/other/payload-tshirts-on-hangers-unsplash.jpg');

async function placePhoto(page: Page, bytes: Buffer) {
  return page.evaluate(async (data) => {
    const f = harness.figma;
    const rect = f.createRectangle();
    rect.name = 'Hangers lifestyle';
    rect.resize(400, 267);
    rect.fills = [{ type: 'IMAGE', scaleMode: 'FILL', imageHash: f.createImage(harness.fromBase64(data)).hash }];
    harness.host.select([rect]);
    return rect.id;
  }, bytes.toString('base64'));
}

async function meanRgb(bytes: Uint8Array | Buffer) {
  const { data, info } = await sharp(bytes).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  const sum = [0, 0, 0];
  for (let i = 0; i < data.length; i += 3) for (let c = 0; c < 3; c++) sum[c] += data[i + c];
  return sum.map((s) => s / (info.width * info.height));
}

function fnv1a(d: Uint8Array): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < d.length; i++) h = Math.imul(h ^ d[i], 0x01000193) >>> 0;
  return h;
}

describe('LUT preview UI', () => {
  it('previews a brand LUT before and after, and places the graded copy beside the original', async () => {
    const { page, ui } = await openPlugin(browser, built, { command: 'lut' });
    await ui.getByRole('button', { name: 'Connection and lock' }).click();
    await ui.locator('input[type=file]').setInputFiles([join(SAMPLES, 'brand-lock.json'), join(SAMPLES, 'luts/warm-studio.cube'), join(SAMPLES, 'luts/cool-editorial.cube')]);
    const photo = readFileSync(PHOTO);
    const sourceId = await placePhoto(page, photo);
    await ui.getByRole('tab', { name: 'LUT' }).click();
    await ui.getByText('Preview', { exact: true }).waitFor();
    await page.waitForTimeout(300);
    await screenshot(page, 'lut-preview');

    await ui.getByRole('button', { name: 'Place graded copy' }).click();
    await ui.getByText(/Placed “Hangers lifestyle · Warm studio grade” beside the original/).waitFor();
    const placed = await page.evaluate(async (id) => {
      const f = harness.figma;
      const src = (await f.getNodeByIdAsync(id)) as RectangleNode;
      const copy = f.currentPage.children.find((n) => n.name.endsWith('Warm studio grade')) as RectangleNode;
      const stillSelected = f.currentPage.selection[0].id === id;
      const hash = (copy.fills as ImagePaint[])[0].imageHash!;
      return { stillSelected, name: copy.name, x: copy.x, srcX: src.x, srcW: src.width, same: hash === (src.fills as ImagePaint[])[0].imageHash, bytes: harness.toBase64(await f.getImageByHash(hash)!.getBytesAsync()) };
    }, sourceId);
    expect(placed.name).toBe('Hangers lifestyle · Warm studio grade');
    expect(placed.same).toBe(false);
    expect(placed.stillSelected).toBe(true);
    expect(placed.x).toBe(placed.srcX + placed.srcW + 24);

    // The graded copy is core's LUT applied to the photo (within JPEG and decoder rounding).
    const { data, info } = await sharp(photo).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
    const raster = { width: info.width, height: info.height, depth: 8 as const, data: new Uint8Array(data) };
    applyLut(raster, parseCubeOrThrow(readFileSync(join(SAMPLES, 'luts/warm-studio.cube'), 'utf8')));
    const expected = await meanRgb(await sharp(Buffer.from(raster.data), { raw: { width: info.width, height: info.height, channels: 4 } }).png().toBuffer());
    const got = await meanRgb(Buffer.from(placed.bytes, 'base64'));
    const original = await meanRgb(photo);
    for (let c = 0; c < 3; c++) expect(Math.abs(got[c] - expected[c])).toBeLessThan(1.5);
    expect(got[0] - got[2]).toBeGreaterThan(original[0] - original[2]); // warmer
    await screenshot(page, 'lut-placed');
    await page.close();
  });

  it('mixes the grade at the chosen strength in the preview as the slider moves, and places the copy at that strength', async () => {
    const { page, ui } = await openPlugin(browser, built, { command: 'lut' });
    await ui.getByRole('button', { name: 'Connection and lock' }).click();
    await ui.locator('input[type=file]').setInputFiles([join(SAMPLES, 'brand-lock.json'), join(SAMPLES, 'luts/warm-studio.cube'), join(SAMPLES, 'luts/cool-editorial.cube')]);
    const photo = readFileSync(PHOTO);
    await placePhoto(page, photo);
    await ui.getByRole('tab', { name: 'LUT' }).click();
    await ui.getByText('Preview', { exact: true }).waitFor();
    const strength = ui.getByRole('slider', { name: 'Strength' });
    expect(await strength.inputValue()).toBe('100');
    expect(await ui.getByText('100 %', { exact: true }).isVisible()).toBe(true);
    // The canvases' pixels, read in the page: both as bytes once, then the After one as a digest while the slider moves.
    const pixels = () => ui.locator('.compare canvas').evaluateAll((cs) => cs.map((c) => {
      const el = c as HTMLCanvasElement;
      const d = el.getContext('2d')!.getImageData(0, 0, el.width, el.height).data;
      let s = '';
      for (let i = 0; i < d.length; i += 8192) s += String.fromCharCode(...d.subarray(i, i + 8192));
      return btoa(s);
    }));
    const afterDigest = () => ui.locator('.compare canvas').nth(1).evaluate((c) => {
      const el = c as HTMLCanvasElement;
      return fnv1a(el.getContext('2d')!.getImageData(0, 0, el.width, el.height).data);
      function fnv1a(d: Uint8ClampedArray) {
        let h = 0x811c9dc5;
        for (let i = 0; i < d.length; i++) h = Math.imul(h ^ d[i], 0x01000193) >>> 0;
        return h;
      }
    });
    await expect.poll(async () => (await pixels())[0].length).toBeGreaterThan(8);
    const [before, full] = (await pixels()).map((b) => new Uint8Array(Buffer.from(b, 'base64')));
    expect(Buffer.compare(full, before)).not.toBe(0);

    await strength.fill('50');
    await ui.getByText('50 %', { exact: true }).waitFor();
    await ui.getByText('Warm studio grade at 50 %', { exact: true }).waitFor();
    await expect.poll(afterDigest).toBe(fnv1a(before.map((b, i) => Math.round(b + 0.5 * (full[i] - b)))));
    await strength.fill('0');
    await expect.poll(afterDigest).toBe(fnv1a(before));
    await strength.fill('100');
    await expect.poll(afterDigest).toBe(fnv1a(full));

    await strength.fill('50');
    await ui.getByRole('button', { name: 'Place graded copy' }).click();
    await ui.getByText(/Placed “Hangers lifestyle · Warm studio grade at 50 %” beside the original/).waitFor();
    const bytes = await page.evaluate(async () => {
      const f = harness.figma;
      const copy = f.currentPage.children.find((n) => n.name.endsWith('Warm studio grade at 50 %')) as RectangleNode;
      return harness.toBase64(await f.getImageByHash((copy.fills as ImagePaint[])[0].imageHash!)!.getBytesAsync());
    });
    // Halfway between the photo and core's full grade (within JPEG and decoder rounding).
    const { data, info } = await sharp(photo).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
    const raster = { width: info.width, height: info.height, depth: 8 as const, data: new Uint8Array(data) };
    applyLut(raster, parseCubeOrThrow(readFileSync(join(SAMPLES, 'luts/warm-studio.cube'), 'utf8')));
    const graded = await meanRgb(await sharp(Buffer.from(raster.data), { raw: { width: info.width, height: info.height, channels: 4 } }).png().toBuffer());
    const original = await meanRgb(photo);
    const got = await meanRgb(Buffer.from(bytes, 'base64'));
    for (let c = 0; c < 3; c++) expect(Math.abs(got[c] - (original[c] + graded[c]) / 2)).toBeLessThan(1.5);
    await page.close();
  });

  it('shows progress while grading a large image at full size, and Cancel stops it and places nothing', async () => {
    const { page, ui } = await openPlugin(browser, built, { command: 'lut' });
    await ui.getByRole('button', { name: 'Connection and lock' }).click();
    await ui.locator('input[type=file]').setInputFiles([join(SAMPLES, 'brand-lock.json'), join(SAMPLES, 'luts/warm-studio.cube'), join(SAMPLES, 'luts/cool-editorial.cube')]);
    const large = await sharp({ create: { width: 4096, height: 3072, channels: 3, background: { r: 180, g: 150, b: 120 } } }).jpeg().toBuffer();
    await placePhoto(page, large);
    await ui.getByRole('tab', { name: 'LUT' }).click();
    await ui.getByText('Preview', { exact: true }).waitFor();
    // A slow machine (the plugin window is its own process), so the grade is still running when Cancel is clicked.
    const cdp = await page.context().newCDPSession(page.frames().find((f) => f !== page.mainFrame())!);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 8 });
    await ui.getByRole('button', { name: 'Place graded copy' }).click();
    await ui.getByText(/^Grading at full size… \d+ %$/).waitFor();
    await ui.getByRole('button', { name: 'Cancel' }).click();
    await ui.getByText('Canceled: nothing was placed.').waitFor();
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
    expect(await ui.getByRole('button', { name: 'Cancel' }).count()).toBe(0);
    expect(await ui.getByRole('button', { name: 'Place graded copy' }).isEnabled()).toBe(true);
    await page.waitForTimeout(300);
    expect(await page.evaluate(() => harness.figma.currentPage.children.map((n) => n.name))).toEqual(['Hangers lifestyle']);
    await page.close();
  });

  it('refuses a .cube whose content is not the one the lock pins, and names the files not opened', async () => {
    const { page, ui } = await openPlugin(browser, built, { command: 'lut' });
    await ui.getByRole('button', { name: 'Connection and lock' }).click();
    const edited = readFileSync(join(SAMPLES, 'luts/warm-studio.cube'), 'utf8').replace(/^(\S+ \S+ )(\S+)/m, '$10.5');
    await ui.locator('input[type=file]').setInputFiles([
      { name: 'brand-lock.json', mimeType: 'application/json', buffer: readFileSync(join(SAMPLES, 'brand-lock.json')) },
      { name: 'warm-studio.cube', mimeType: 'text/plain', buffer: Buffer.from(edited) },
    ]);
    await ui.getByText('warm-studio.cube is not the lock\'s Warm studio grade: its SHA-256 differs from the one the lock pins (an edited file, or another grade).').waitFor();
    await ui.getByText('Not opened: luts/warm-studio.cube, luts/cool-editorial.cube').waitFor();
    await ui.getByRole('tab', { name: 'LUT' }).click();
    expect(await ui.getByText('luts/cool-editorial.cube is not open').isVisible()).toBe(true);
    await page.close();
  });

  it('reports a malformed .cube by file and line (lock without pinned hashes)', async () => {
    const { page, ui } = await openPlugin(browser, built, { command: 'lut' });
    await ui.getByRole('button', { name: 'Connection and lock' }).click();
    const lock = JSON.parse(readFileSync(join(SAMPLES, 'brand-lock.json'), 'utf8'));
    for (const l of lock.luts) delete l.sha256;
    await ui.locator('input[type=file]').setInputFiles([
      { name: 'brand-lock.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(lock)) },
      { name: 'warm-studio.cube', mimeType: 'text/plain', buffer: Buffer.from('LUT_3D_SIZE 2\n0 0 0\n1 0 0\n0 1 oops\n') },
    ]);
    await ui.getByText('Not opened: luts/cool-editorial.cube').waitFor();
    await ui.getByRole('tab', { name: 'LUT' }).click();
    const err = await ui.locator('.banner.danger').innerText();
    expect(err).toBe('luts/warm-studio.cube:4: the B value of entry 3 is "oops", expected a number like 0.25 or -1.5e-3');
    await page.close();
  });
});
