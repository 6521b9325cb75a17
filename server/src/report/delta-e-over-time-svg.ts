/**
 * ΔE00 over the length of a clip as inline SVG: the garment against its swatch on each frame whose
 * colour was measured (straight lines between them; a gap where no garment was found), its drift
 * from the first quarter second (dashed), the flag and reject limits, and a marker at each
 * frame a failing finding points to, so a reviewer sees when the colour went wrong.
 */
import { escapeHtml as h } from './escape-html';

export interface DeltaEPlotInput {
  time: number[];
  /** Frames whose colour was measured; the lines run straight across the others. Absent: every frame. */
  colorMeasured?: boolean[];
  deltaE: (number | null)[];
  drift: (number | null)[];
  limits: { flag: number; reject: number } | null;
  /** Frames a failing finding points to, with its title. */
  marks: { frame: number; label: string; severity: 'flag' | 'reject' }[];
}

export function deltaEOverTimeSvg(p: DeltaEPlotInput): string {
  const values = [...p.deltaE, ...p.drift].filter((v): v is number => v !== null);
  if (!values.length || p.time.length < 2) return '<p class="muted">No garment colour was measured in this clip.</p>';
  const W = 560;
  const H = 170;
  const pad = { l: 34, r: 22, t: 10, b: 26 };
  const end = p.time[p.time.length - 1] || 1;
  const top = Math.max(...values, (p.limits?.reject ?? 0) * 1.25, 1);
  const x = (t: number) => pad.l + (t / end) * (W - pad.l - pad.r);
  const y = (v: number) => pad.t + (1 - v / top) * (H - pad.t - pad.b);
  const path = (series: (number | null)[]) => {
    let d = '';
    let pen = false;
    series.forEach((v, i) => {
      if (p.colorMeasured && !p.colorMeasured[i]) return;
      if (v === null) return void (pen = false);
      d += `${pen ? 'L' : 'M'}${x(p.time[i]).toFixed(1)},${y(v).toFixed(1)}`;
      pen = true;
    });
    return d;
  };
  const limit = (v: number, cls: string, label: string) => `<line class="${cls}" x1="${pad.l}" x2="${W - pad.r}" y1="${y(v).toFixed(1)}" y2="${y(v).toFixed(1)}"/><text class="${cls}" x="${W - pad.r - 2}" y="${(y(v) - 3).toFixed(1)}" text-anchor="end">${h(label)} ${v}</text>`;
  const ticks = [0, 0.25, 0.5, 0.75, 1].map((f) => `<text class="axis" x="${x(end * f).toFixed(1)}" y="${H - 8}" text-anchor="middle">${(end * f).toFixed(1)} s</text>`).join('');
  const yTicks = [0, top / 2, top].map((v) => `<text class="axis" x="${pad.l - 4}" y="${(y(v) + 3).toFixed(1)}" text-anchor="end">${v.toFixed(1)}</text>`).join('');
  const marks = p.marks
    .filter((m) => m.frame >= 0 && m.frame < p.time.length)
    .map((m) => `<line class="mark ${m.severity}" x1="${x(p.time[m.frame]).toFixed(1)}" x2="${x(p.time[m.frame]).toFixed(1)}" y1="${pad.t}" y2="${H - pad.b}"><title>${h(m.label)} at ${p.time[m.frame].toFixed(2)} s (frame ${m.frame})</title></line>`)
    .join('');
  return `<svg class="de-plot" viewBox="0 0 ${W} ${H}" role="img" aria-label="Garment ΔE00 against the swatch over the clip">
<line class="axis-line" x1="${pad.l}" x2="${pad.l}" y1="${pad.t}" y2="${H - pad.b}"/><line class="axis-line" x1="${pad.l}" x2="${W - pad.r}" y1="${H - pad.b}" y2="${H - pad.b}"/>
${p.limits ? limit(p.limits.reject, 'reject', 'reject') + limit(p.limits.flag, 'flag', 'flag') : ''}${marks}
<path class="series de" d="${path(p.deltaE)}"/><path class="series drift" d="${path(p.drift)}"/>${ticks}${yTicks}
<text class="legend" x="${pad.l + 6}" y="${pad.t + 10}">— ΔE00 vs swatch   - - drift from the start</text></svg>`;
}
