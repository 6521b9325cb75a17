/**
 * What a plugin shows of a clip's frame-level QC, from the outcome the server records: the verdict,
 * the headline figures a retoucher or art director asks first (worst garment ΔE00, colour drift,
 * exposure and colour flicker, outline change, the loop seam, frozen time) and each finding with its
 * rule, severity, message and frames. Photoshop's panel and Figma's caption both read this, so the
 * two say the same thing about the same clip.
 */
import type { QcOutcome } from '../audit/qc-outcome';

export interface VideoQcFigure {
  /** The measurement's name in QC's record, e.g. "deltaE00Worst". */
  key: string;
  label: string;
  /** "2.14 ΔE00", "0.31 EV", "1.2x". */
  text: string;
  value: number;
}

export interface VideoQcLine {
  /** "color/drift", "loop-seam/seam", "human-review". */
  rule: string;
  severity: string;
  message: string;
  /** "frames 12-30 (0.50-1.25 s)" when the finding points at frames. */
  frames: string | null;
}

export interface VideoQcSummary {
  verdict: QcOutcome['verdict'];
  figures: VideoQcFigure[];
  /** Findings worse than a pass, the worst first (reject, flag, then notes). */
  findings: VideoQcLine[];
  /** QC's own note when it could not run (no FFmpeg, an unreadable clip). */
  note: string | null;
  /** The clip as QC measured it: "6.0 s · 24 fps · 1080x1350 · 144 frames". */
  clip: string | null;
}

const FIGURES: { key: string; label: string; unit: string; digits: number }[] = [
  { key: 'deltaE00Worst', label: 'Worst ΔE00', unit: 'ΔE00', digits: 2 },
  { key: 'colorDriftDeltaE00', label: 'Colour drift', unit: 'ΔE00', digits: 2 },
  { key: 'flickerEv', label: 'Exposure flicker', unit: 'EV', digits: 2 },
  { key: 'flickerDeltaE00', label: 'Colour flicker', unit: 'ΔE00', digits: 2 },
  { key: 'shapeChange', label: 'Outline change', unit: '', digits: 3 },
  { key: 'seamJump', label: 'Loop seam', unit: 'x', digits: 1 },
  { key: 'frozenSeconds', label: 'Frozen', unit: 's', digits: 2 },
];

const ORDER: Record<string, number> = { reject: 0, flag: 1, warn: 2, info: 3 };

function framesText(frames: unknown): string | null {
  if (!frames || typeof frames !== 'object') return null;
  const f = frames as { from?: unknown; to?: unknown; fromSeconds?: unknown; toSeconds?: unknown };
  if (typeof f.from !== 'number' || typeof f.to !== 'number' || typeof f.fromSeconds !== 'number' || typeof f.toSeconds !== 'number') return null;
  return f.from === f.to ? `frame ${f.from} (${f.fromSeconds.toFixed(2)} s)` : `frames ${f.from}-${f.to} (${f.fromSeconds.toFixed(2)}-${f.toSeconds.toFixed(2)} s)`;
}

/**
 * @example describeVideoQc(record.qc).figures[0] // { key: 'deltaE00Worst', label: 'Worst ΔE00', text: '1.84 ΔE00', value: 1.84 }
 */
export function describeVideoQc(qc: QcOutcome): VideoQcSummary {
  const m = qc.measurements;
  const figures = FIGURES.filter((f) => typeof m[f.key] === 'number').map((f) => ({
    key: f.key,
    label: f.label,
    value: m[f.key],
    text: `${m[f.key].toFixed(f.digits)}${f.unit === 'x' ? 'x' : f.unit ? ` ${f.unit}` : ''}`,
  }));
  const findings = qc.findings
    .filter((f) => f.severity !== 'pass')
    .map((f) => {
      const check = typeof f.check === 'string' && f.check && f.check !== f.rule ? `/${f.check}` : '';
      return { rule: `${f.rule}${check}`, severity: f.severity, message: f.message, frames: framesText(f.frames) };
    })
    .sort((a, b) => (ORDER[a.severity] ?? 4) - (ORDER[b.severity] ?? 4));
  const clip =
    typeof m.durationSeconds === 'number' && typeof m.fps === 'number'
      ? [`${m.durationSeconds.toFixed(1)} s`, `${Math.round(m.fps * 100) / 100} fps`, typeof m.width === 'number' && typeof m.height === 'number' ? `${m.width}x${m.height}` : '', typeof m.frames === 'number' ? `${m.frames} frames` : '']
          .filter(Boolean)
          .join(' · ')
      : null;
  return { verdict: qc.verdict, figures, findings, note: qc.note ?? null, clip };
}
