// The HTML report as a production lead uses it: opened from disk in Chromium, filtered and sorted
// with the toolbar, with no network access at all.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
import sharp from 'sharp';
import { summarizeQcReport, type Finding, type QcImageRecord, type QcReport } from '@brandlock/core';
import { writeQcReport } from './write-qc-report';
import type { QcThumbnail } from '../pipeline/qc/qc-thumbnail';

const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

function finding(rule: Finding['rule'], check: string, severity: Finding['severity'], measured: number, flag: number, reject: number): Finding {
  return { rule, check, severity, message: `${rule} ${check} measured ${measured}`, measured, unit: 'x', limits: { direction: 'max', flag, reject } };
}

function record(file: string, category: string, verdict: QcImageRecord['verdict'], de: number | null, extra: Finding[] = []): QcImageRecord {
  const findings = de === null ? [] : [finding('color', 'delta-e', de > 3 ? 'reject' : de > 2 ? 'flag' : 'pass', de, 2, 3), ...extra];
  return {
    file,
    verdict,
    ...(verdict === 'error' ? { error: { code: 'corrupt', message: 'cannot decode the image' } } : {}),
    sku: file.split('_')[1] ?? null,
    colorway: 'sage',
    view: 'front',
    target: 'master',
    category,
    categoryName: category === 'jersey' ? 'Jersey tops' : 'Denim',
    lighting: 'studio-warm',
    swatch: { name: 'Sage', hex: '#9caf88', lab: { l: 69, a: -13, b: 18 } },
    width: 512,
    height: 768,
    format: 'jpeg',
    bytes: 1000,
    findings,
    metrics: null,
    ms: 10,
  };
}

describe('the QC report in Chromium', () => {
  let browser: Browser;
  let page: Page;
  const requests: string[] = [];
  const errors: string[] = [];
  const images = [
    record('shots/northfold_a-1_sage.jpg', 'jersey', 'pass', 0.8),
    record('shots/northfold_a-2_sage.jpg', 'jersey', 'reject', 4.2, [finding('sharpness', 'blur', 'reject', 2.6, 1.1, 2.2)]),
    record('shots/northfold_b-1_sage.jpg', 'denim', 'flag', 2.4),
    record('shots/northfold_b-2_sage.jpg', 'denim', 'reject', 6.1),
    record('shots/northfold_b-3_sage.jpg', 'denim', 'pass', 1.1),
    record('shots/broken.jpg', 'denim', 'error', null),
  ];

  beforeAll(async () => {
    const report: QcReport = {
      schemaVersion: 1,
      generatedAt: '2026-11-27T10:00:00.000Z',
      lock: { brand: 'northfold', name: 'Northfold Studio', version: 'SS27.1', hash: 'sha256:abc', file: 'brand-lock.json' },
      brief: null,
      images,
      summary: summarizeQcReport(images),
    };
    const jpeg = new Uint8Array(await sharp({ create: { width: 40, height: 60, channels: 3, background: '#9caf88' } }).jpeg().toBuffer());
    const thumbs = new Map<string, QcThumbnail>(images.filter((r) => r.verdict !== 'error').map((r) => [r.file, { jpeg, width: 40, height: 60, fullWidth: 512, fullHeight: 768, outline: { path: 'M1 1h10v10h-10z', width: 20, height: 30 } }]));
    const dir = mkdtempSync(join(tmpdir(), 'brandlock-report-'));
    const { html } = await writeQcReport(dir, report, thumbs);
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.on('request', (r) => requests.push(r.url()));
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`file://${html}`);
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
  });

  // Runs in the page; typed loosely because the server project has no DOM types.
  const visible = () =>
    page.$$eval('article.card:not([hidden])', (cards) =>
      cards.map((c) => {
        const d = (c as unknown as { dataset: Record<string, string> }).dataset;
        return { file: d.file, verdict: d.verdict, de: d.de, category: d.category };
      }),
    );

  it('shows every image, worst first, without fetching anything', async () => {
    const cards = await visible();
    expect(cards).toHaveLength(6);
    expect(cards.map((c) => c.verdict)).toEqual(['reject', 'reject', 'error', 'flag', 'pass', 'pass']);
    expect(await page.textContent('#showing')).toBe('Showing 6 of 6');
    expect(requests.filter((u) => !u.startsWith('file:') && !u.startsWith('data:'))).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('filters by verdict with the chips and by category with the select', async () => {
    await page.click('.chip[data-verdict="reject"]');
    expect((await visible()).map((c) => c.verdict)).toEqual(['reject', 'reject']);
    await page.selectOption('#f-category', 'denim');
    expect((await visible()).map((c) => c.file)).toEqual(['shots/northfold_b-2_sage.jpg']);
    expect(page.url()).toContain('verdict=reject');
    await page.click('.chip[data-verdict="all"]');
    expect(await visible()).toHaveLength(4);
    await page.selectOption('#f-category', '');
  });

  it('sorts by ΔE00 and by file name', async () => {
    await page.selectOption('#f-sort', 'de-desc');
    const des = (await visible()).map((c) => c.de).filter(Boolean).map(Number);
    expect(des).toEqual([...des].sort((a, b) => b - a));
    expect(des[0]).toBe(6.1);
    await page.selectOption('#f-sort', 'file');
    const files = (await visible()).map((c) => c.file as string);
    expect(files).toEqual([...files].sort());
  });

  it('narrows to one failure reason from the summary and searches by SKU', async () => {
    await page.click('button[data-set-reason="sharpness/blur"]');
    expect((await visible()).map((c) => c.file)).toEqual(['shots/northfold_a-2_sage.jpg']);
    await page.click('button.reset >> nth=0');
    await page.fill('#f-q', 'b-');
    expect((await visible()).map((c) => c.file).sort()).toEqual(['shots/northfold_b-1_sage.jpg', 'shots/northfold_b-2_sage.jpg', 'shots/northfold_b-3_sage.jpg']);
  });

  it('restores a shared view from the URL', async () => {
    await page.goto(`${page.url().split('#')[0]}#verdict=pass&category=jersey`);
    await page.reload();
    expect((await visible()).map((c) => c.file)).toEqual(['shots/northfold_a-1_sage.jpg']);
    expect(await page.getAttribute('.chip[data-verdict="pass"]', 'aria-pressed')).toBe('true');
  });
});
