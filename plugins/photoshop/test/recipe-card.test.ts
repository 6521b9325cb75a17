// Generate's recipe card in the panel (Chromium, the fake Photoshop, the real server with the sample
// brief): a retoucher reads who models it, the light, the pose, the grade, the size and the swatch as
// a colour; the generator's settings (LoRA weights, steps, guidance, seed, the prompt template with its
// {placeholders}) are folded under "Generation settings" until asked for.
import { expect, it } from 'vitest';
import { openPanelPage } from './support/panel-preview';
import { panelWithServer } from './support/panel-with-server';
import type { PreviewOptions } from './preview/preview-entry';

const t = panelWithServer();

it("shows the recipe in a retoucher's terms, with the generator's settings folded away", { timeout: 120_000 }, async () => {
  const { page, errors } = await openPanelPage(t.browser, t.html, 'darkest');
  await page.evaluate((o) => (window as any).brandlockPreview.mount(o), {
    theme: 'darkest', tab: 'generate', allowedOrigins: [new URL(t.server.url).origin], serverUrl: t.server.url, token: t.server.retoucherToken,
    documents: [{ title: 'NF-WV-1002_terracotta_front.psd', width: 800, height: 1200, garment: [186, 98, 66], texture: 2 }],
  } satisfies PreviewOptions);
  await page.waitForSelector('.card:has-text("Locked")', { timeout: 20_000 });
  const card = page.locator('.card:has-text("Locked")');
  const folded = (await card.textContent())!;
  expect(folded).toContain('Warm daylight studio');
  expect(folded).toMatch(/Size\s*1024×1536 px/);
  expect(folded).toContain('Terracotta #c0603f · within ΔE00 3');
  for (const jargon of ['CFG', 'LoRA', 'steps', '{', 'flux-1-dev']) expect(folded).not.toContain(jargon);
  // The swatch as a colour beside its name.
  expect(await card.locator('.chip-color').evaluate((el) => getComputedStyle(el).backgroundColor)).toBe('rgb(192, 96, 63)');

  await card.locator('sp-link:has-text("Generation settings")').click();
  const open = (await card.textContent())!;
  expect(open).toContain('flux-1-dev');
  expect(open).toMatch(/LoRAs\s*ava-v3 at 0\.85/);
  expect(open).toMatch(/Guidance\s*3\.5/);
  expect(open).toContain('{silhouette}');
  await card.locator('sp-link:has-text("Hide generation settings")').click();
  expect(await card.textContent()).not.toContain('flux-1-dev');
  expect(errors).toEqual([]);
});
