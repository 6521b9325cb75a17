/**
 * Edge halo / fringe: the ring just outside the subject that deviates from a mix of garment and
 * backdrop (see measureEdgeHalo), against the category's maxHaloDeltaE00. Flags above it (a
 * retoucher defringes), rejects above twice it. The box covers the outline where the halo is.
 */
import type { Finding } from '../finding';
import { gradeValue, roundMeasure } from '../finding';
import type { QcContext } from '../qc-context';
import { fullBox, type QcImage } from '../qc-image';
import { measureEdgeHalo } from '../measure/edge-halo';

/**
 * @example checkHalo(image, ctx)[0].measured // 0.7 (ΔE00) on a clean edge
 */
export function checkHalo(image: QcImage, ctx: QcContext): Finding[] {
  const base = { rule: 'halo' as const, check: 'edge-ring', unit: 'ΔE00' };
  const halo = measureEdgeHalo(image);
  if (!halo) return [{ ...base, severity: 'info', message: 'no subject outline against a backdrop to check', measured: null, limits: null }];
  const max = ctx.thresholds.background.maxHaloDeltaE00;
  const limits = { direction: 'max' as const, flag: max, reject: max * 2 };
  const severity = gradeValue(halo.halo, limits);
  let over = 0;
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -1;
  let y1 = -1;
  for (let s = 0; s < halo.siteScore.length; s++) {
    if (halo.siteScore[s] <= max) continue;
    over++;
    x0 = Math.min(x0, halo.siteX[s]);
    y0 = Math.min(y0, halo.siteY[s]);
    x1 = Math.max(x1, halo.siteX[s]);
    y1 = Math.max(y1, halo.siteY[s]);
  }
  const share = halo.siteScore.length ? over / halo.siteScore.length : 0;
  return [
    {
      ...base,
      severity,
      message: `ring along the outline deviates ΔE00 ${halo.halo.toFixed(2)} from a clean garment/backdrop edge (75th percentile); ${(share * 100).toFixed(0)}% of the outline is above ${max}`,
      measured: roundMeasure(halo.halo),
      limits,
      ...(severity !== 'pass' && x1 >= 0 ? { box: fullBox(image, { x: x0, y: y0, width: x1 - x0 + 1, height: y1 - y0 + 1 }) } : {}),
    },
  ];
}
