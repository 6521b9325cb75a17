/**
 * Measures exposure and white balance of the active document for Cleanup. Exposure is the garment's
 * colour as QC measures it (core's measureSwatch, over the subject) against the SKU swatch's
 * L*, in EV: a navy shirt on its swatch is on target, not three stops under, and with no swatch
 * there is no exposure verdict at all. The cast is measured over the background against the lighting
 * preset's backdrop colour. The subject is the current selection, or Photoshop's Select Subject run
 * for the measurement and rolled back, so the document is left exactly as it was. Pixels come from a
 * downscaled proxy (Photoshop's pyramid).
 */
import type { LightingPreset } from '@brandlock/core/brand';
import type { TargetSwatch } from '@brandlock/core/brief';
import {
  castCorrection, combineCorrections, exposureCorrection, luminanceOfLightness, measureCast, parseColor, softShoulderCurvePoints,
  type BalanceCorrection, type ColorCast, type CurvePoints, type Lab,
} from '@brandlock/core/color';
import { measureRasterSwatch } from '@brandlock/core/qc';
import type { Raster } from '@brandlock/core/raster';
import type { DocumentInfo, PsHost } from '../../ports/ps-host';
import { requireDocument, requireEditableRgb } from '../../errors/document-checks';
import { PanelError } from '../../errors/panel-error';
import { checkResults } from '../../descriptors/check-results';
import { selectSubject } from '../../descriptors/subject';
import { checkCancel } from '../history-step';
import { selectionOnRaster } from '../../pixels/selection-on-raster';

export const BALANCE_PROXY_SIDE = 1024;

export interface GarmentExposure {
  /** The garment's colour as QC measures it. */
  garment: Lab;
  swatch: TargetSwatch;
  /** Stops from the swatch's lightness: + is brighter than the swatch. */
  ev: number;
  toleranceEv: number;
  /** The largest correction Cleanup proposes; further off is not a lighting problem. */
  maxEv: number;
  verdict: 'under' | 'on-target' | 'over' | 'beyond';
}

export interface BalanceReading {
  document: DocumentInfo;
  preset: LightingPreset;
  subjectFrom: 'selection' | 'select-subject';
  /** Null without a SKU swatch: exposure cannot be judged without knowing how dark the garment should be. */
  exposure: GarmentExposure | null;
  /** Null when too little background was visible to judge a cast. */
  cast: ColorCast | null;
}

export interface BalanceFix {
  correction: BalanceCorrection;
  points: CurvePoints;
  fixesExposure: boolean;
  fixesCast: boolean;
}

export interface MeasureOptions {
  /** The SKU's swatch; exposure is judged only against it. */
  swatch: TargetSwatch | null;
  /** The category's maxEvDeviation: beyond it Cleanup proposes nothing and says why. */
  maxEv: number;
  signal?: AbortSignal;
}

/** EV between two lightnesses, as QC counts them: log2 of the luminance ratio. */
export function evBetween(l: number, targetL: number): number {
  return Math.log2(Math.max(luminanceOfLightness(l), 1e-6) / luminanceOfLightness(targetL));
}

/** The proxy as QC reads it: 8-bit sRGB. */
function to8Bit(raster: Raster): Raster {
  if (raster.depth === 8) return raster;
  const data = new Uint8Array(raster.data.length);
  for (let i = 0; i < data.length; i++) data[i] = Math.round((raster.data[i] * 255) / 65535);
  return { width: raster.width, height: raster.height, depth: 8, data };
}

export async function measureBalance(ps: PsHost, preset: LightingPreset, options: MeasureOptions): Promise<BalanceReading> {
  const doc = requireEditableRgb(requireDocument(await ps.activeDocument(), 'measure'), 'measure');
  return ps.executeAsModal('Measure exposure and white balance', async (ctx) => {
    const side = { width: BALANCE_PROXY_SIDE, height: BALANCE_PROXY_SIDE };
    const { raster } = await ps.getPixels({ documentId: doc.id, depth: doc.bitsPerChannel === 8 ? 8 : 16, targetSize: side });
    checkCancel(ctx, options.signal, 'Measuring');
    let subjectFrom: BalanceReading['subjectFrom'] = 'selection';
    let selection = await ps.getSelectionMask(doc.id, side);
    if (!selection) {
      subjectFrom = 'select-subject';
      const suspension = await ctx.suspendHistory(doc.id, 'brandlock: measure');
      try {
        checkResults(await ps.batchPlay([selectSubject()]), 'find the subject to measure');
        selection = await ps.getSelectionMask(doc.id, side);
      } finally {
        await ctx.resumeHistory(suspension, false);
      }
    }
    checkCancel(ctx, options.signal, 'Measuring');
    const subject = selection ? selectionOnRaster(selection, doc, raster) : null;
    if (!subject || !subject.some((v) => v)) {
      throw new PanelError('bad-input', `Photoshop found no subject in "${doc.title}" to measure.`, 'Select the garment (or the model) yourself, then measure again.');
    }
    const background = subject.map((v) => 1 - v);
    const backdrop = parseColor(preset.background);
    const cast = measureCast(raster, { method: 'neutral-region', mask: background, reference: backdrop.success ? backdrop.lab : undefined });
    let exposure: GarmentExposure | null = null;
    if (options.swatch) {
      // QC's own swatch measure, over the subject Photoshop (or the retoucher) gave.
      const proxy = to8Bit(raster);
      const garment = measureRasterSwatch(proxy, { proxy: { raster: proxy, factor: 1 }, subjectMask: { width: raster.width, height: raster.height, data: subject } });
      if (!garment) {
        throw new PanelError('bad-input', `The subject of "${doc.title}" has no garment pixels to measure.`, 'Check the selection or the layer visibility, then measure again.');
      }
      const ev = evBetween(garment.lab.l, options.swatch.lab.l);
      const toleranceEv = preset.exposure.toleranceEv;
      const verdict = Math.abs(ev) <= toleranceEv ? 'on-target' : Math.abs(ev) > options.maxEv ? 'beyond' : ev < 0 ? 'under' : 'over';
      exposure = { garment: garment.lab, swatch: options.swatch, ev, toleranceEv, maxEv: options.maxEv, verdict };
    }
    return { document: doc, preset, subjectFrom, exposure, cast: cast.success ? cast.cast : null };
  });
}

/**
 * The correction for a reading: exposure (only when it is off but within reach) and/or cast, as
 * linear-light gains and Curves points with a soft shoulder, so nothing that was not white turns white.
 */
export function balanceFix(reading: BalanceReading, options: { exposure: boolean; cast: boolean }): BalanceFix {
  const parts: BalanceCorrection[] = [];
  const e = reading.exposure;
  const fixesExposure = options.exposure && e !== null && (e.verdict === 'under' || e.verdict === 'over');
  const fixesCast = options.cast && reading.cast !== null && reading.cast.direction !== 'neutral';
  if (fixesExposure) parts.push(exposureCorrection(e!));
  if (fixesCast) parts.push(castCorrection(reading.cast!));
  const correction = combineCorrections(...parts);
  return { correction, points: softShoulderCurvePoints(correction, 12), fixesExposure, fixesCast };
}
