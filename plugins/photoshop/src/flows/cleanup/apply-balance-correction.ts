/**
 * Adds the measured correction as a Curves adjustment layer (non-destructive, one History step),
 * named with what it corrects so the Layers panel reads like a retouch log. It goes on top of the
 * stack and over the whole image, whatever is selected (see brand-layer-position).
 */
import type { PsHost } from '../../ports/ps-host';
import { checkResults } from '../../descriptors/check-results';
import { makeCurvesLayer, type CurvePoint } from '../../descriptors/curves';
import { PanelError } from '../../errors/panel-error';
import { signed } from '../../ui/format';
import { activeLayerId, inHistoryStep } from '../history-step';
import { readyForBrandLayer } from '../brand-layer-position';
import type { BalanceFix, BalanceReading } from './measure-balance';

export function balanceLayerName(reading: BalanceReading, fix: BalanceFix): string {
  const parts: string[] = [];
  if (fix.fixesCast && reading.cast) parts.push(`cast ${reading.cast.deltaE.toFixed(1)} ΔE00 ${reading.cast.direction}`);
  if (fix.fixesExposure && reading.exposure) parts.push(`exposure ${signed(-reading.exposure.ev)} EV to ${reading.exposure.swatch.name}`);
  return `brandlock balance · ${parts.join(' · ')} → ${reading.preset.name}`;
}

const asPoints = (pairs: [number, number][]): CurvePoint[] => pairs.map(([input, output]) => ({ input, output }));

export async function applyBalanceCorrection(ps: PsHost, reading: BalanceReading, fix: BalanceFix): Promise<{ layerId: number; layerName: string }> {
  if (!fix.fixesCast && !fix.fixesExposure) {
    throw new PanelError('bad-input', `"${reading.document.title}" is already within its targets (${reading.exposure ? `${reading.exposure.swatch.name} swatch, ` : ''}${reading.preset.name}); there is nothing to correct.`);
  }
  const layerName = balanceLayerName(reading, fix);
  return ps.executeAsModal('Balance correction', (ctx) =>
    inHistoryStep(ctx, reading.document.id, 'brandlock: Balance correction', async () => {
      await ps.activateDocument(reading.document.id);
      await readyForBrandLayer(ps, reading.document.id);
      const spec = { red: asPoints(fix.points.r), green: asPoints(fix.points.g), blue: asPoints(fix.points.b) };
      checkResults(await ps.batchPlay([makeCurvesLayer(layerName, spec)]), 'add the Curves correction layer');
      return { layerId: await activeLayerId(ps, reading.document.id), layerName };
    }),
  );
}
