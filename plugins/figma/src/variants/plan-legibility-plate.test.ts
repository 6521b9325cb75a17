// The legibility plate's measure: none when the copy reads; black under light copy, white under dark
// copy, at the lightest opacity (5% steps) that reaches WCAG; the best it can do, said, when none does.
import { describe, expect, it } from 'vitest';
import { planLegibilityPlate } from './plan-legibility-plate';
import { contrastOver } from '../palette/wcag-contrast';

const white = { r: 1, g: 1, b: 1 };
const ink = { r: 0.1, g: 0.12, b: 0.2 };
const sand = { r: 0.86, g: 0.8, b: 0.7 };
const mid = { r: 0.45, g: 0.45, b: 0.45 };

describe('planLegibilityPlate', () => {
  it('is not needed when the copy already reads', () => {
    expect(planLegibilityPlate([sand], ink, 4.5)).toBeNull();
  });

  it('darkens under light copy at the lightest opacity that reaches the ratio', () => {
    const plate = planLegibilityPlate([sand, mid], white, 4.5)!;
    expect(plate.color).toEqual({ r: 0, g: 0, b: 0 });
    expect(plate.ratio).toBeGreaterThanOrEqual(4.5);
    const lighter = plate.opacity - 0.05;
    const blend = (s: typeof sand) => ({ r: s.r * (1 - lighter), g: s.g * (1 - lighter), b: s.b * (1 - lighter) });
    expect(contrastOver(white, [sand, mid].map(blend))).toBeLessThan(4.5);
  });

  it('lightens under dark copy', () => {
    expect(planLegibilityPlate([mid], ink, 4.5)!.color).toEqual({ r: 1, g: 1, b: 1 });
  });
});
