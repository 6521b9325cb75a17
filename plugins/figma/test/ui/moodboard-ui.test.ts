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
    const chipsOf = async (section: string) => (await ui.locator('.screen:not([hidden]) .section', { has: ui.getByText(section, { exact: true }) }).locator('.chip').allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim());
    expect(await chipsOf('Lighting mood')).toEqual(['Warm daylight studio 5200 K', 'Cool editorial 6500 K', 'Packshot on white 5500 K']);
    expect(await chipsOf('Model direction')).toEqual(['Ava straight size', 'Kofi straight size', 'Mei curve']);
    // The backdrop colour beside each lighting chip's checkbox is a colour bar, wider than tall: a round
    // dot there read as a second, radio-style control (Figma review), and a square as a second checkbox.
    const backdrop = ui.locator('.screen:not([hidden]) label.chip', { hasText: 'Warm daylight studio' }).locator('[title^="Backdrop"]');
    const [radius, width, height] = await backdrop.evaluate((el) => [getComputedStyle(el).borderTopLeftRadius, el.getBoundingClientRect().width, el.getBoundingClientRect().height] as const);
    expect(radius).not.toBe('50%');
    expect(width).toBeGreaterThanOrEqual(height * 1.6);
    // The story's palette: every swatch of the lock to pick from; none picked means the whole palette.
    const swatches = await chipsOf('Palette');
    expect(swatches).toHaveLength(27);
    expect(swatches.slice(0, 3)).toEqual(['Chalk', 'Oat', 'Sand']);
    await ui.getByText('the whole palette; pick the story\'s swatches').waitFor();
    for (const name of ['Ink navy', 'Cognac', 'Sand']) await ui.locator('.screen:not([hidden]) label.chip', { hasText: new RegExp(`^\\s*${name}\\s*$`) }).locator('input').check();
    await ui.getByText('3 of 27 swatches').waitFor();
    expect(await ui.getByText('Moodboards are made by your brandlock server.').isVisible()).toBe(true);
    expect(await ui.getByRole('button', { name: 'Make moodboard' }).isDisabled()).toBe(true);
    await ui.getByLabel('Environment').fill('sunlit concrete loft');
    await ui.getByLabel('Images on the board').fill('24');
    expect(await ui.locator('.screen:not([hidden]) .footer .status-text').innerText()).toBe('24 images · 1 lighting mood · 3 swatches');
    await screenshot(page, 'moodboard-form-offline');
    await page.close();
  });
});
