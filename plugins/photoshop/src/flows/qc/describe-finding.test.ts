// QC's colour findings in the panel read in the Lab a retoucher's eyedropper gives: Photoshop's Info
// panel and Color Picker show Lab D50, brandlock's lock and reports Lab D65.
import { expect, it } from 'vitest';
import { findingMessage, withLabInD50 } from './describe-finding';

it('gives the garment and the swatch in Lab D50, as the chips beside them and the eyedropper do', () => {
  const message = 'garment lab(48.7 30.8 34.3) vs swatch Terracotta lab(51.8 35.9 36.2): darker by 3.1 L*';
  // In D65 the garment's a* reads 30.8; Photoshop's Info panel says 32 for the same pixels.
  expect(findingMessage({ message })).toBe('garment Lab 49 32 35 vs swatch Terracotta Lab 52 38 37: darker by 3.1 L*');
});

it('leaves text without a colour alone, and reads a negative a* or b* as such', () => {
  expect(withLabInD50('the backdrop is 3% uneven')).toBe('the backdrop is 3% uneven');
  expect(withLabInD50('lab(40 -12.5 -30)')).toBe('Lab 39 -17 -31');
});
