/**
 * Where the garment is in a master, for planning its channel crops: the selection when there is one
 * (the retoucher said so), else core's estimate on a 512 px proxy. A selection QC made to show a
 * finding is not a framing of the garment and is passed over (`ignored`), and so is a selection that
 * leaves out most of a garment core finds clearly (on a studio backdrop or by transparency): a marquee
 * left from healing or from Generate would otherwise frame every channel on a corner of the shot.
 */
import { estimateSubject, scaleBoxToImage, type Box } from '@brandlock/core/channels';
import { boxCoverage } from '@brandlock/core/raster';
import type { PsHost } from '../../ports/ps-host';
import { isFindingSelection } from '../qc/finding-selections';

/** A selection covering less than this share of a clearly found garment is not taken as its framing. */
const MIN_GARMENT_COVERED = 0.5;

export interface MasterSubject {
  box: Box;
  from: 'selection' | 'estimate';
  ignored?: 'finding-selection' | 'partial-selection';
  /** For a partial selection: the share of the garment it covered. */
  covered?: number;
}

export async function masterSubjectBox(ps: PsHost, documentId: number, size: { width: number; height: number }): Promise<MasterSubject> {
  const selected = await ps.selectionBounds(documentId);
  const findingSelection = selected !== null && isFindingSelection(documentId, selected);
  const { raster } = await ps.getPixels({ documentId, depth: 8, targetSize: { width: 512, height: 512 } });
  const estimate = estimateSubject(raster);
  const found = scaleBoxToImage(estimate.box, raster, size);
  if (selected && !findingSelection) {
    const box = { x: selected.left, y: selected.top, width: selected.right - selected.left, height: selected.bottom - selected.top };
    const clear = estimate.method === 'alpha' || estimate.method === 'background';
    const covered = boxCoverage(found, box);
    if (!clear || covered >= MIN_GARMENT_COVERED) return { box, from: 'selection' };
    return { box: found, from: 'estimate', ignored: 'partial-selection', covered };
  }
  return { box: found, from: 'estimate', ...(findingSelection ? { ignored: 'finding-selection' as const } : {}) };
}
