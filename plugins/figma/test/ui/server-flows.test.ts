import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createServer, type AddressInfo } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import sharp from 'sharp';
import { buildPlugin, launchChromium, openPlugin, OUTPUT_DIR, SAMPLES, screenshot, type BuiltPlugin } from '../support/browser';
import { startTestServer, type TestServer } from '../support/start-server';

declare const harness: { figma: PluginAPI; toBase64(b: Uint8Array): string; fromBase64(s: string): Uint8Array };

/** A loopback port nobody listens on: connections to it are refused at once. */
function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const srv = createServer().listen(0, '127.0.0.1', () => {
      const port = (srv.address() as AddressInfo).port;
      srv.close(() => resolve(port));
    });
  });
}

let browser: Browser;
let built: BuiltPlugin;
let server: TestServer;
beforeAll(async () => {
  [browser, server] = await Promise.all([launchChromium(), startTestServer()]);
  // Built for this server, as `npm run pack` builds for the brand's: the harness enforces the manifest's network access.
  built = await buildPlugin([server.url]);
  await server.uploadReferences();
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function connect(ui: import('playwright-core').FrameLocator, url: string, token: string) {
  await ui.getByRole('button', { name: 'Connection and lock' }).click();
  await ui.getByLabel('Server URL').fill(url);
  await ui.getByLabel('Token').fill(token);
  await ui.getByRole('button', { name: 'Connect', exact: true }).click();
}

/** The board on the canvas: its cells' captions and image hashes, its status line and its record. */
async function boardOnCanvas(page: Page) {
  return page.evaluate(() => {
    const b = harness.figma.currentPage.children.filter((n) => n.name.startsWith('brandlock moodboard')).at(-1) as FrameNode;
    const images = b.findAll((n) => n.name === 'Image') as RectangleNode[];
    return {
      name: b.name,
      captions: b.findAll((n) => n.name === 'Caption').map((n) => (n as TextNode).characters),
      fills: images.map((r) => ((r.fills as Paint[])[0] as ImagePaint).imageHash ?? null),
      status: (b.findOne((n) => n.name === 'Status') as TextNode).characters,
      palette: ((b.findOne((n) => n.name === 'Swatches') as FrameNode | null)?.children ?? []).map((n) => n.name),
      record: JSON.parse(b.getSharedPluginData('brandlock', 'board')),
    };
  });
}

/** Mean absolute pixel difference of two images (downscaled alike), 0..255. */
async function meanDifference(a: Buffer, b: Buffer): Promise<number> {
  const [pa, pb] = await Promise.all([a, b].map((x) => sharp(x).removeAlpha().resize(96, 120, { fit: 'fill' }).raw().toBuffer()));
  let d = 0;
  for (let i = 0; i < pa.length; i++) d += Math.abs(pa[i] - pb[i]);
  return d / pa.length;
}

describe('moodboard against the real server (local provider)', () => {
  it("connects from the null-origin iframe with a token, then fills an art director's 12-image board with 12 distinct, captioned studies", async () => {
    const { page, ui } = await openPlugin(browser, built, { command: 'moodboard' });
    await connect(ui, server.url, server.token);
    await ui.getByText(/signed in as Figma plugin test \(designer\)/).waitFor();
    expect(await ui.locator('.lock-card').innerText()).toContain('Northfold Studio · SS27.1');
    await screenshot(page, 'connect-server');

    await ui.getByRole('tab', { name: 'Moodboard' }).click();
    // Before anything is made, the art director is told what the server's provider will make: studies.
    await ui.getByText(/Your server has no GPU provider: each image will be a study made from the lock/).waitFor();
    await ui.getByLabel('Environment').fill('sunlit concrete loft');
    await ui.getByLabel('Garment focus').fill('linen shirts');
    await ui.locator('.screen:not([hidden]) label.chip', { hasText: 'Cool editorial' }).locator('input').check();
    await ui.locator('.screen:not([hidden]) label.chip', { hasText: 'Kofi' }).locator('input').check();
    // The story's swatches: the studies are lit in these and the board's palette shows these, not all 27.
    for (const name of ['Sand', 'Ink navy', 'Cognac']) await ui.locator('.screen:not([hidden]) label.chip', { hasText: new RegExp(`^\\s*${name}\\s*$`) }).locator('input').check();
    await ui.getByLabel('Images on the board').fill('12');
    await ui.getByRole('button', { name: 'Make moodboard' }).click();
    await ui.getByText('Placed 12 of 12 images on the board.').waitFor({ timeout: 150_000 });
    await screenshot(page, 'moodboard-done');
    // The board filled beside the designer's work without taking their selection; Show board goes to it.
    expect(await page.evaluate(() => harness.figma.currentPage.selection.length)).toBe(0);
    await ui.getByRole('button', { name: 'Show board' }).click();
    await page.waitForFunction(() => harness.figma.currentPage.selection[0]?.name.startsWith('brandlock moodboard'));

    const board = await boardOnCanvas(page);
    expect(board.name).toBe('brandlock moodboard · Sunlit concrete loft');
    expect(board.captions).toHaveLength(12);
    expect(new Set(board.captions).size).toBe(12);
    expect(board.captions[0]).toBe('Warm daylight studio · Ava · Front');
    expect(board.fills.every(Boolean)).toBe(true);
    expect(board.status).toMatch(/not photographs/);
    expect(board.palette).toEqual(['Sand', 'Cognac', 'Ink navy']);
    expect(board.record).toMatchObject({ state: 'complete', provenance: { provider: 'local', lockVersion: 'SS27.1' } });
    const bytes = await page.evaluate(async (hashes) => Promise.all(hashes.map(async (h) => harness.toBase64(await harness.figma.getImageByHash(h!)!.getBytesAsync()))), board.fills);
    const images = bytes.map((b) => Buffer.from(b, 'base64'));
    const alike: string[] = [];
    for (let i = 0; i < images.length; i++) for (let j = i + 1; j < images.length; j++) if ((await meanDifference(images[i], images[j])) < 2) alike.push(`${board.captions[i]} ~ ${board.captions[j]}`);
    expect(alike).toEqual([]);
    const png = await page.evaluate(async () => {
      const b = harness.figma.currentPage.children.find((n) => n.name.startsWith('brandlock moodboard')) as FrameNode;
      return harness.toBase64(await b.exportAsync({ format: 'PNG', constraint: { type: 'SCALE', value: 0.4 } }));
    });
    mkdirSync(OUTPUT_DIR, { recursive: true });
    writeFileSync(join(OUTPUT_DIR, 'moodboard-server-render.png'), Buffer.from(png, 'base64'));
    await page.close();
  }, 200_000);

  it('a run survives tab switches: progress, Cancel and the brief stay, and Make moodboard cannot start a second board', async () => {
    const { page, ui } = await openPlugin(browser, built, { command: 'moodboard' });
    await connect(ui, server.url, server.token);
    await ui.getByText(/signed in as/).waitFor();
    await ui.getByRole('tab', { name: 'Moodboard' }).click();
    await ui.getByLabel('Environment').fill('coastal dunes');
    await ui.getByLabel('Images on the board').fill('24');
    await ui.getByRole('button', { name: 'Make moodboard' }).click();
    await ui.getByRole('button', { name: 'Cancel' }).waitFor();
    await ui.getByRole('tab', { name: 'Palette' }).click();
    await ui.getByRole('tab', { name: 'Variants' }).click();
    await ui.getByRole('tab', { name: 'Moodboard' }).click();
    expect(await ui.getByRole('button', { name: 'Cancel' }).isVisible()).toBe(true);
    expect(await ui.getByRole('progressbar').isVisible()).toBe(true);
    expect(await ui.getByLabel('Environment').inputValue()).toBe('coastal dunes');
    expect(await ui.getByLabel('Environment').isDisabled()).toBe(true);
    expect(await ui.getByRole('button', { name: 'Make moodboard' }).count()).toBe(0);
    await screenshot(page, 'moodboard-progress');
    await ui.getByRole('button', { name: 'Cancel' }).click();
    await ui.getByText(/Canceled with \d+ images on the board\./).waitFor({ timeout: 60_000 });
    const boards = await page.evaluate(() => harness.figma.currentPage.children.filter((n) => n.name.startsWith('brandlock moodboard')).length);
    expect(boards).toBe(1);
    const board = await boardOnCanvas(page);
    expect(board.status).toMatch(/^Canceled after \d+ of 24 images\./);
    await page.close();
  }, 120_000);

  it('a board left filling when the plugin closed is offered on the next launch: Resume fills it, Cancel on server stops it', async () => {
    const { page, ui } = await openPlugin(browser, built, { command: 'moodboard' });
    await connect(ui, server.url, server.token);
    await ui.getByText(/signed in as/).waitFor();
    await ui.getByRole('tab', { name: 'Moodboard' }).click();
    await ui.getByLabel('Environment').fill('harbour at dawn');
    await ui.getByLabel('Images on the board').fill('18');
    await ui.getByRole('button', { name: 'Make moodboard' }).click();
    // Closed while it fills: one image on the board, the rest still being made.
    await page.waitForFunction(() => {
      const b = (globalThis as unknown as { harness: { figma: PluginAPI } }).harness.figma.currentPage.children.find((n) => n.name.startsWith('brandlock moodboard'));
      return !!b && (b as FrameNode).findAll((n) => n.name === 'Image' && ((n as RectangleNode).fills as Paint[])[0]?.type === 'IMAGE').length >= 1;
    }, undefined, { timeout: 60_000 });
    await page.evaluate(() => (harness as unknown as { close(): void }).close());

    // The designer opens the plugin again (the stored connection reconnects by itself).
    await page.evaluate(() => (harness as unknown as { reopen(o: unknown): void }).reopen({ command: 'palette' }));
    const next = page.frameLocator('#plugin');
    await next.getByText(/“Harbour at dawn” stopped filling at \d+ of 18 images\./).waitFor({ timeout: 30_000 });
    await screenshot(page, 'moodboard-resume-offer');
    await next.getByRole('button', { name: 'Resume' }).click();
    await next.getByText('Placed 18 of 18 images on the board.').waitFor({ timeout: 120_000 });
    const resumed = await boardOnCanvas(page);
    expect(resumed.fills.every(Boolean)).toBe(true);
    expect(resumed.record.state).toBe('complete');

    // A second board, closed at once: the next launch cancels it on the server.
    await next.getByLabel('Environment').fill('harbour at dusk');
    await next.getByLabel('Images on the board').fill('30');
    await next.getByRole('button', { name: 'Make moodboard' }).click();
    await page.waitForFunction(() => (globalThis as unknown as { harness: { figma: PluginAPI } }).harness.figma.currentPage.children.filter((n) => n.name.startsWith('brandlock moodboard')).length === 2, undefined, { timeout: 60_000 });
    await page.evaluate(() => (harness as unknown as { close(): void }).close());
    await page.evaluate(() => (harness as unknown as { reopen(o: unknown): void }).reopen({}));
    const third = page.frameLocator('#plugin');
    await third.getByRole('button', { name: 'Cancel on server' }).click({ timeout: 30_000 });
    await third.getByText(/Canceled with \d+ images on the board\./).waitFor({ timeout: 30_000 });
    const canceled = await boardOnCanvas(page);
    expect(canceled.status).toMatch(/^Canceled after \d+ of 30 images\./);
    expect(canceled.record.state).toBe('canceled');
    await page.close();
  }, 200_000);

  it('Export all through the server: WebP and TIFF encoded as brandlock variants does, with the sRGB ICC profile', async () => {
    const { page, ui } = await openPlugin(browser, built, { command: 'variants' });
    await connect(ui, server.url, server.token);
    await ui.getByText(/signed in as/).waitFor();
    await page.evaluate(async () => {
      const f = harness.figma;
      const bytes = await (harness as unknown as { image(w: number, h: number, draw: string): Promise<Uint8Array> }).image(600, 750, `
        const g = ctx.createLinearGradient(0, 0, w, h); g.addColorStop(0, '#c8b089'); g.addColorStop(1, '#1f2a44'); ctx.fillStyle = g; ctx.fillRect(0, 0, w, h);`);
      const hash = f.createImage(bytes).hash;
      let x = 0;
      for (const s of [
        { channelId: 'pdp-webp', fileName: 'northfold_nf-1001_ink_front_pdp-webp_1200x1500.webp', w: 1200, h: 1500, delivery: { format: 'webp', quality: 82, maxBytes: 350000 } },
        { channelId: 'wholesale', fileName: 'northfold_nf-1001_ink_front_wholesale_2048x2048.tif', w: 2048, h: 2048, delivery: { format: 'tiff', quality: 100, maxBytes: null } },
      ]) {
        const frame = f.createFrame();
        frame.name = s.fileName;
        frame.resize(s.w, s.h);
        frame.x = x;
        x += s.w + 100;
        const r = f.createRectangle();
        r.resize(s.w, s.h);
        r.fills = [{ type: 'IMAGE', scaleMode: 'FILL', imageHash: hash }];
        frame.appendChild(r);
        // As "Create variants" leaves them: the frame's naming, and the job of the moodboard cell it was made from.
        frame.setSharedPluginData('brandlock', 'variant', JSON.stringify({ channelId: s.channelId, fileName: s.fileName, width: s.w, height: s.h, delivery: s.delivery, sourceNodeId: r.id, jobId: 'job-from-a-board-cell' }));
        frame.setSharedPluginData('brandlock', 'naming', JSON.stringify({ sku: 'NF-1001', colorway: 'ink', view: 'front' }));
      }
    });
    await ui.getByRole('tab', { name: 'Variants' }).click();
    await ui.getByText(/encoded for its channel by your brandlock server/).waitFor();
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 90_000 }), ui.getByRole('button', { name: 'Export all (2)' }).click()]);
    const { unzipSync } = await import('fflate');
    const files = unzipSync(readFileSync(await download.path()));
    const webp = await sharp(files['northfold_nf-1001_ink_front_pdp-webp_1200x1500.webp']).metadata();
    const tiff = await sharp(files['northfold_nf-1001_ink_front_wholesale_2048x2048.tif']).metadata();
    expect([webp.format, webp.width, !!webp.icc]).toEqual(['webp', 1200, true]);
    expect([tiff.format, tiff.width, !!tiff.icc]).toEqual(['tiff', 2048, true]);
    expect(files['northfold_nf-1001_ink_front_wholesale_2048x2048.tif'].length).toBeLessThan(2048 * 2048 * 3 / 2);
    // The server wrote the frame's SKU and job into the files' provenance (XMP), not "Figma frame".
    const xmp = Buffer.from(files['northfold_nf-1001_ink_front_pdp-webp_1200x1500.webp']).toString('latin1');
    expect(xmp).toContain('<brandlock:sku>NF-1001</brandlock:sku>');
    expect(xmp).toContain('<brandlock:jobId>job-from-a-board-cell</brandlock:jobId>');
    await page.close();
  }, 150_000);

  it('says plainly when the token is wrong or the server is not there', async () => {
    const { page, ui } = await openPlugin(browser, built, { command: 'moodboard' });
    await connect(ui, server.url, 'bl_not-a-real-token');
    await ui.getByText('The server refused the token: it is unknown, mistyped or revoked. Ask an admin for a new one.').waitFor();
    const other = await freePort();
    await ui.getByLabel('Server URL').fill(`http://127.0.0.1:${other}`);
    await ui.getByLabel('Token').fill(server.token);
    await ui.getByRole('button', { name: 'Connect', exact: true }).click();
    await ui.getByText(`This build of the plugin may reach only ${server.url}; Figma blocks every other address.`, { exact: false }).waitFor();
    await screenshot(page, 'connect-error');
    await page.close();
  });

  it('with the lock from the server, a LUT preview takes the .cube file opened beside it when the server holds none', async () => {
    const { page, ui } = await openPlugin(browser, built, { command: 'lut' });
    await connect(ui, server.url, server.token);
    await ui.getByText(/signed in as/).waitFor();
    await selectSwatchPhoto(page, '#8a4b2a', 'Cognac swatch photo');
    await ui.getByRole('tab', { name: 'LUT' }).click();
    await ui.getByText('luts/warm-studio.cube is not open').waitFor();
    await ui.locator('input[type=file][accept=".cube"]').setInputFiles([join(SAMPLES, 'luts/warm-studio.cube')]);
    await ui.getByText('Preview', { exact: true }).waitFor();
    await ui.getByRole('button', { name: 'Place graded copy' }).click();
    await ui.getByText(/Placed “Cognac swatch photo · Warm studio grade”/).waitFor();
    await page.close();
  });

  it('once an admin uploaded the lock\'s LUT, the preview takes it from the server with no file to open', async () => {
    await server.uploadLut(readFileSync(join(SAMPLES, 'luts/warm-studio.cube'), 'utf8'));
    const { page, ui } = await openPlugin(browser, built, { command: 'lut' });
    await connect(ui, server.url, server.token);
    await ui.getByText(/signed in as/).waitFor();
    await selectSwatchPhoto(page, '#1f2a44', 'Ink swatch photo');
    await ui.getByRole('tab', { name: 'LUT' }).click();
    await ui.getByText('Preview', { exact: true }).waitFor();
    expect(await ui.getByText('luts/warm-studio.cube is not open').count()).toBe(0);
    await ui.getByRole('button', { name: 'Place graded copy' }).click();
    await ui.getByText(/Placed “Ink swatch photo · Warm studio grade”/).waitFor();
    await page.close();
  });
});

/** Puts a flat-colour PNG on the canvas as an image fill, named like a photo, and selects it. */
async function selectSwatchPhoto(page: Page, hex: string, name: string): Promise<void> {
  await page.evaluate(async ([fill, layerName]) => {
    const f = harness.figma;
    const canvas = new OffscreenCanvas(64, 80);
    const ctx = canvas.getContext('2d')!;
    ctx.fillStyle = fill;
    ctx.fillRect(0, 0, 64, 80);
    const bytes = new Uint8Array(await (await canvas.convertToBlob({ type: 'image/png' })).arrayBuffer());
    const r = f.createRectangle();
    r.name = layerName;
    r.fills = [{ type: 'IMAGE', scaleMode: 'FILL', imageHash: f.createImage(bytes).hash }];
    (harness as unknown as { host: { select(n: unknown[]): void } }).host.select([r]);
  }, [hex, name] as const);
}
