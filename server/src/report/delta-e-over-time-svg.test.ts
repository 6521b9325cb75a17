// The report's ΔE-over-time plot: a clip whose colour was measured on a sample of its frames still
// shows one line through the measured frames; a frame where no garment was found breaks it.
import { describe, expect, it } from 'vitest';
import { deltaEOverTimeSvg } from './delta-e-over-time-svg';

const time = Array.from({ length: 9 }, (_, i) => i / 24);
const pathOf = (svg: string, cls: string) => new RegExp(`<path class="series ${cls}" d="([^"]*)"`).exec(svg)![1];

describe('ΔE00 over time plot', () => {
  it('draws a sampled series as one line through the measured frames', () => {
    const colorMeasured = [true, false, false, false, true, false, false, false, true];
    const deltaE = [0.4, null, null, null, 1.2, null, null, null, 0.8];
    const svg = deltaEOverTimeSvg({ time, colorMeasured, deltaE, drift: deltaE, limits: { flag: 2, reject: 3 }, marks: [] });
    expect(pathOf(svg, 'de').match(/[ML]/g)).toEqual(['M', 'L', 'L']);
    expect(pathOf(svg, 'drift').match(/[ML]/g)).toEqual(['M', 'L', 'L']);
  });

  it('breaks the line where a measured frame had no garment', () => {
    const colorMeasured = [true, false, false, false, true, false, false, false, true];
    const deltaE = [0.4, null, null, null, null, null, null, null, 0.8];
    const svg = deltaEOverTimeSvg({ time, colorMeasured, deltaE, drift: deltaE, limits: null, marks: [] });
    expect(pathOf(svg, 'de').match(/[ML]/g)).toEqual(['M', 'M']);
  });
});
