/**
 * Renders the batch QC report as one self-contained HTML file: summary, toolbar, one card per image
 * (thumbnails embedded as small JPEGs) and a small script for sorting and filtering. No network: no
 * fonts, scripts or images are fetched. The same data as JSON is qc-report.json beside it.
 */
import type { QcReport } from '@brandlock/core';
import type { QcThumbnail } from '../pipeline/qc/qc-thumbnail';
import { escapeHtml as h } from './escape-html';
import { findingTitle } from './finding-labels';
import { renderImageCard } from './render-image-card';
import { renderQcSummary } from './render-qc-summary';
import { QC_REPORT_CSS } from './qc-report-style';
import { QC_REPORT_SCRIPT } from './qc-report-script';

function toolbar(report: QcReport): string {
  const s = report.summary;
  const chip = (v: string, label: string, n: number) => `<button class="chip" data-verdict="${v}" aria-pressed="false">${label}<span class="c">${n}</span></button>`;
  const categories = s.categories.filter((c) => c.id !== '(unmatched)').map((c) => `<option value="${h(c.id)}">${h(c.name)} (${c.total})</option>`).join('');
  const reasons = s.reasons.map((r) => `<option value="${h(`${r.rule}/${r.check}`)}">${h(findingTitle(r))} (${r.images})</option>`).join('');
  return `<nav class="toolbar" aria-label="Filter and sort">
<div class="chips" role="group" aria-label="Verdict">${chip('all', 'All', s.total)}${chip('reject', 'Reject', s.reject)}${chip('flag', 'Flag', s.flag)}${chip('pass', 'Pass', s.pass)}${chip('error', 'Error', s.error)}</div>
<label>Category <select id="f-category"><option value="">all</option>${categories}</select></label>
<label>Reason <select id="f-reason"><option value="">any</option>${reasons}</select></label>
<label>Sort <select id="f-sort"><option value="worst">worst first</option><option value="file">file name</option><option value="sku">SKU</option><option value="de-desc">ΔE00, highest first</option><option value="blur-desc">sharpness, softest first</option><option value="category">category</option></select></label>
<input id="f-q" type="search" placeholder="Search file or SKU" aria-label="Search file or SKU">
<label><input id="f-outline" type="checkbox" checked> outline</label>
<label title="regions left out of the fabric (prints, logos, trims) and the point the swatch was read at"><input id="f-fabric" type="checkbox" checked> fabric</label>
<button class="reset" type="button">clear filters</button>
<span id="showing" class="showing"></span></nav>`;
}

/**
 * @example writeFileSync('qc-report.html', renderQcReportHtml(report, thumbnails));
 */
export interface QcReportPageOptions {
  /** Page title prefix; default "QC report". */
  title?: string;
  /** Extra sections (trusted HTML built with escapeHtml) shown above the QC summary. */
  sectionsHtml?: string;
}

export function renderQcReportHtml(report: QcReport, thumbnails: ReadonlyMap<string, QcThumbnail>, options: QcReportPageOptions = {}): string {
  const title = options.title ?? 'QC report';
  const when = report.generatedAt.replace('T', ' ').replace(/\.\d+Z$/, ' UTC');
  const cards = report.images.map((r, i) => renderImageCard(r, thumbnails.get(r.file), i)).join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src data:; style-src 'unsafe-inline'; script-src 'unsafe-inline'">
<title>${h(title)}: ${h(report.lock.name)} ${h(report.lock.version)} (${report.summary.total} images)</title>
<style>${QC_REPORT_CSS}</style></head>
<body>
<header class="top"><h1>${h(title)} · ${h(report.lock.name)}</h1><span class="sub">lock ${h(report.lock.version)} <code title="${h(report.lock.hash)}">${h(report.lock.hash.replace(/^sha256:/, '').slice(0, 12))}</code>${report.brief ? ` · brief ${h(report.brief)}` : ''} · ${h(when)}</span></header>
${options.sectionsHtml ?? ''}
${renderQcSummary(report)}
${toolbar(report)}
<main class="grid" id="cards">
${cards}
</main>
<p id="empty" class="empty-state" hidden>No image matches these filters. <button class="reset" type="button">Clear filters</button></p>
<dialog id="zoom" class="zoom"></dialog>
<footer>Automated QC by brandlock: reject means regenerate, flag means a retoucher pass, pass goes on to brand review. Boxes mark where a finding is; the blue line is the subject mask QC measured on; magenta areas were left out of the fabric (prints, logos, trims), and the cross marks where the garment's swatch was read (round chip: measured swatch; square chip: the target).</footer>
<script>${QC_REPORT_SCRIPT}</script>
</body></html>
`;
}
