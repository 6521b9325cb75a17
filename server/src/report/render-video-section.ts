/**
 * The product video part of a season report: one card per video master with its verdict, what made
 * it (an offline camera move over the still says so plainly), the motion brief, a filmstrip, ΔE00
 * over time, the findings that decide the verdict with the frames they point to, every measurement,
 * and the channel cuts delivered from it.
 */
import { spanText, type RecordedVideo, type VideoFinding, type VideoSeries } from '@brandlock/core';
import { escapeHtml as h } from './escape-html';
import { deltaEOverTimeSvg } from './delta-e-over-time-svg';

export interface VideoReportEntry {
  label: string;
  verdict: string;
  provider: string;
  model: string | null;
  video: RecordedVideo | null;
  findings: VideoFinding[];
  series: VideoSeries | null;
  colorLimits: { flag: number; reject: number } | null;
  filmstrip: { jpeg: Uint8Array; frames: { index: number; time: number }[] } | null;
  /** Files delivered from this master (cuts and posters, or the master for review). */
  files: { path: string; kind: string; width: number; height: number; bytes: number }[];
  note: string | null;
}

const kb = (n: number) => (n >= 1_000_000 ? `${(n / 1_000_000).toFixed(1)} MB` : `${Math.round(n / 1000)} KB`);

const VIDEO_CSS = `.videos .vcard{border:1px solid #ddd;border-radius:8px;padding:12px;margin:12px 0;background:#fff}
.videos .filmstrip{max-width:100%;height:auto;display:block;margin:8px 0;border:1px solid #eee}
.videos .de-plot{width:100%;max-width:560px;height:auto}.de-plot .series{fill:none;stroke-width:1.6}.de-plot .de{stroke:#1f4fa3}.de-plot .drift{stroke:#7a7a7a;stroke-dasharray:4 3}
.de-plot line.flag{stroke:#d98b00;stroke-dasharray:3 3}.de-plot line.reject{stroke:#c0392b;stroke-dasharray:3 3}.de-plot text{font-size:10px;fill:#555}.de-plot text.flag{fill:#a36800}.de-plot text.reject{fill:#c0392b}
.de-plot .axis-line{stroke:#999}.de-plot line.mark{stroke-width:6;opacity:.25}.de-plot line.mark.flag{stroke:#d98b00}.de-plot line.mark.reject{stroke:#c0392b}
.videos .offline{background:#fff5d6;border-left:4px solid #d98b00;padding:6px 8px;margin:6px 0}.videos table{border-collapse:collapse}.videos td,.videos th{padding:2px 8px;text-align:left;font-size:13px}`;

function findingRow(f: VideoFinding): string {
  const where = f.frames ? ` · ${spanText(f.frames)}` : '';
  const limits = f.limits ? ` (${[f.limits.flag !== undefined ? `flag ${f.limits.direction === 'max' ? '>' : '<'} ${f.limits.flag}` : '', f.limits.reject !== undefined ? `reject ${f.limits.direction === 'max' ? '>' : '<'} ${f.limits.reject}` : ''].filter(Boolean).join(', ')})` : '';
  return `<li class="sev-${h(f.severity)}"><b>${h(f.severity)}</b> ${h(f.rule)}/${h(f.check)}${h(where)}: ${h(f.message)}${h(limits)}</li>`;
}

function card(v: VideoReportEntry): string {
  const m = v.video?.motion;
  const failing = v.findings.filter((f) => f.severity === 'flag' || f.severity === 'reject');
  const marks = failing.filter((f) => f.frames).map((f) => ({ frame: f.frames!.from, label: `${f.rule}/${f.check}`, severity: f.severity as 'flag' | 'reject' }));
  const strip = v.filmstrip
    ? `<img class="filmstrip" alt="${h(`${v.label}: ${v.filmstrip.frames.length} frames from ${v.filmstrip.frames.map((f) => `${f.time.toFixed(1)} s`).join(', ')}`)}" src="data:image/jpeg;base64,${Buffer.from(v.filmstrip.jpeg).toString('base64')}"><p class="muted">Frames at ${v.filmstrip.frames.map((f) => `${f.time.toFixed(2)} s`).join(' · ')}</p>`
    : '<p class="muted">No filmstrip (the clip could not be decoded).</p>';
  const plot = v.series ? deltaEOverTimeSvg({ time: v.series.time, colorMeasured: v.series.colorMeasured, deltaE: v.series.deltaE, drift: v.series.drift, limits: v.colorLimits, marks }) : '';
  const offline = v.video?.offline ? `<p class="offline"><b>Offline loop.</b> ${h(v.note ?? 'No generative model made this clip: it is the approved still with a camera move rendered on the CPU, and nothing in it moves but the camera.')}</p>` : '';
  const brief = m
    ? `<table><tr><th>camera</th><td>${h(`${m.camera.path} ${Math.round(m.camera.amount * 100)}%`)}</td><th>fabric</th><td>${h(`${m.fabric.movement}, ${m.fabric.direction}`)}</td></tr><tr><th>gesture</th><td>${h(m.gesture || '–')}</td><th>length</th><td>${h(`${m.durationSeconds} s${m.loop ? ', loop' : ''}`)}${v.video?.clip ? h(` (made ${v.video.clip.durationSeconds.toFixed(2)} s at ${v.video.clip.fps.toFixed(2)} fps)`) : ''}</td></tr><tr><th>provider</th><td>${h(`${v.provider}${v.model ? ` · ${v.model}` : ''}`)}</td><th>seed</th><td>${m.seed ?? 'random'}</td></tr></table>`
    : '';
  const files = v.files.length ? `<ul>${v.files.map((f) => `<li><code>${h(f.path)}</code> ${h(`${f.kind}, ${f.width}x${f.height}, ${kb(f.bytes)}`)}</li>`).join('')}</ul>` : '<p class="muted">Nothing delivered from this master.</p>';
  return `<article class="vcard verdict-${h(v.verdict)}"><h3>${h(v.label)} <span class="badge ${h(v.verdict)}">${h(v.verdict)}</span></h3>${offline}${brief}${strip}<h4>ΔE00 over time</h4>${plot}
<h4>Findings</h4>${failing.length ? `<ol class="reasons">${failing.map(findingRow).join('')}</ol>` : '<p class="muted">Nothing to fix: every rule passed.</p>'}
<details><summary>All measurements (${v.findings.length})</summary><ol>${v.findings.map(findingRow).join('')}</ol></details><h4>Delivered</h4>${files}</article>`;
}

/** @example renderVideoSection(entries) // '<section class="videos">…' */
export function renderVideoSection(entries: readonly VideoReportEntry[]): string {
  if (!entries.length) return '';
  const count = (v: string) => entries.filter((e) => e.verdict === v).length;
  return `<style>${VIDEO_CSS}</style><section class="summary videos" aria-label="Product video"><h2>Product video (${entries.length}: ${count('pass')} pass, ${count('flag')} flag, ${count('reject')} reject)</h2>
${entries.map(card).join('\n')}</section>`;
}
