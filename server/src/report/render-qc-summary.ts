/**
 * The top of the report, what a production lead reads first: verdict counts and the first-pass
 * approval rate, the same per garment category, the most frequent reasons images failed, and the
 * ΔE00 histogram. Category rows and reasons are buttons that filter the image list.
 */
import type { QcReport } from '@brandlock/core';
import { escapeHtml as h } from './escape-html';
import { findingTitle } from './finding-labels';
import { deltaEHistogramSvg } from './delta-e-histogram';

const pct = (x: number) => `${Math.round(x * 100)}%`;

function countCards(report: QcReport): string {
  const s = report.summary;
  const card = (cls: string, label: string, value: string, filter: string) =>
    `<button class="stat ${cls}" data-set-verdict="${filter}"><span class="n">${value}</span><span class="l">${label}</span></button>`;
  return `<div class="stats">${card('all', 'images', String(s.total), 'all')}${card('pass', 'pass', String(s.pass), 'pass')}${card('flag', 'flag: retouch', String(s.flag), 'flag')}${card('reject', 'reject: regenerate', String(s.reject), 'reject')}${card('error', 'error: not checked', String(s.error), 'error')}<div class="stat rate"><span class="n">${pct(s.firstPassRate)}</span><span class="l">first-pass approval</span></div></div>`;
}

function bar(c: { pass: number; flag: number; reject: number; error: number; total: number }): string {
  const seg = (cls: string, n: number) => (n ? `<span class="${cls}" style="width:${((n / c.total) * 100).toFixed(2)}%" title="${n} ${cls}"></span>` : '');
  return `<span class="stack">${seg('pass', c.pass)}${seg('flag', c.flag)}${seg('reject', c.reject)}${seg('error', c.error)}</span>`;
}

function categoryTable(report: QcReport): string {
  const rows = report.summary.categories
    .map(
      (c) =>
        `<tr data-set-category="${h(c.id === '(unmatched)' ? '' : c.id)}" tabindex="0"><td><b>${h(c.name)}</b><br><span class="muted">${h(c.id)}</span></td><td class="num">${c.total}</td><td class="num pass-t">${c.pass}</td><td class="num flag-t">${c.flag}</td><td class="num reject-t">${c.reject}</td><td class="num error-t">${c.error}</td><td>${bar(c)}</td><td class="num"><b>${pct(c.firstPassRate)}</b></td></tr>`,
    )
    .join('');
  return `<table class="categories"><thead><tr><th>category</th><th class="num">images</th><th class="num">pass</th><th class="num">flag</th><th class="num">reject</th><th class="num">error</th><th></th><th class="num">first pass</th></tr></thead><tbody>${rows}</tbody></table>`;
}

function reasonList(report: QcReport): string {
  const top = report.summary.reasons.slice(0, 10);
  const errors = report.summary.errors;
  if (!top.length && !errors.length) return '<p class="muted">Nothing failed.</p>';
  const max = Math.max(1, ...top.map((r) => r.images), ...errors.map((e) => e.count));
  const items = top
    .map(
      (r) =>
        `<li><button data-set-reason="${h(`${r.rule}/${r.check}`)}"><span class="label">${h(findingTitle(r))}</span><span class="meter"><span style="width:${((r.images / max) * 100).toFixed(1)}%" class="${r.rejects ? 'reject' : 'flag'}"></span></span><span class="count">${r.images}</span></button><span class="split muted">${r.rejects} reject · ${r.flags} flag</span></li>`,
    )
    .join('');
  const errorItems = errors
    .map((e) => `<li><button data-set-verdict="error"><span class="label">Error · ${h(e.code.replace(/_/g, ' '))}</span><span class="meter"><span style="width:${((e.count / max) * 100).toFixed(1)}%" class="error"></span></span><span class="count">${e.count}</span></button></li>`)
    .join('');
  return `<ol class="reasons">${items}${errorItems}</ol>`;
}

export function renderQcSummary(report: QcReport): string {
  return `<section class="summary">${countCards(report)}<div class="panels"><div class="panel wide"><h2>By category</h2>${categoryTable(report)}</div><div class="side"><div class="panel"><h2>Top failure reasons</h2>${reasonList(report)}</div><div class="panel"><h2>Garment colour vs swatch</h2>${deltaEHistogramSvg(report)}</div></div></div></section>`;
}
