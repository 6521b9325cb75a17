/**
 * What baking a LUT costs a document that is not in sRGB: the Imaging API hands the pixels over in
 * sRGB (brandlock's LUTs are graded for sRGB) and the baked layer is converted back into the
 * document's profile, so colours outside sRGB, the saturated reds and greens an Adobe RGB or ProPhoto
 * master holds, come back clipped. The Color Lookup layer keeps them; the panel says so before baking.
 */
import type { DocumentInfo } from '../../ports/ps-host';

const SRGB = /^sRGB\b/i;

/** Null for an sRGB (or untagged, which Photoshop treats as the working sRGB) document. */
export function bakeGamutNote(doc: Pick<DocumentInfo, 'profile'> | null): string | null {
  if (!doc || !doc.profile || SRGB.test(doc.profile)) return null;
  return `This document is in ${doc.profile}: baking grades it through sRGB, so colours outside sRGB are clipped. The Color Lookup layer keeps them.`;
}
