/**
 * The garment's dominant fabric, and what is not it: prints, logos, trims, hardware, a second
 * colourway panel, skin on an on-model shot. Colour and exposure are measured on the fabric only,
 * so a white logo on a navy shirt is not read as over-exposure.
 *
 * The colour clusters of fabric-clusters.ts, with one correction: a blown highlight's glow runs
 * through every lightness from the fabric's to white, so on a dark garment it fills the valley that
 * parts a light print from the fabric, and the print would be measured as fabric (a white logo on a
 * black cap lit by a hotspot read 1.6 L* too light). The glow (see highlightGlow) is kept out of that
 * decision. Without a highlight the two are the same.
 */
import type { QcImage } from '../qc-image';
import { memoized } from '../qc-image';
import { clusterFabric, fabricClusters, type FabricMask } from './fabric-clusters';
import { highlightGlow } from './clipping-mask';

/**
 * @example fabricMask(image)?.regions.length // 1: the white logo on a navy tee
 */
export function fabricMask(image: QcImage): FabricMask | null {
  return memoized(image, 'fabric-mask', () => {
    const glow = highlightGlow(image);
    return glow ? clusterFabric(image, glow) : fabricClusters(image);
  });
}
