/**
 * The production part of a season report, above the QC summary: what the run made and delivered, how
 * long each stage took, how often post-production corrected an image and how often a person is
 * needed, per category, the ΔE00 distribution, and every problem (bad brief rows, missing source
 * images, failed jobs) with its reason.
 */
import { distribution } from '@brandlock/core';
import { escapeHtml as h } from './escape-html';

export interface ProductionFacts {
  rowsRead: number;
  skusPlanned: number;
  jobsPlanned: number;
  mastersMade: number;
  filesDelivered: number;
  flagged: number;
  rejected: number;
  failedJobs: number;
  wallMs: number;
  /** Per master: milliseconds in each stage. */
  stageMs: { queued: number[]; generate: number[]; post: number[]; qc: number[]; deliver: number[] };
  categories: { id: string; name: string; masters: number; corrected: number; needPerson: number }[];
  deltaE: number[];
  problems: { where: string; message: string }[];
  /** Product video loops: planned, made, passed QC, channel cuts delivered. */
  videos?: { planned: number; made: number; passed: number; cuts: number };
}

const pct = (n: number, d: number) => (d ? `${Math.round((n / d) * 100)}%` : '–');
const ms = (v: number | null) => (v === null ? '–' : v >= 10_000 ? `${(v / 1000).toFixed(0)} s` : v >= 1000 ? `${(v / 1000).toFixed(1)} s` : `${Math.round(v)} ms`);

function stageTable(f: ProductionFacts): string {
  const rows = (
    [
      ['Waiting in the queue', f.stageMs.queued],
      ['Generate (provider + storage)', f.stageMs.generate],
      ['Post-production', f.stageMs.post],
      ['Automated QC', f.stageMs.qc],
      ['Variants + delivery', f.stageMs.deliver],
    ] as const
  )
    .map(([label, values]) => {
      const d = distribution(values);
      return `<tr><td>${h(label)}</td><td class="num">${d.count}</td><td class="num">${ms(d.p50)}</td><td class="num">${ms(d.p90)}</td><td class="num">${ms(values.reduce((s, v) => s + v, 0))}</td></tr>`;
    })
    .join('');
  const perMinute = f.wallMs ? ((f.mastersMade / f.wallMs) * 60_000).toFixed(1) : '–';
  return `<table class="categories"><thead><tr><th>stage, per master</th><th class="num">masters</th><th class="num">median</th><th class="num">p90</th><th class="num">total</th></tr></thead><tbody>${rows}</tbody></table><p class="muted">This run: ${ms(f.wallMs)} wall clock, ${perMinute} masters a minute.</p>`;
}

function categoryTable(f: ProductionFacts): string {
  const rows = f.categories
    .map((c) => `<tr><td><b>${h(c.name)}</b><br><span class="muted">${h(c.id)}</span></td><td class="num">${c.masters}</td><td class="num">${c.corrected}</td><td class="num"><b>${pct(c.corrected, c.masters)}</b></td><td class="num">${c.needPerson}</td><td class="num"><b>${pct(c.needPerson, c.masters)}</b></td></tr>`)
    .join('');
  return `<table class="categories"><thead><tr><th>category</th><th class="num">masters</th><th class="num">corrected in post</th><th class="num">rate</th><th class="num">need a person</th><th class="num">rate</th></tr></thead><tbody>${rows}</tbody></table><p class="muted">Corrected in post: white balance, exposure or backdrop changed by post-production. Need a person: QC flagged or rejected the master.</p>`;
}

function deltaETable(values: number[]): string {
  const d = distribution(values);
  if (!d.count) return '<p class="muted">No garment colour was measured.</p>';
  const cell = (label: string, v: number | null) => `<div class="stat"><span class="n">${v === null ? '–' : v.toFixed(2)}</span><span class="l">${label}</span></div>`;
  return `<div class="stats">${cell('median ΔE00', d.p50)}${cell('p90', d.p90)}${cell('p95', d.p95)}${cell('max', d.max)}</div><p class="muted">${d.count} masters measured against their SKU swatch.</p>`;
}

function problemList(f: ProductionFacts): string {
  if (!f.problems.length) return '<p class="muted">No bad rows, missing images or failed jobs.</p>';
  return `<ol class="reasons">${f.problems.map((p) => `<li><span class="label"><b>${h(p.where)}</b> · ${h(p.message)}</span></li>`).join('')}</ol>`;
}

/** @example renderProductionSection(facts) // '<section class="summary production">…' */
export function renderProductionSection(f: ProductionFacts): string {
  const stat = (cls: string, label: string, value: string | number) => `<div class="stat ${cls}"><span class="n">${value}</span><span class="l">${h(label)}</span></div>`;
  return `<section class="summary production" aria-label="Production">
<div class="stats">${stat('all', 'SKUs planned', `${f.skusPlanned}/${f.rowsRead}`)}${stat('all', 'masters made', `${f.mastersMade}/${f.jobsPlanned}`)}${stat('pass', 'files delivered', f.filesDelivered)}${stat('flag', 'to retouch', f.flagged)}${stat('reject', 'to regenerate', f.rejected)}${stat('error', 'failed jobs', f.failedJobs)}${f.videos?.planned ? stat('all', 'video loops made', `${f.videos.made}/${f.videos.planned}`) + stat('pass', 'video cuts', f.videos.cuts) : ''}</div>
<div class="panels"><div class="panel wide"><h2>Time per stage</h2>${stageTable(f)}<h2>Correction rate by category</h2>${categoryTable(f)}</div>
<div class="side"><div class="panel"><h2>ΔE00 distribution</h2>${deltaETable(f.deltaE)}</div><div class="panel"><h2>Problems (${f.problems.length})</h2>${problemList(f)}</div></div></div>
</section>`;
}
