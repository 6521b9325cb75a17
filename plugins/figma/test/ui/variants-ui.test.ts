import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import type { Browser } from 'playwright-core';
import { buildPlugin, launchChromium, openPlugin, OUTPUT_DIR, SAMPLES, screenshot, type BuiltPlugin } from '../support/browser';

declare const harness: { figma: PluginAPI; toBase64(b: Uint8Array): string; fromBase64(s: string): Uint8Array; host: { select(nodes: unknown[]): void } };

let browser: Browser;
let built: BuiltPlugin;
beforeAll(async () => {
  [built, browser] = await Promise.all([buildPlugin(), launchChromium()]);
});
afterAll(async () => {
  await browser?.close();
});

const HOODIE = join(SAMPLES, 'photos/packshot/solidus-hoodie-blue-white-bg.jpg');
const POLO = join(SAMPLES, 'photos/packshot/solidus-polo-red-navy-white-bg.jpg');
const CHANNELS = ['PDP hero 4:5', 'Stories', 'Marketplace main image', 'Pinterest 2:3'];

/** Pixels on the image border that are not near-white background: garment cut by the frame. */
async function darkEdgePixels(png: Buffer): Promise<number> {
  const { data, info } = await sharp(png).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  const dark = (x: number, y: number) => data[(y * info.width + x) * 3] + data[(y * info.width + x) * 3 + 1] + data[(y * info.width + x) * 3 + 2] < 600;
  let n = 0;
  for (let x = 0; x < info.width; x++) n += Number(dark(x, 0)) + Number(dark(x, info.height - 1));
  for (let y = 0; y < info.height; y++) n += Number(dark(0, y)) + Number(dark(info.width - 1, y));
  return n;
}

describe('channel variants UI', () => {
  it('makes one frame per chosen channel from a packshot, with the garment whole in every crop, ready to export', async () => {
    const { page, ui } = await openPlugin(browser, built, { command: 'variants' });
    await ui.getByRole('button', { name: 'Connection and lock' }).click();
    await ui.locator('input[type=file]').setInputFiles([join(SAMPLES, 'brand-lock.json')]);
    await page.evaluate(async (data) => {
      const f = harness.figma;
      const rect = f.createRectangle();
      rect.name = 'NF-HO-2001 packshot';
      rect.resize(600, 600);
      rect.fills = [{ type: 'IMAGE', scaleMode: 'FILL', imageHash: f.createImage(harness.fromBase64(data)).hash }];
      harness.host.select([rect]);
    }, readFileSync(HOODIE).toString('base64'));
    await ui.getByRole('tab', { name: 'Variants' }).click();
    await ui.getByText('NF-HO-2001 packshot').first().waitFor();
    await ui.getByRole('button', { name: 'None' }).click();
    for (const name of CHANNELS) await ui.locator('.screen:not([hidden]) label.check-item', { hasText: name }).first().locator('input').check();
    await ui.getByLabel('SKU').fill('NF-HO-2001');
    await ui.getByLabel('Colorway').fill('blue');
    expect(await ui.locator('.name-preview').innerText()).toBe('northfold_nf-ho-2001_blue_front_pdp-4x5_1600x2000.jpg');
    await ui.getByPlaceholder('Headline for the channels that take copy').fill('The brushed hoodie, new in');
    await ui.getByRole('group', { name: 'Align' }).getByRole('button', { name: 'Centre' }).click();
    await screenshot(page, 'variants-form');
    await ui.getByRole('button', { name: 'Make 4 variants' }).click();
    await ui.getByText('Made 4 frames beside the image.').waitFor({ timeout: 60_000 });
    expect(await ui.getByText('Subject from the studio background.').isVisible()).toBe(true);
    await screenshot(page, 'variants-made');

    const frames = await page.evaluate(async () => {
      const f = harness.figma;
      const section = f.currentPage.children.find((n) => n.type === 'SECTION') as SectionNode;
      const out = [];
      for (const fr of section.children as FrameNode[]) {
        const png = await fr.exportAsync({ format: 'PNG', constraint: { type: 'SCALE', value: 0.25 } });
        const copy = fr.children.find((c) => c.name === 'Copy') as TextNode | undefined;
        out.push({
          name: fr.name, w: fr.width, h: fr.height, copy: copy ? copy.characters : null,
          fill: copy ? ((copy.fills as Paint[])[0] as SolidPaint).color : null,
          fit: copy ? JSON.parse(copy.getSharedPluginData('brandlock', 'copy-fit')) : null,
          align: copy ? copy.textAlignHorizontal : null,
          png: harness.toBase64(png),
        });
      }
      return { section: section.name, out };
    });
    expect(frames.section).toBe('NF-HO-2001 · channel variants');
    expect(frames.out.map((f) => `${f.name} ${f.w}x${f.h}`)).toEqual([
      'northfold_nf-ho-2001_blue_front_pdp-4x5_1600x2000 1600x2000',
      'northfold_nf-ho-2001_blue_front_stories_1080x1920 1080x1920',
      'northfold_nf-ho-2001_blue_front_pinterest_1000x1500 1000x1500',
      'northfold_nf-ho-2001_blue_front_marketplace_2000x2000 2000x2000',
    ].sort((a, b) => frames.out.findIndex((f) => a.startsWith(f.name)) - frames.out.findIndex((f) => b.startsWith(f.name))));
    // Copy only where the channel allows text (social: Stories, Pinterest), as one wrapped paragraph in a
    // palette colour that measures at least WCAG's 3:1 over the pixels under it.
    expect(Object.fromEntries(frames.out.map((f) => [f.name.split('_').at(-2), f.copy]))).toEqual({ 'pdp-4x5': null, stories: 'The brushed hoodie, new in', pinterest: 'The brushed hoodie, new in', marketplace: null });
    // Set as the designer aligned it in the form.
    expect(frames.out.filter((f) => f.copy).map((f) => f.align)).toEqual(['CENTER', 'CENTER']);
    const report = await ui.locator('.screen:not([hidden]) .banner.warning').allInnerTexts();
    for (const f of frames.out.filter((x) => x.fit)) {
      expect(f.fit.contrast.required).toBe(3);
      // Where no palette colour reaches 3:1 over what lies under the copy, the report says so with the measure.
      if (f.fit.contrast.ratio < 3) expect(report.join('\n')).toContain(`${f.fit.contrast.ratio.toFixed(1)}:1; WCAG needs 3.0:1`);
    }
    expect(await ui.getByText('no copy: marketplace product images must not carry text').isVisible()).toBe(true);
    // The channel a warning names goes to its frame on the canvas.
    await ui.locator('.screen:not([hidden]) .banner.warning li', { hasText: 'no copy: marketplace' }).getByRole('button').click();
    await page.waitForFunction(() => harness.figma.currentPage.selection.length === 1);
    expect(await page.evaluate(() => harness.figma.currentPage.selection[0].name)).toBe('northfold_nf-ho-2001_blue_front_marketplace_2000x2000');
    mkdirSync(OUTPUT_DIR, { recursive: true });
    for (const f of frames.out) {
      const png = Buffer.from(f.png, 'base64');
      writeFileSync(join(OUTPUT_DIR, `variant-${f.name.split('_').slice(-2).join('_')}.png`), png);
      // The garment is never cut: the outermost rows and columns are background (near white).
      expect(await darkEdgePixels(png), f.name).toBe(0);
    }

    // The new frames are listed for Export all (encoding is covered by export-ui.test.ts).
    await ui.getByRole('button', { name: 'Export all (4)' }).waitFor();
    await page.close();
  });

  it('frames a white-on-white garment by the "subject" rectangle the designer drew, where the estimate would cut a sleeve', async () => {
    const { page, ui } = await openPlugin(browser, built, { command: 'variants' });
    await ui.getByRole('button', { name: 'Connection and lock' }).click();
    await ui.locator('input[type=file]').setInputFiles([join(SAMPLES, 'brand-lock.json')]);
    await page.evaluate(async (data) => {
      const f = harness.figma;
      const shot = f.createFrame();
      shot.name = 'NF-PO-3001 front';
      shot.resize(600, 600);
      const rect = f.createRectangle();
      rect.resize(600, 600);
      rect.fills = [{ type: 'IMAGE', scaleMode: 'FILL', imageHash: f.createImage(harness.fromBase64(data)).hash }];
      shot.appendChild(rect);
      const subject = f.createRectangle();
      subject.name = 'subject';
      subject.fills = [];
      subject.resize(520, 500);
      subject.x = 40;
      subject.y = 70;
      shot.appendChild(subject);
      harness.host.select([shot]);
    }, readFileSync(POLO).toString('base64'));
    await ui.getByRole('tab', { name: 'Variants' }).click();
    await ui.getByText('Subject marked').waitFor();
    await ui.getByRole('button', { name: 'None' }).click();
    await ui.locator('.screen:not([hidden]) label.check-item', { hasText: 'Pinterest 2:3' }).first().locator('input').check();
    await ui.getByLabel('SKU').fill('NF-PO-3001');
    await ui.getByLabel('Colorway').fill('poppy');
    await ui.getByRole('button', { name: 'Make 1 variant' }).click();
    await ui.getByText('Subject from the layer named "subject".').waitFor();
    const png = await page.evaluate(async () => {
      const section = harness.figma.currentPage.children.find((n) => n.type === 'SECTION') as SectionNode;
      return harness.toBase64(await (section.children[0] as FrameNode).exportAsync({ format: 'PNG', constraint: { type: 'SCALE', value: 0.25 } }));
    });
    writeFileSync(join(OUTPUT_DIR, 'variant-marked-subject-pinterest.png'), Buffer.from(png, 'base64'));
    expect(await darkEdgePixels(Buffer.from(png, 'base64'))).toBe(0);
    await page.close();
  });
});
