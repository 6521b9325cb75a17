// What both plugins show of a clip's frame QC: the worst findings first with the frames to scrub to,
// the headline figures in their units, and QC's own note when it could not run.
import { describe, expect, it } from 'vitest';
import { uncheckedQc, type QcOutcome } from '../audit/qc-outcome';
import { describeVideoQc } from './describe-video-qc';

const outcome: QcOutcome = {
  verdict: 'reject',
  thresholds: null,
  measurements: { durationSeconds: 6, fps: 23.976, frames: 144, width: 1080, height: 1350, deltaE00Worst: 3.1416, colorDriftDeltaE00: 0.5, seamJump: 4.25, flickerEv: 0.012 },
  findings: [
    { rule: 'offline', check: 'offline', severity: 'info', message: 'an offline loop' },
    { rule: 'loop-seam', check: 'seam', severity: 'flag', message: 'the loop jumps where it restarts', frames: { from: 143, to: 143, fromSeconds: 5.96, toSeconds: 5.96 } },
    { rule: 'color', check: 'delta-e', severity: 'reject', message: 'garment off its swatch', frames: { from: 20, to: 48, fromSeconds: 0.83, toSeconds: 2 } },
  ],
};

describe('describeVideoQc', () => {
  it('puts the reject first, then the flag, then notes, each with its frames', () => {
    const s = describeVideoQc(outcome);
    expect(s.findings).toEqual([
      { rule: 'color/delta-e', severity: 'reject', message: 'garment off its swatch', frames: 'frames 20-48 (0.83-2.00 s)' },
      { rule: 'loop-seam/seam', severity: 'flag', message: 'the loop jumps where it restarts', frames: 'frame 143 (5.96 s)' },
      { rule: 'offline', severity: 'info', message: 'an offline loop', frames: null },
    ]);
  });

  it('gives the headline figures in their units, and the clip as measured', () => {
    const s = describeVideoQc(outcome);
    expect(s.figures.map((f) => `${f.label}: ${f.text}`)).toEqual(['Worst ΔE00: 3.14 ΔE00', 'Colour drift: 0.50 ΔE00', 'Exposure flicker: 0.01 EV', 'Loop seam: 4.3x']);
    expect(s.clip).toBe('6.0 s · 23.98 fps · 1080x1350 · 144 frames');
  });

  it('says why QC did not run', () => {
    const s = describeVideoQc(uncheckedQc('automated video QC could not run: ffmpeg is needed'));
    expect(s).toMatchObject({ verdict: 'unchecked', figures: [], findings: [], clip: null, note: 'automated video QC could not run: ffmpeg is needed' });
  });
});
