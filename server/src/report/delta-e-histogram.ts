/**
 * The ΔE00 histogram of garment colour against swatch, as inline SVG: one bar per 0.5 ΔE00 bin,
 * coloured by the flag and reject limits most images were judged against.
 */
import type { QcReport } from '@brandlock/core';
import { escapeHtml } from './escape-html';

/** The most common flag and reject ΔE00 limits among the colour findings, for marking the chart. */
export function commonColorLimits(report: QcReport): { flag: number; reject: number } | null {
  const counts = new Map<string, number>();
  for (const r of report.images) {
    for (const f of r.findings) {
      if (f.rule !== 'color' || !f.limits || f.limits.flag === undefined || f.limits.reject === undefined) continue;
      const key = `${f.limits.flag}/${f.limits.reject}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
  }
  const best = [...counts].sort((a, b) => b[1] - a[1])[0];
  if (!best) return null;
  const [flag, reject] = best[0].split('/').map(Number);
  return { flag, reject };
}

export function deltaEHistogramSvg(report: QcReport): string {
  const { bins, measured } = report.summary.deltaE;
  if (!measured) return '<p class="muted">No garment colour was measured (no swatches known for these images).</p>';
  const limits = commonColorLimits(report);
  const W = 360;
  const H = 190;
  const pad = { l: 28, r: 8, t: 8, b: 26 };
  const max = Math.max(1, ...bins.map((b) => b.count));
  const bw = (W - pad.l - pad.r) / bins.length;
  const y = (n: number) => pad.t + (H - pad.t - pad.b) * (1 - n / max);
  const bars = bins
    .map((b, i) => {
      const cls = !limits ? 'bar' : b.from >= limits.reject ? 'bar reject' : b.from >= limits.flag ? 'bar flag' : 'bar pass';
      const label = `${b.from.toFixed(1)}${b.to === null ? '+' : `–${b.to.toFixed(1)}`} ΔE00: ${b.count} image${b.count === 1 ? '' : 's'}`;
      return `<rect class="${cls}" x="${(pad.l + i * bw + 1).toFixed(1)}" y="${y(b.count).toFixed(1)}" width="${(bw - 2).toFixed(1)}" height="${(H - pad.b - y(b.count)).toFixed(1)}"><title>${escapeHtml(label)}</title></rect>`;
    })
    .join('');
  const ticks = bins
    .filter((_, i) => i % 2 === 0)
    .map((b) => `<text x="${(pad.l + (b.from / 0.5) * bw).toFixed(1)}" y="${H - 10}" class="tick">${b.from}${b.to === null ? '+' : ''}</text>`)
    .join('');
  const marker = (v: number, cls: string, text: string, row: number) => {
    const x = pad.l + (v / 0.5) * bw;
    return `<line class="limit ${cls}" x1="${x.toFixed(1)}" x2="${x.toFixed(1)}" y1="${pad.t}" y2="${H - pad.b}"/><text class="limit-label ${cls}" x="${(x + 3).toFixed(1)}" y="${pad.t + 10 + row * 11}">${text}</text>`;
  };
  const limitMarks = limits ? marker(limits.flag, 'flag', `flag > ${limits.flag}`, 0) + marker(limits.reject, 'reject', `reject > ${limits.reject}`, 1) : '';
  return `<svg class="histogram" viewBox="0 0 ${W} ${H}" role="img" aria-label="Histogram of garment ΔE00 against the SKU swatch">
<text x="2" y="${pad.t + 8}" class="tick">${max}</text><text x="2" y="${H - pad.b}" class="tick">0</text>
${bars}${limitMarks}${ticks}<text x="${W - pad.r}" y="${H - 1}" class="axis" text-anchor="end">ΔE00 garment vs swatch (${measured} measured)</text></svg>`;
}
