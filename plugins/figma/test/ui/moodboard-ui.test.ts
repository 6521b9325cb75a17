import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { buildPlugin, launchChromium, openPlugin, SAMPLES, screenshot, type BuiltPlugin } from '../support/browser';

let browser: Browser;
let built: BuiltPlugin;
beforeAll(async () => {
  [built, browser] = await Promise.all([buildPlugin(), launchChromium()]);
});
afterAll(async () => {
  await browser?.close();
});

describe('moodboard UI', () => {
  it('offers the lock\'s lighting presets and model profiles, and says moodboards need the server', async () => {
    const { page, ui } = await openPlugin(browser, built, { command: 'moodboard' });
    await ui.getByRole('button', { name: 'Connection and lock' }).click();
    await ui.locator('input[type=file]').setInputFiles([join(SAMPLES, 'brand-lock.json')]);
    await ui.getByRole('tab', { name: 'Moodboard' }).click();
    await ui.getByText('Lighting mood', { exact: true }).waitFor();
    const chips = (await ui.locator('.screen:not([hidden]) .chip').allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim());
    expect(chips).toEqual(['Warm daylight studio 5200 K', 'Cool editorial 6500 K', 'Packshot on white 5500 K', 'Ava straight size', 'Kofi straight size', 'Mei curve']);
    expect(await ui.getByText('Moodboards are made by your brandlock server.').isVisible()).toBe(true);
    expect(await ui.getByRole('button', { name: 'Make moodboard' }).isDisabled()).toBe(true);
    await ui.getByLabel('Environment').fill('sunlit concrete loft');
    await ui.getByLabel('Images on the board').fill('24');
    expect(await ui.locator('.screen:not([hidden]) .footer .status-text').innerText()).toBe('24 images · 1 lighting mood');
    await screenshot(page, 'moodboard-form-offline');
    await page.close();
  });
});
