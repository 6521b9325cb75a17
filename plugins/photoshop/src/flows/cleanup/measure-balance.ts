/**
 * Measures exposure and white balance of the active document against a lighting preset of the lock:
 * exposure over the subject (mean L* against the preset's target, in EV), the cast over the
 * background (against the preset's backdrop colour, in ΔE00 with a direction). The subject is the
 * current selection, or Photoshop's Select Subject run for the measurement and rolled back, so the
 * document is left exactly as it was. Pixels come from a downscaled proxy (Photoshop's pyramid).
 */
import type { LightingPreset } from '@brandlock/core/brand';
import {
  castCorrection, combineCorrections, curvePoints, exposureCorrection, measureCast, measureExposure, parseColor,
  type BalanceCorrection, type ColorCast, type CurvePoints, type ExposureMeasure,
} from '@brandlock/core/color';
import type { DocumentInfo, PsHost } from '../../ports/ps-host';
import { requireDocument, requireEditableRgb } from '../../errors/document-checks';
import { PanelError } from '../../errors/panel-error';
import { checkResults } from '../../descriptors/check-results';
import { selectSubject } from '../../descriptors/subject';

export const BALANCE_PROXY_SIDE = 1024;

export interface BalanceReading {
  document: DocumentInfo;
  preset: LightingPreset;
  subjectFrom: 'selection' | 'select-subject';
  exposure: ExposureMeasure;
  /** Null when too little background was visible to judge a cast. */
  cast: ColorCast | null;
}

export interface BalanceFix {
  correction: BalanceCorrection;
  points: CurvePoints;
  fixesExposure: boolean;
  fixesCast: boolean;
}

function resizeMask(mask: Uint8Array, w: number, h: number, width: number, height: number): Uint8Array {
  if (w === width && h === height) return mask;
  const out = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) {
    const sy = Math.min(h - 1, Math.floor(((y + 0.5) * h) / height));
    for (let x = 0; x < width; x++) out[y * width + x] = mask[sy * w + Math.min(w - 1, Math.floor(((x + 0.5) * w) / width))];
  }
  return out;
}

export async function measureBalance(ps: PsHost, preset: LightingPreset): Promise<BalanceReading> {
  const doc = requireEditableRgb(requireDocument(await ps.activeDocument(), 'measure'), 'measure');
  return ps.executeAsModal('Measure exposure and white balance', async (ctx) => {
    const side = { width: BALANCE_PROXY_SIDE, height: BALANCE_PROXY_SIDE };
    const { raster } = await ps.getPixels({ documentId: doc.id, depth: doc.bitsPerChannel === 8 ? 8 : 16, targetSize: side });
    const size = { width: raster.width, height: raster.height };
    let subjectFrom: BalanceReading['subjectFrom'] = 'selection';
    let selection = await ps.getSelectionMask(doc.id, size);
    if (!selection) {
      subjectFrom = 'select-subject';
      const suspension = await ctx.suspendHistory(doc.id, 'brandlock: measure');
      try {
        checkResults(await ps.batchPlay([selectSubject()]), 'find the subject to measure');
        selection = await ps.getSelectionMask(doc.id, size);
      } finally {
        await ctx.resumeHistory(suspension, false);
      }
    }
    if (!selection) {
      throw new PanelError('bad-input', `Photoshop found no subject in "${doc.title}" to measure exposure on.`, 'Select the garment (or the model) yourself, then measure again.');
    }
    const inside = resizeMask(selection.mask, selection.width, selection.height, size.width, size.height);
    const subject = inside.map((v) => (v >= 128 ? 1 : 0));
    const background = subject.map((v) => 1 - v);
    const exposure = measureExposure(raster, { targetL: preset.exposure.targetL, toleranceEv: preset.exposure.toleranceEv, mask: subject });
    if (!exposure.success) {
      throw new PanelError('bad-input', `The subject of "${doc.title}" has no opaque pixels to measure.`, 'Check the selection or the layer visibility, then measure again.');
    }
    const backdrop = parseColor(preset.background);
    const cast = measureCast(raster, { method: 'neutral-region', mask: background, reference: backdrop.success ? backdrop.lab : undefined });
    return { document: doc, preset, subjectFrom, exposure: exposure.exposure, cast: cast.success ? cast.cast : null };
  });
}

/** The correction for a reading: exposure and/or cast, as gains and Curves control points. */
export function balanceFix(reading: BalanceReading, options: { exposure: boolean; cast: boolean }): BalanceFix {
  const parts: BalanceCorrection[] = [];
  const fixesExposure = options.exposure && reading.exposure.verdict !== 'on-target';
  const fixesCast = options.cast && reading.cast !== null && reading.cast.direction !== 'neutral';
  if (fixesExposure) parts.push(exposureCorrection(reading.exposure));
  if (fixesCast) parts.push(castCorrection(reading.cast!));
  const correction = combineCorrections(...parts);
  return { correction, points: curvePoints(correction, 9), fixesExposure, fixesCast };
}
