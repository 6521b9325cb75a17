/**
 * One image's card in the report: the thumbnail with the subject outline, the regions left out of the
 * fabric (prints, logos), the point the swatch was read at and the boxes of flagged regions drawn over
 * it, the verdict, what the file was judged as with the target and measured swatch chips, the findings
 * that decided the verdict, and every measurement behind a disclosure. Data attributes drive sorting
 * and filtering.
 */
import { failingFindings, labToHex, type Finding, type QcImageRecord } from '@brandlock/core';
import type { QcThumbnail } from '../pipeline/qc/qc-thumbnail';
import { escapeHtml as h } from './escape-html';
import { findingTitle, limitText, measuredText } from './finding-labels';

const VERDICT_LABEL = { pass: 'Pass', flag: 'Flag', reject: 'Reject', error: 'Error' } as const;
const RANK = { reject: 0, error: 1, flag: 2, pass: 3 } as const;

function num(f: Finding | undefined): string {
  return f && typeof f.measured === 'number' ? String(f.measured) : '';
}

/** Findings whose place is the whole subject: the outline already shows it, a box would only add noise. */
const WHOLE_SUBJECT = new Set(['color/delta-e', 'exposure/level', 'sharpness/blur', 'background/fill']);
const SHOWN = 4;

function overlay(record: QcImageRecord, thumb: QcThumbnail): string {
  const { fullWidth: W, fullHeight: H, outline } = thumb;
  const sx = W / outline.width;
  const sy = H / outline.height;
  const boxes = failingFindings(record.findings)
    .filter((f) => f.box && !WHOLE_SUBJECT.has(`${f.rule}/${f.check}`))
    .map((f) => {
      const b = f.box!;
      return `<rect class="box ${f.severity}" x="${b.x}" y="${b.y}" width="${Math.max(1, b.width)}" height="${Math.max(1, b.height)}"><title>${h(`${findingTitle(f)}: ${measuredText(f)}`)}</title></rect>`;
    })
    .join('');
  const excluded = thumb.excluded ? `<path class="excluded" transform="scale(${sx.toFixed(4)} ${sy.toFixed(4)})" d="${thumb.excluded.path}"><title>left out of the fabric: print, logo, trim or another colour</title></path>` : '';
  const p = record.metrics?.swatch?.point;
  const mark = Math.max(W, H) / 40;
  const point = p
    ? `<g class="swatch-point"><title>${h(`swatch read here (${record.metrics!.swatch!.hex})`)}</title><circle cx="${p.x}" cy="${p.y}" r="${mark.toFixed(1)}"/><path d="M${p.x - 2 * mark} ${p.y}H${p.x - mark / 2}M${p.x + mark / 2} ${p.y}H${p.x + 2 * mark}M${p.x} ${p.y - 2 * mark}V${p.y - mark / 2}M${p.x} ${p.y + mark / 2}V${p.y + 2 * mark}"/></g>`
    : '';
  return `<svg class="overlay" viewBox="0 0 ${W} ${H}" preserveAspectRatio="none" aria-hidden="true"><path class="outline" transform="scale(${sx.toFixed(4)} ${sy.toFixed(4)})" d="${outline.path}"/>${excluded}${point}${boxes}</svg>`;
}

function labHex(lab: { l: number; a: number; b: number }): string {
  return labToHex(lab);
}

function findingItem(f: Finding): string {
  const limit = limitText(f);
  return `<li class="${f.severity}" title="${h(f.message)}"><span class="dot"></span><span class="what">${h(findingTitle(f))}</span> <span class="value">${h(measuredText(f))}</span>${limit ? ` <span class="limit">${h(limit)}</span>` : ''}</li>`;
}

function failingList(failing: Finding[]): string {
  const head = failing.slice(0, SHOWN).map(findingItem).join('');
  const more = failing.length > SHOWN ? `<li class="more">+${failing.length - SHOWN} more below</li>` : '';
  return `<ul class="findings">${head}${more}</ul>`;
}

function allMeasurements(findings: Finding[]): string {
  const order = { reject: 0, flag: 1, info: 2, pass: 3 } as const;
  const rows = [...findings]
    .sort((a, b) => order[a.severity] - order[b.severity])
    .map((f) => `<tr class="${f.severity}"><td><span class="dot"></span>${h(findingTitle(f))}<p>${h(f.message)}</p></td><td>${h(measuredText(f))}</td><td>${h(limitText(f))}</td></tr>`)
    .join('');
  return `<details><summary>Why, and all ${findings.length} measurements</summary><table class="measures"><tbody>${rows}</tbody></table></details>`;
}

/**
 * @example renderImageCard(record, thumbnails.get(record.file), 0)
 */
export function renderImageCard(record: QcImageRecord, thumb: QcThumbnail | undefined, order: number): string {
  const failing = failingFindings(record.findings);
  const de = record.findings.find((f) => f.rule === 'color' && f.check === 'delta-e');
  const blur = record.findings.find((f) => f.rule === 'sharpness');
  const reasons = [...new Set(failing.map((f) => `${f.rule}/${f.check}`))].join(' ');
  const name = record.file.split(/[\\/]/).pop() ?? record.file;
  const meta = [record.sku, record.colorway, record.view, record.target, record.categoryName ?? record.category].filter(Boolean).map((s) => h(String(s)));
  const measured = record.metrics?.swatch;
  const swatch = record.swatch
    ? `<span class="swatch" title="${h(`target ${record.swatch.name}`)}" style="background:${h(record.swatch.hex ?? labHex(record.swatch.lab))}"></span>${measured ? `<span class="swatch measured" title="${h(`measured ${measured.hex}: the lit half of the dominant fabric (${Math.round(measured.fabricShare * 100)}% of the garment)`)}" style="background:${h(measured.hex)}"></span>` : ''}`
    : measured
      ? `<span class="swatch measured" title="${h(`measured ${measured.hex}`)}" style="background:${h(measured.hex)}"></span>`
      : '';
  const image = thumb
    ? `<div class="thumb"><img src="data:image/jpeg;base64,${Buffer.from(thumb.jpeg).toString('base64')}" width="${thumb.width}" height="${thumb.height}" alt="${h(name)}" loading="lazy" decoding="async">${overlay(record, thumb)}</div>`
    : `<div class="thumb empty"><span>${record.verdict === 'error' ? 'not analysed' : 'no preview'}</span></div>`;
  const body =
    record.verdict === 'error'
      ? `<p class="error-text"><b>${h(record.error?.code ?? 'error')}</b>: ${h(record.error?.message ?? '')}</p>`
      : `${failing.length ? failingList(failing) : '<p class="ok-text">Every automated check passed: on to brand review.</p>'}${allMeasurements(record.findings)}`;
  const attrs = {
    'data-verdict': record.verdict,
    'data-rank': String(RANK[record.verdict]),
    'data-category': record.category ?? '',
    'data-file': record.file.toLowerCase(),
    'data-sku': (record.sku ?? '').toLowerCase(),
    'data-de': num(de),
    'data-blur': num(blur),
    'data-fails': String(failing.length),
    'data-reasons': reasons,
    'data-order': String(order),
  };
  const attrText = Object.entries(attrs)
    .map(([k, v]) => `${k}="${h(v)}"`)
    .join(' ');
  return `<article class="card v-${record.verdict}" ${attrText}>${image}<div class="body"><header><span class="badge ${record.verdict}">${VERDICT_LABEL[record.verdict]}</span><h3 title="${h(record.file)}">${h(name)}</h3></header><p class="meta">${swatch}${meta.join(' · ')}</p>${body}</div></article>`;
}
