// The view a master is delivered as, in the panel (Chromium, the fake Photoshop, the real server on
// loopback with the sample brief): a master whose name and metadata do not say its view, of a SKU shot
// front, back and detail, is not exported as the front. Export waits, saying why, until the retoucher
// chooses the view on the SKU card; the file-name example and the delivered files then use that view,
// and the choice holds on the other tabs (QC records it in the document's XMP).
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { openPanelPage } from './support/panel-preview';
import { panelWithServer } from './support/panel-with-server';
import type { PreviewOptions } from './preview/preview-entry';

const t = panelWithServer();

const exportButton = 'sp-button[variant="cta"]';
const text = async (page: Page) => (await page.textContent('.content'))!.replace(/\u200b/g, '');

it('asks which view a master is before Export names its files, and names them by the view chosen', { timeout: 180_000 }, async () => {
  const { page, errors } = await openPanelPage(t.browser, t.html, 'darkest');
  await page.evaluate((o) => (window as any).brandlockPreview.mount(o), {
    theme: 'darkest', tab: 'export', allowedOrigins: [new URL(t.server.url).origin], serverUrl: t.server.url, token: t.server.retoucherToken, pickedFolder: '/delivery',
    // NF-WV-1002 is planned front, back and detail in the sample brief; this file says none of them.
    documents: [{ title: 'NF-WV-1002_terracotta.psd', width: 1000, height: 1500, garment: [186, 98, 66], texture: 2, xmp: { qcVerdict: 'pass', qcFindings: '[]', sku: 'NF-WV-1002' } }],
  } satisfies PreviewOptions);
  await page.waitForSelector('text=QC passed it.', { timeout: 20_000 });
  await page.click('sp-button:has-text("Choose")');
  await page.waitForSelector('text=/delivery');

  const why = 'Its name and metadata do not say which view it is, and NF-WV-1002 has front, back and detail.';
  await page.waitForSelector('.card.card-warn');
  expect(await page.textContent('.card')).toContain(why);
  // Next to the disabled button too: the card may be scrolled out of sight.
  expect(await page.$eval('sp-button[variant="cta"]', (b) => b.parentElement!.previousElementSibling!.textContent)).toContain(why);
  expect(await page.getAttribute(exportButton, 'disabled')).not.toBeNull();
  expect(await text(page)).not.toContain('Named by the lock');

  // The View dropdown on the card: the brief's views for the SKU first, then the rest of its pose set.
  expect(await page.$$eval('.card sp-dropdown sp-menu-item', (items) => items.map((i) => i.textContent))).toEqual(['Front', 'Back', 'Detail', 'Side']);
  await page.evaluate(() => (window as any).brandlockPreview.pickDropdownItem(document.querySelector('.card sp-dropdown'), 1));
  await page.waitForSelector('.card:has-text("as you chose")');
  expect(await page.$('.card.card-warn')).toBeNull();
  expect(await page.textContent('.card .list-title')).toContain('NF-WV-1002 · back');
  expect(await text(page)).toContain('Named by the lock, e.g. northfold_nf-wv-1002_terracotta_back_');
  expect(await page.getAttribute(exportButton, 'disabled')).toBeNull();

  // One channel keeps Photoshop's (the fake's) work small.
  const boxes = await page.$$('.list-item.compact sp-checkbox:not([disabled])');
  for (const [i, box] of boxes.entries()) if (i !== 0 && (await box.getAttribute('checked')) !== null) await box.click();
  await page.waitForSelector('sp-button:has-text("Export 1 variant")');
  await page.click(exportButton);
  await page.waitForSelector('text=RESULT', { timeout: 60_000 });
  const done = await text(page);
  expect(done).toMatch(/northfold_nf-wv-1002_terracotta_back_pdp-2x3_\d+x\d+\.jpg/);
  expect(done).not.toContain('_front_');

  // Chosen once, the view holds on the other tabs that name or record it: QC writes it with its verdict.
  await page.click('.tab:has-text("QC")');
  await page.waitForSelector('.card:has-text("as you chose")');
  expect(await page.textContent('.card .list-title')).toContain('NF-WV-1002 · back');
  await page.click('sp-button:has-text("Run QC")');
  await page.waitForSelector("text=Written to the document's metadata", { timeout: 60_000 });
  expect(await page.evaluate(() => (window as any).brandlockPreview.ps.docs[0].xmp)).toMatch(/:view>back<\//);
  expect(errors).toEqual([]);
});
