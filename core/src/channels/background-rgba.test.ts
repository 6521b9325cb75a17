import { describe, expect, it } from 'vitest';
import { backgroundRgba } from './background-rgba';

describe('backgroundRgba', () => {
  it('reads hex, Lab and transparent backgrounds', () => {
    expect(backgroundRgba('#f4f1ec')).toEqual({ r: 244, g: 241, b: 236, alpha: 1 });
    expect(backgroundRgba('#fff')).toEqual({ r: 255, g: 255, b: 255, alpha: 1 });
    expect(backgroundRgba('lab(100 0 0)')).toEqual({ r: 255, g: 255, b: 255, alpha: 1 });
    expect(backgroundRgba('transparent').alpha).toBe(0);
  });
});
