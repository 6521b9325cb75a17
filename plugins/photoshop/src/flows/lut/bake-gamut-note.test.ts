// Before baking the brand LUT into a wide-gamut master, the retoucher is told that colours outside
// sRGB will be clipped; an sRGB or untagged master gets no warning.
import { expect, it } from 'vitest';
import { bakeGamutNote } from './bake-gamut-note';

it('warns about clipping for Adobe RGB and ProPhoto masters only', () => {
  expect(bakeGamutNote({ profile: 'Adobe RGB (1998)' })).toBe('This document is in Adobe RGB (1998): baking grades it through sRGB, so colours outside sRGB are clipped. The Color Lookup layer keeps them.');
  expect(bakeGamutNote({ profile: 'ProPhoto RGB' })).toMatch(/^This document is in ProPhoto RGB: .*clipped/);
  expect(bakeGamutNote({ profile: 'sRGB IEC61966-2.1' })).toBeNull();
  expect(bakeGamutNote({ profile: '' })).toBeNull();
  expect(bakeGamutNote(null)).toBeNull();
});
