import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createServer, type AddressInfo } from 'node:net';
import type { Browser, Page } from 'playwright-core';
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
  [built, browser, server] = await Promise.all([buildPlugin(), launchChromium(), startTestServer()]);
});
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

describe('moodboard against the real server (local provider)', () => {
  it('connects from the null-origin iframe with a token, then fills a board with the server\'s studies', async () => {
    const { page, ui } = await openPlugin(browser, built, { command: 'moodboard' });
    await connect(ui, server.url, server.token);
    await ui.getByText(/signed in as Figma plugin test \(designer\)/).waitFor();
    expect(await ui.locator('.lock-card').innerText()).toContain('Northfold Studio · SS27.1');
    await screenshot(page, 'connect-server');

    await ui.getByRole('tab', { name: 'Moodboard' }).click();
    await ui.getByLabel('Environment').fill('sunlit concrete loft');
    await ui.getByLabel('Garment focus').fill('linen shirts');
    await ui.locator('label.chip', { hasText: 'Cool editorial' }).locator('input').check();
    await ui.getByLabel('Images on the board').fill('6');
    await ui.getByRole('button', { name: 'Make moodboard' }).click();
    await ui.getByText('Placed 6 images on the board.').waitFor({ timeout: 90_000 });
    await screenshot(page, 'moodboard-done');

    const board = await page.evaluate(async () => {
      const f = harness.figma;
      const b = f.currentPage.children.find((n) => n.name.startsWith('brandlock moodboard')) as FrameNode;
      const grid = b.findOne((n) => n.name === 'Images') as FrameNode;
      const cells = grid.children as FrameNode[];
      const status = (b.findOne((n) => n.name === 'Status') as TextNode).characters;
      const png = await b.exportAsync({ format: 'PNG', constraint: { type: 'SCALE', value: 0.5 } });
      return {
        name: b.name,
        images: cells.map((c) => ((c.children[0] as RectangleNode).fills as Paint[])[0].type),
        captions: cells.map((c) => (c.children[1] as TextNode).characters),
        status,
        provenance: JSON.parse(b.getPluginData('brandlock.board')),
        png: harness.toBase64(png),
      };
    });
    mkdirSync(OUTPUT_DIR, { recursive: true });
    writeFileSync(join(OUTPUT_DIR, 'moodboard-server-render.png'), Buffer.from(board.png, 'base64'));
    expect(board.name).toBe('brandlock moodboard · Sunlit concrete loft');
    expect(board.images).toEqual(['IMAGE', 'IMAGE', 'IMAGE', 'IMAGE', 'IMAGE', 'IMAGE']);
    expect(board.status).toMatch(/not photographs|not generative|stud/i);
    expect(board.provenance).toMatchObject({ provider: 'local', lockVersion: 'SS27.1' });
    expect(board.provenance.jobId).toMatch(/.+/);
    await page.close();
  });

  it('cancel stops the server job and keeps the images that arrived', async () => {
    const { page, ui } = await openPlugin(browser, built, { command: 'moodboard' });
    await connect(ui, server.url, server.token);
    await ui.getByText(/signed in as/).waitFor();
    await ui.getByRole('tab', { name: 'Moodboard' }).click();
    await ui.getByLabel('Environment').fill('coastal dunes');
    await ui.getByLabel('Images on the board').fill('24');
    await ui.getByRole('button', { name: 'Make moodboard' }).click();
    await ui.getByRole('button', { name: 'Cancel' }).click();
    await ui.getByText(/Canceled with \d+ images on the board\./).waitFor({ timeout: 60_000 });
    const status = await page.evaluate(() => {
      const b = harness.figma.currentPage.children.find((n) => n.name.startsWith('brandlock moodboard')) as FrameNode;
      return (b.findOne((n) => n.name === 'Status') as TextNode).characters;
    });
    expect(status).toMatch(/^Canceled after \d+ of 24 images\./);
    await page.close();
  });

  it('says plainly when the token is wrong or the server is not there', async () => {
    const { page, ui } = await openPlugin(browser, built, { command: 'moodboard' });
    await connect(ui, server.url, 'bl_not-a-real-token');
    await ui.getByText('The server refused the token: it is unknown, mistyped or revoked. Ask an admin for a new one.').waitFor();
    const closed = await freePort();
    await ui.getByLabel('Server URL').fill(`http://127.0.0.1:${closed}`);
    await ui.getByLabel('Token').fill(server.token);
    await ui.getByRole('button', { name: 'Connect', exact: true }).click();
    await ui.getByText(`Cannot reach http://127.0.0.1:${closed}. Is the server running, and is this address the one the plugin was built for (its allowed domains)?`).waitFor();
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
