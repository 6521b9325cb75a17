// Product loops in the plugin window, in Chromium beside the fake Figma (a Starter team, as the
// harness's file is): an art director connects, lists the server's finished loops, asks to embed one,
// and gets its poster frame on the canvas with frame QC's caption, plus Figma's reason for not taking
// the clip. Screenshot: test-output/variants-loop.png.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { buildPlugin, launchChromium, openPlugin, screenshot, type BuiltPlugin } from '../support/browser';
import { startTestServer, type TestServer } from '../support/start-server';

declare const harness: { figma: PluginAPI };

let browser: Browser;
let built: BuiltPlugin;
let server: TestServer;
let directorToken = '';
let jobId = '';
beforeAll(async () => {
  [browser, server] = await Promise.all([
    launchChromium(),
    startTestServer({
      editLock: (lock) => {
        const jersey = lock.categories.find((c) => c.id === 'jersey')!;
        jersey.recipe = { ...(jersey.recipe ?? {}), width: 512, height: 640 };
        jersey.video = { ...(jersey.video ?? {}), durationSeconds: 2 };
      },
    }),
  ]);
  built = await buildPlugin([server.url]);
  const made = await server.makeVideoJob();
  directorToken = made.directorToken;
  jobId = made.job.id;
}, 300_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('product loops in the window', () => {
  it('places a loop as its poster frame with its QC caption, and says why Figma did not take the clip', async () => {
    const { page, ui } = await openPlugin(browser, built, { command: 'variants' });
    await ui.getByRole('button', { name: 'Connection and lock' }).click();
    await ui.getByLabel('Server URL').fill(server.url);
    await ui.getByLabel('Token').fill(directorToken);
    await ui.getByRole('button', { name: 'Connect', exact: true }).click();
    await ui.getByText(/signed in as/).waitFor();
    await ui.getByRole('tab', { name: 'Variants' }).click();
    await ui.getByRole('button', { name: 'Show finished loops' }).click();
    await ui.getByText(`NF-JR-3005 front · job ${jobId.slice(0, 8)}`).waitFor();
    await ui.getByLabel(/Embed the clip/).check();
    await ui.locator('.loop-row').first().getByRole('button', { name: 'Place' }).click();
    const reason = ui.getByText(/Figma did not take the clip \(Uploading videos only works in files in paid Pro teams\)/);
    await reason.waitFor({ timeout: 60_000 });
    // What happened is on screen, not below the fold of the long Variants screen.
    await page.waitForTimeout(600);
    const [box, window] = [await reason.boundingBox(), await page.locator('#plugin').boundingBox()];
    expect(box!.y).toBeGreaterThanOrEqual(window!.y);
    expect(box!.y + box!.height).toBeLessThanOrEqual(window!.y + window!.height);
    const placed = await page.evaluate(() => {
      const f = harness.figma.currentPage.children.find((n) => n.name.includes('loop · job')) as FrameNode;
      return { name: f.name, fills: ((f.children[0] as RectangleNode).fills as Paint[]).map((p) => p.type), headline: (f.children[1] as TextNode).characters };
    });
    expect(placed.name).toMatch(/^NF-JR-3005 front loop · job /);
    expect(placed.fills).toEqual(['IMAGE']);
    expect(placed.headline).toMatch(/^QC (PASS|FLAG|REJECT) · 2\.0 s · 24 fps · 512x640 · 48 frames$/);
    await screenshot(page, 'variants-loop');
  });
});
