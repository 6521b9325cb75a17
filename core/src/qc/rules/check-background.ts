/**
 * Background: uniformity (95th percentile ΔE00 of backdrop pixels from their median), pure white
 * where the delivery target demands it, stray objects on the backdrop, and the product's fill of
 * the frame where a channel sets a minimum. Boxes point at the worst region.
 */
import type { Box } from '../../raster/mask';
import { maskBox } from '../../raster/mask';
import type { Finding } from '../finding';
import { gradeValue, roundMeasure } from '../finding';
import type { QcContext } from '../qc-context';
import { fullBox, type QcImage } from '../qc-image';
import { measureBackground, type DeviationGrid } from '../measure/background-stats';

/**
 * @example checkBackground(image, ctx).map((f) => f.check) // ['uniformity', 'stray-objects', ...]
 */
export function checkBackground(image: QcImage, ctx: QcContext): Finding[] {
  const out: Finding[] = [];
  const t = ctx.thresholds.background;
  const bg = measureBackground(image);
  const { delivery } = ctx;
  if (!bg) {
    const cutout = image.subject.source === 'alpha';
    out.push({
      rule: 'background',
      check: cutout ? 'transparent' : 'uniformity',
      severity: cutout && delivery.pureWhite ? 'flag' : 'info',
      message: cutout
        ? `transparent background${delivery.pureWhite ? `: ${delivery.kind === 'channel' ? `channel "${delivery.id}"` : "this category's marketplace channels"} need it composited onto pure white` : ' (a cutout: backdrop checks do not apply)'}`
        : 'no backdrop visible: the subject fills the frame',
      measured: null,
      unit: '',
      limits: null,
    });
  } else {
    const limits = { direction: 'max' as const, flag: t.maxNonUniformity, reject: t.maxNonUniformity * 2 };
    const severity = gradeValue(bg.p95DeltaE, limits);
    const hot = severity === 'pass' ? null : hotRegion(bg.grid, t.maxNonUniformity);
    out.push({
      rule: 'background',
      check: 'uniformity',
      severity,
      message: `95% of the backdrop is within ΔE00 ${bg.p95DeltaE.toFixed(2)} of its median${severity === 'pass' ? '' : ' (smudges, uneven light, shadows or a busy surface)'}`,
      measured: roundMeasure(bg.p95DeltaE),
      unit: 'ΔE00',
      limits,
      ...(hot ? { box: fullBox(image, hot) } : {}),
    });
    if (delivery.pureWhite) {
      const whiteLimits = { direction: 'max' as const, flag: t.maxNonWhitePct, reject: Math.max(t.maxNonWhitePct * 10, 5) };
      const sev = gradeValue(bg.nonWhitePct, whiteLimits);
      out.push({
        rule: 'background',
        check: 'pure-white',
        severity: sev,
        message: `${bg.nonWhitePct.toFixed(2)}% of the backdrop is not pure white (255,255,255), which ${delivery.kind === 'channel' ? `channel "${delivery.id}"` : 'the marketplace channels of this category'} demand`,
        measured: roundMeasure(bg.nonWhitePct, 3),
        unit: '%',
        limits: whiteLimits,
      });
    }
    const strayLimits = { direction: 'max' as const, flag: t.maxStrayPct, reject: t.maxStrayPct * 4 };
    const straySeverity = gradeValue(bg.strayPct, strayLimits);
    const strays = image.subject.strays;
    out.push({
      rule: 'background',
      check: 'stray-objects',
      severity: straySeverity,
      message: strays.length
        ? `${strays.length} stray object${strays.length === 1 ? '' : 's'} on the backdrop covering ${bg.strayPct.toFixed(2)}% of it (dust, threads, clips, props)`
        : 'no stray objects on the backdrop',
      measured: roundMeasure(bg.strayPct, 3),
      unit: '%',
      limits: strayLimits,
      ...(strays.length && straySeverity !== 'pass' ? { box: fullBox(image, strays[0].box) } : {}),
    });
  }
  if (delivery.minFill !== null) out.push(fillFinding(image, delivery.minFill, delivery.id));
  return out;
}

function fillFinding(image: QcImage, minFill: number, channel: string): Finding {
  const box = image.subject.box;
  const { width, height } = image.subject.mask;
  const fill = box ? Math.max(box.width / width, box.height / height) : 0;
  const limits = { direction: 'min' as const, flag: roundMeasure(minFill * 100, 1) };
  const severity = gradeValue(fill * 100, limits);
  return {
    rule: 'background',
    check: 'fill',
    severity,
    message: `the product spans ${(fill * 100).toFixed(1)}% of the frame along its longer side; channel "${channel}" asks for at least ${(minFill * 100).toFixed(0)}%`,
    measured: roundMeasure(fill * 100, 1),
    unit: '%',
    limits,
    ...(box && severity !== 'pass' ? { box: fullBox(image, box) } : {}),
  };
}

/** The box around the grid cells whose mean deviation exceeds the limit (proxy pixels). */
function hotRegion(grid: DeviationGrid, limit: number): Box | null {
  const cells = { width: grid.cols, height: grid.rows, data: new Uint8Array(grid.cols * grid.rows) };
  for (let c = 0; c < grid.mean.length; c++) cells.data[c] = grid.mean[c] > limit ? 1 : 0;
  const b = maskBox(cells);
  if (!b) return null;
  const x = Math.floor(b.x * grid.cellWidth);
  const y = Math.floor(b.y * grid.cellHeight);
  return { x, y, width: Math.ceil((b.x + b.width) * grid.cellWidth) - x, height: Math.ceil((b.y + b.height) * grid.cellHeight) - y };
}
