// The panel in Debian's Chromium, against the fake Photoshop and the real brandlock server on
// loopback, at its docked size (320 x 640) in Photoshop's darkest and lightest themes. Every tab is
// driven the way a retoucher would, through its states: idle, running (server replies or Photoshop
// held back), done, and an error (some tabs also a question they ask first). Each state is
// screenshotted to plugins/photoshop/dist/screenshots, and one contact sheet per theme is made there
// (`node plugins/photoshop/scripts/copy-screenshots.mjs` copies them to docs/img/photoshop). The
// assertions check what the retoucher would notice: the right thing on screen, nothing spilling out
// of the panel, the error or question scrolled into view, thumbnails as JPEG (UXP's <img>), no script
// error, and eval forbidden as in UXP.
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { makeVideoJob, startPluginTestServer, type PluginTestServer } from './support/brandlock-test-server';
import { buildPreviewPage, launchChromium, openPanelPage } from './support/panel-preview';
import { startRequestGate, type RequestGate } from './support/request-gate';
import { contactSheet } from './support/contact-sheet';
import type { PreviewOptions } from './preview/preview-entry';
import { openBrandlockSession } from '../src/server/open-session';

const shots = new URL('../dist/screenshots/', import.meta.url).pathname;
const cube = readFileSync(new URL('../../../samples/luts/warm-studio.cube', import.meta.url), 'utf8');
let browser: Browser;
let html: string;
let s: PluginTestServer;
/** Between the panel and the server: holds or fails the panel's requests for the running and error states. */
let gate: RequestGate;

beforeAll(async () => {
  mkdirSync(shots, { recursive: true });
  const server = startPluginTestServer({
    editLock: (lock) => {
      // The video SKU's category only: a small still and a two-second loop keep FFmpeg's work short.
      const jersey = lock.categories.find((c) => c.id === 'jersey')!;
      jersey.recipe = { ...(jersey.recipe ?? {}), width: 512, height: 640 };
      jersey.video = { ...(jersey.video ?? {}), durationSeconds: 2 };
    },
  });
  [html, browser, s] = await Promise.all([buildPreviewPage(), launchChromium(), server]);
  // Generated masters in the review queue, as a day's production leaves them (one approved per theme).
  const session = await openBrandlockSession(s.url, s.retoucherToken);
  const source = new Uint8Array(await sharp({ create: { width: 64, height: 96, channels: 3, background: '#7a7a7a' } }).png().toBuffer());
  for (const sku of ['NF-WV-1003', 'NF-KN-5001']) {
    const job = await session.startGenerate({ briefId: s.briefId, sku, view: 'front', source: { bytes: source, contentType: 'image/png' } });
    await session.followJob(job.id, () => {}, new AbortController().signal);
  }
  // A finished product loop of the sample brief's video SKU, for the Generate tab's video state.
  await makeVideoJob(s);
  gate = await startRequestGate(s.url);
}, 300_000);

const themes = ['darkest', 'lightest'] as const;
const states = ['idle', 'running', 'done', 'error', 'ask', 'video'] as const;
type State = (typeof states)[number];
const made = new Map<string, string>();

afterAll(async () => {
  for (const theme of themes) {
    const rows = ['connect', 'generate', 'lut', 'cleanup', 'qc', 'export', 'review'].map((tab) =>
      states.filter((st) => made.has(`${tab}-${st}-${theme}`)).map((st) => ({ row: tab, column: st, path: made.get(`${tab}-${st}-${theme}`)! })),
    );
    if (rows.every((r) => r.length)) await contactSheet(rows, join(shots, `panel-${theme}.png`), 320, 640);
  }
  await browser?.close();
  await gate?.close();
  await s?.close();
}, 120_000);

const master = { title: 'NF-WV-1002_terracotta_front.psd', width: 800, height: 1200, depth: 16 as const, background: [238, 233, 226] as [number, number, number], garment: [186, 98, 66] as [number, number, number], gains: [1.0, 0.97, 0.9] as [number, number, number], texture: 3 };
const documents: PreviewOptions['documents'] = [
  { title: 'NF-OW-2001_print.tif', width: 40, height: 60, mode: 'CMYK', xmp: { sku: 'NF-WV-1001', colorway: 'chalk', category: 'wovens' } },
  { title: 'NF-WV-1001_chalk_front.psd', width: 200, height: 300, garment: [226, 224, 216], texture: 2, xmp: { qcVerdict: 'reject', qcFindings: '[{"check":"resolution","severity":"reject"}]', sku: 'NF-WV-1001' } },
  { ...master, xmp: { qcVerdict: 'pass', qcFindings: '[]', sku: 'NF-WV-1002' } },
];

interface Panel {
  page: Page;
  theme: (typeof themes)[number];
  errors: string[];
  shot(name: string, state: State): Promise<void>;
  /** Calls a window.brandlockPreview method in the page (the page forbids eval, like UXP). */
  preview(method: 'holdPhotoshop' | 'release' | 'activate' | 'setXmp', arg?: unknown): Promise<void>;
}

async function openPanel(theme: Panel['theme'], options: Partial<PreviewOptions>): Promise<Panel> {
  const { page, errors } = await openPanelPage(browser, html, theme);
  const all: PreviewOptions = {
    theme, tab: 'generate', documents, allowedOrigins: [new URL(gate.url).origin], serverUrl: gate.url, token: s.retoucherToken, ...options,
  };
  await page.evaluate((o) => (window as any).brandlockPreview.mount(o), all);
  expect(await page.evaluate(() => (window as any).brandlockPreview.codeGenerationAllowed)).toBe(false);
  if (all.token) await page.waitForSelector('.status-dot.on', { timeout: 20_000 });
  return {
    page,
    theme,
    errors,
    async shot(name, state) {
      await page.waitForTimeout(150);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, `${name} ${state} spills out of the panel`).toBe(0);
      // UXP's <img> takes JPEG data URLs only (imaging.md, encodeImageData).
      expect(await page.$$eval('img[src^="data:"]', (imgs) => imgs.filter((i) => !i.getAttribute('src')!.startsWith('data:image/jpeg')).length)).toBe(0);
      if (state === 'error' || state === 'ask') {
        const notice = (await page.$(state === 'error' ? '.notice-error, .notice-info' : '[role="alertdialog"]')) ?? (state === 'ask' ? await page.$('.card-warn') : null);
        expect(notice, `${name}: no ${state} notice`).not.toBeNull();
        const box = (await notice!.boundingBox())!;
        expect(box.y + Math.min(box.height, 40), `${name}: the ${state} is not scrolled into view`).toBeLessThanOrEqual(640);
        expect(box.y).toBeGreaterThanOrEqual(0);
      }
      const path = join(shots, `${name}-${state}-${theme}.png`);
      await page.screenshot({ path });
      made.set(`${name}-${state}-${theme}`, path);
    },
    preview: (method, arg) => page.evaluate(([m, a]) => (window as any).brandlockPreview[m as string](a), [method, arg] as const),
  };
}

const tab = (page: Page, label: string) => page.click(`.tab:has-text("${label}")`);
const button = (page: Page, label: string) => page.click(`sp-button:has-text("${label}")`);

describe.each(themes)('the panel in the %s theme', { timeout: 180_000 }, (theme) => {
  it('Connect: sign in, a refused token, connecting, connected', async () => {
    const p = await openPanel(theme, { tab: 'connect', token: undefined });
    await p.page.waitForSelector('text=Access token');
    await p.shot('connect', 'idle');
    await p.page.fill('sp-textfield >> nth=1 >> input', 'not-a-token');
    await button(p.page, 'Connect');
    await p.page.waitForSelector('text=The server did not accept this token.');
    await p.shot('connect', 'error');
    const held = gate.hold(/^\/v1\/me$/);
    await p.page.fill('sp-textfield >> nth=1 >> input', s.retoucherToken);
    await button(p.page, 'Connect');
    await p.page.waitForSelector('sp-button:has-text("Connecting")');
    await p.shot('connect', 'running');
    // A server that does not answer: Cancel gives the panel back at once, and nothing was saved.
    await button(p.page, 'Cancel');
    await p.page.waitForSelector('text=was cancelled; nothing was saved.');
    expect(await p.page.getAttribute('sp-button:has-text("Connect")', 'disabled')).toBeNull();
    await held.release();
    // Enter in the token field connects, as the button does.
    await p.page.press('sp-textfield >> nth=1 >> input', 'Enter');
    await p.page.waitForSelector('.status-dot.on');
    await p.page.click('.connection');
    await p.page.waitForSelector('text=Dana Retoucher (retoucher)');
    // Two ways out, side by side: the panel says which keeps the token.
    expect(await p.page.textContent('.content')).toContain('Disconnect ends this session and keeps your token on this computer (the panel connects again when it next opens); Sign out also removes the token.');
    // The whole lock hash shows, free to wrap (UXP's CSS has no word-break).
    const hash = (await p.page.getAttribute('.fact-value span[title^="sha256:"]', 'title'))!;
    expect(hash).toMatch(/^sha256:[0-9a-f]{64}$/);
    const shown = (await p.page.textContent('.fact-value span[title^="sha256:"]'))!;
    expect(shown).toContain('\u200b');
    expect(shown.replace(/\u200b/g, '')).toBe(hash);
    await p.shot('connect', 'done');
    expect(p.errors).toEqual([]);
  });

  it('Generate: the document’s SKU, a run that survives a tab switch, the result, an error, and another SKU', async () => {
    const p = await openPanel(theme, { tab: 'generate' });
    await p.page.waitForSelector('.card-title');
    expect(await p.page.textContent('.content')).toContain('NF-WV-1002 · Terracotta');
    await p.shot('generate', 'idle');
    const held = gate.hold(/^\/v1\/jobs\/[^/?]+(\/events)?$/);
    await button(p.page, 'Generate NF-WV-1002');
    await p.page.waitForSelector('.progress sp-button:has-text("Cancel")');
    await p.shot('generate', 'running');
    // Switching tabs keeps the run: its progress and Cancel are above the tabs, and coming back shows it again.
    await tab(p.page, 'QC');
    await p.page.waitForSelector('.activity:has-text("Generate NF-WV-1002 front") sp-button:has-text("Cancel")');
    await tab(p.page, 'Generate');
    await p.page.waitForSelector('.progress sp-button:has-text("Cancel")');
    expect(await p.page.getAttribute('sp-button[variant="cta"]', 'disabled')).not.toBeNull();
    await held.release();
    await p.page.waitForSelector('.notice-success', { timeout: 60_000 });
    expect(await p.page.textContent('.content')).toContain('Placed "NF-WV-1002 front · job');
    await p.shot('generate', 'done');
    await p.page.click('sp-radio:has-text("Selection")');
    await button(p.page, 'Generate NF-WV-1002');
    await p.page.waitForSelector('text=Nothing is selected in "NF-WV-1002_terracotta_front.psd".');
    await p.shot('generate', 'error');
    await p.page.click('sp-radio:has-text("Document")');
    await p.page.click('sp-link:has-text("Another SKU")');
    await p.page.fill('sp-textfield[type="search"] >> input', '1001');
    await p.page.click('.pick:has-text("NF-WV-1001")');
    await p.page.waitForSelector("text=This document is NF-WV-1002's master.");
    await button(p.page, 'Generate NF-WV-1001');
    await p.page.waitForSelector('sp-button:has-text("Put it in anyway")');
    await p.shot('generate', 'ask');
    expect(p.errors).toEqual([]);
  });

  it('Generate: a finished video loop of the SKU opened as a video document, with its frame QC', async () => {
    const p = await openPanel(theme, { tab: 'generate', documents: [{ title: 'NF-JR-3005_heather-grey_front.psd', width: 200, height: 250, garment: [150, 150, 152], texture: 2 }] });
    await p.page.waitForSelector('.list-title:has-text("front loop")', { timeout: 20_000 });
    await p.page.click('.list-item:has-text("front loop") sp-button:has-text("Open")');
    await p.page.waitForSelector('text=FRAME QC', { timeout: 60_000 });
    const text = await p.page.textContent('.content');
    expect(text).toMatch(/Opened NF-JR-3005_front_loop-\w+\.mp4/);
    expect(text).toContain('Worst ΔE00');
    expect(text).toContain('Loop seam');
    expect(text).toContain('offline');
    await p.shot('generate', 'video');
    expect(p.errors).toEqual([]);
  });

  it('LUT: apply with progress in the Color blend mode, the result per document, and a before/after with nothing to compare', async () => {
    const p = await openPanel(theme, { tab: 'lut', files: [{ path: '/northfold/luts/warm-studio.cube', text: cube }], pickedFile: '/northfold/luts/warm-studio.cube' });
    await p.page.waitForSelector('text=APPLY TO');
    await p.shot('lut', 'idle');
    await p.page.click('sp-radio:has-text("All open")');
    await p.page.click('sp-radio:has-text("Color")');
    await p.page.waitForSelector('text=Grades hue and saturation only; the image keeps its luminance.');
    await p.preview('holdPhotoshop');
    await button(p.page, 'Apply LUT');
    await p.page.waitForSelector('.progress');
    await p.shot('lut', 'running');
    await p.preview('release');
    await p.page.waitForSelector('text=RESULT', { timeout: 30_000 });
    expect(await p.page.textContent('.content')).toContain('2 done · 1 failed');
    const lutLayerModes = await p.page.evaluate(() =>
      (window as any).brandlockPreview.ps.docs.flatMap((d: any) => d.layers.filter((l: any) => l.name.startsWith('brandlock LUT')).map((l: any) => l.blendMode)),
    );
    expect(lutLayerModes).toEqual(['color', 'color']);
    await p.shot('lut', 'done');
    await p.preview('activate', 'NF-OW-2001_print.tif');
    await p.page.waitForTimeout(1200);
    await button(p.page, 'Before');
    await p.page.waitForSelector('text=has no brandlock layers to compare');
    await p.shot('lut', 'error');
    expect(p.errors).toEqual([]);
  });

  it('LUT: with no document open, says why Apply is greyed out', async () => {
    const p = await openPanel(theme, { tab: 'lut', documents: [] });
    await p.page.waitForSelector('text=APPLY TO');
    await p.page.waitForSelector('text=Open a document to apply the LUT to, or choose a folder.');
    expect(await p.page.getAttribute('sp-button[variant="cta"]', 'disabled')).not.toBeNull();
    expect(p.errors).toEqual([]);
  });

  it('Cleanup: measure against the SKU swatch, the reading with chips, and a CMYK document refused', async () => {
    const p = await openPanel(theme, { tab: 'cleanup' });
    await p.page.waitForSelector('text=Terracotta · wovens');
    await p.shot('cleanup', 'idle');
    // Select Subject is one Photoshop command, which nothing stops half-way: no Cancel that does nothing.
    await p.preview('holdPhotoshop');
    await button(p.page, 'Select Subject');
    await p.page.waitForSelector('.progress');
    expect(await p.page.locator('.progress-cancel').count()).toBe(0);
    await p.preview('release');
    await p.page.waitForSelector('.progress', { state: 'detached', timeout: 30_000 });
    await p.preview('holdPhotoshop');
    await button(p.page, 'Measure');
    await p.page.waitForSelector('.progress');
    expect(await p.page.locator('.progress-cancel').count()).toBe(1);
    await p.shot('cleanup', 'running');
    await p.preview('release');
    await p.page.waitForSelector('text=Correct exposure', { timeout: 30_000 });
    expect(await p.page.textContent('.content')).toContain('Terracotta swatch');
    await p.shot('cleanup', 'done');
    await p.preview('activate', 'NF-OW-2001_print.tif');
    await p.page.waitForTimeout(1200);
    await button(p.page, 'Measure');
    await p.page.waitForSelector('text=is a CMYK document');
    await p.shot('cleanup', 'error');
    expect(p.errors).toEqual([]);
  });

  it('QC: judged against the SKU swatch, the verdict with chips and regions, a refused CMYK, and a document it must ask about', async () => {
    const p = await openPanel(theme, { tab: 'qc', documents: [...documents, { title: 'IMG_2231.psd', width: 60, height: 90 }], active: master.title });
    await p.page.waitForSelector('text=Terracotta · wovens');
    await p.shot('qc', 'idle');
    await p.preview('holdPhotoshop');
    await button(p.page, 'Run QC');
    await p.page.waitForSelector('.progress');
    await p.shot('qc', 'running');
    await p.preview('release');
    await p.page.waitForSelector('.verdict', { timeout: 30_000 });
    expect(await p.page.textContent('.content')).toContain("Written to the document's metadata");
    expect(await p.page.textContent('.content')).toContain('swatch · #c0603f');
    await p.shot('qc', 'done');
    // The colour finding reads in Photoshop's Lab (D50), as the chips beside it and the eyedropper do.
    await p.page.click('sp-link:has-text("Show")');
    const findings = await p.page.textContent('.content');
    expect(findings).toMatch(/garment Lab -?\d+ -?\d+ -?\d+ vs swatch Terracotta Lab -?\d+ -?\d+ -?\d+/);
    expect(findings).not.toContain('lab(');
    // ...the very numbers on the chips beside it.
    const chips = await p.page.$$eval('.chip .list-sub[title^="Lab D50"]', (els) => els.map((e) => e.textContent));
    expect(findings).toContain(`garment ${chips[1]} vs swatch Terracotta ${chips[0]}`);
    await p.preview('activate', 'NF-OW-2001_print.tif');
    await p.page.waitForTimeout(1200);
    await button(p.page, 'Run QC');
    await p.page.waitForSelector('text=is a CMYK document');
    await p.shot('qc', 'error');
    await p.preview('activate', 'IMG_2231.psd');
    await p.page.waitForSelector('text=brandlock cannot tell which SKU this is');
    expect(await p.page.getAttribute('sp-button:has-text("Run QC")', 'disabled')).not.toBeNull();
    await p.shot('qc', 'ask');
    // A master whose file name names another SKU than its metadata: the SKU card says so.
    await p.preview('setXmp', [master.title, { sku: 'NF-WV-1003' }]);
    await p.preview('activate', master.title);
    await p.page.waitForSelector('text=Its file name says NF-WV-1002. Check which SKU this is');
    expect(await p.page.textContent('.card.card-warn')).toContain('NF-WV-1003');
    expect(p.errors).toEqual([]);
  });

  it('Export: a passed master rendered on the server, a rejected one refused, and a flagged one asked about', async () => {
    const p = await openPanel(theme, { tab: 'export', pickedFolder: '/delivery' });
    await p.page.waitForSelector('text=QC passed it.');
    await p.page.click('sp-button:has-text("Choose")');
    await p.page.waitForSelector('text=/delivery');
    await p.shot('export', 'idle');
    await p.page.click('sp-radio:has-text("On the server")');
    await p.page.waitForSelector('text=13 of 13');
    // Two channels keep the server's work small on a shared machine.
    const boxes = await p.page.$$('.list-item.compact sp-checkbox');
    for (const [i, box] of boxes.entries()) if (i !== 4 && i !== 12) await box.click();
    const held = gate.hold(/^\/v1\/jobs\/[^/?]+(\/events)?$/);
    await button(p.page, 'Export 2 variants');
    await p.page.waitForSelector('.progress');
    await p.shot('export', 'running');
    await held.release();
    await p.page.waitForSelector('text=RESULT', { timeout: 60_000 });
    // The delivered file's whole name shows (wrapping at its parts), channel and size included.
    expect((await p.page.textContent('.content'))!.replace(/\u200b/g, '')).toContain('northfold_nf-wv-1002_terracotta_front_pdp-webp_1200x1500.webp');
    expect(await p.page.textContent('.content')).toContain('Reveal in Finder');
    await p.shot('export', 'done');
    await p.preview('activate', 'NF-WV-1001_chalk_front.psd');
    await p.page.waitForSelector('text=QC rejected it');
    await p.page.click('sp-radio:has-text("In Photoshop")');
    await p.page.click('sp-button:has-text("Export")');
    await p.page.waitForSelector('text=brandlock does not export a reject');
    await p.shot('export', 'error');
    await p.preview('setXmp', [master.title, { qcVerdict: 'flag', qcFindings: '[{"check":"level","severity":"flag"}]' }]);
    await p.preview('activate', master.title);
    await p.page.waitForSelector('text=QC flagged it');
    await p.page.click('sp-button:has-text("Export")');
    await p.page.waitForSelector('sp-button:has-text("Export anyway")');
    await p.shot('export', 'ask');
    expect(p.errors).toEqual([]);
  });

  it('Review: the queue with reasons, loading, a fix sent back, an approval with a reason, and a server that fails', async () => {
    const p = await openPanel(theme, { tab: 'review' });
    await p.page.waitForSelector('.list-item .badge', { timeout: 20_000 });
    await p.shot('review', 'idle');
    const held = gate.hold(/^\/v1\/review(\?.*)?$/);
    await p.page.click('sp-link:has-text("Refresh")');
    await p.page.waitForSelector('text=Loading the review queue');
    await p.shot('review', 'running');
    await held.release();
    await p.page.waitForSelector('.list-item .badge');
    // Open the first master in Photoshop, fix it, and send the fix back: it takes the master's place.
    await p.page.click('.list-title.pick >> nth=0');
    await button(p.page, 'Open');
    await p.page.waitForSelector('sp-button:has-text("Send fix")', { timeout: 30_000 });
    await p.page.fill('sp-textfield >> input', 'dust spot on the hem removed');
    await button(p.page, 'Send fix');
    await p.page.waitForSelector('text=Sent the fix of', { timeout: 60_000 });
    await p.page.waitForSelector("text=A retoucher's fix, QC'd afresh.");
    await p.shot('review', 'done');
    await p.page.click('.list-title.pick >> nth=0');
    await p.page.fill('sp-textfield >> input', 'checked at 100%; fine for a swatch card');
    await button(p.page, 'Approve');
    await p.page.waitForSelector('text=(technical review)');
    const unfail = gate.fail(/^\/v1\/review(\?.*)?$/, 503, 'the review store is being migrated');
    await p.page.click('sp-link:has-text("Refresh")');
    await p.page.waitForSelector('text=the review store is being migrated');
    await p.shot('review', 'error');
    await unfail();
    expect(p.errors).toEqual([]);
  });
});

it('fits the 260 px minimum width, with the Generate button above the fold', async () => {
  const { page, errors } = await openPanelPage(browser, html, 'darkest', { width: 260, height: 600 });
  await page.evaluate((o) => (window as any).brandlockPreview.mount(o), {
    theme: 'darkest', tab: 'generate', documents, allowedOrigins: [new URL(s.url).origin], serverUrl: s.url, token: s.retoucherToken,
  } satisfies PreviewOptions);
  await page.waitForSelector('.card-title', { timeout: 20_000 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBe(0);
  const box = (await page.$('sp-button[variant="cta"]'))!.boundingBox();
  expect((await box)!.y + (await box)!.height).toBeLessThanOrEqual(600);
  await page.screenshot({ path: join(shots, 'generate-260px-darkest.png') });
  // The footer keeps whole what a retoucher checks first (size, mode, bit depth, SKU); the file name gives way.
  await page.waitForFunction(() => document.querySelector('.footer')?.textContent?.includes('NF-WV-1002 ·') || document.querySelector('.footer')?.textContent?.includes('· NF-WV-1002'));
  const footer = await page.$eval('.footer', (f) => {
    const specs = f.querySelector('.footer-specs') as HTMLElement | null;
    return specs && { text: specs.textContent, whole: specs.scrollWidth <= specs.clientWidth && specs.getBoundingClientRect().right <= window.innerWidth };
  });
  expect(footer).toEqual({ text: '800×1200 · RGB 16-bit · NF-WV-1002', whole: true });
  // The tab strip by keyboard: the open tab is the one Tab stop, arrows move, Enter opens.
  await page.focus('.tab.selected');
  await page.keyboard.press('ArrowLeft');
  expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Review');
  for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Enter');
  expect(await page.textContent('.tab.selected')).toBe('QC');
  expect(await page.$$eval('.tab', (tabs) => tabs.map((t) => t.getAttribute('tabindex')))).toEqual(['-1', '-1', '-1', '0', '-1', '-1']);
  expect(errors).toEqual([]);
});
