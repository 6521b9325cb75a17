import { describe, expect, it } from 'vitest';
import { mixStrength } from './mix-strength';

const original = new Uint8ClampedArray([10, 21, 200, 255, 0, 255, 128, 255]);
const graded = new Uint8ClampedArray([21, 10, 100, 255, 255, 0, 129, 255]);

describe('mixStrength', () => {
  it('gives the original at 0 %, the graded bytes at 100 % and halfway (rounded) at 50 %', () => {
    expect(mixStrength(original, graded, 0)).toEqual(original);
    expect(mixStrength(original, graded, 100)).toEqual(graded);
    expect(mixStrength(original, graded, 50)).toEqual(new Uint8ClampedArray([16, 16, 150, 255, 128, 128, 129, 255]));
    expect(mixStrength(original, graded, 25)).toEqual(new Uint8ClampedArray([13, 18, 175, 255, 64, 191, 128, 255]));
  });

  it('leaves both inputs as they were', () => {
    const o = original.slice();
    const g = graded.slice();
    mixStrength(o, g, 30);
    expect([o, g]).toEqual([original, graded]);
  });
});
