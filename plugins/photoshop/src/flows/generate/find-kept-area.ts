/**
 * Where a result placed again from "Jobs for this SKU" goes: the area its job kept in this document
 * (see keep-job-area.ts), with the selection's mask, at its size now (Image Size scales the channel
 * with the image). When that area is not here (another document has it, it was deleted, or the
 * result was placed once already), is empty, or a crop cut it, the result goes into the current
 * selection's bounds, else over the whole document, and the reason says why in plain words. Inside
 * the placement's modal scope and History step, on the active document; the retoucher's selection is
 * left as it was.
 */
import type { Bounds, PsHost, SelectionMask } from '../../ports/ps-host';
import { checkResults } from '../../descriptors/check-results';
import { loadChannelAsSelection } from '../../descriptors/channels';
import { withSelectionRestored } from '../with-selection-restored';
import { findJobAreaChannel, type KeptAreaChannel } from './job-area-name';

export interface KeptArea {
  target: Bounds;
  /** Null when the area is a plain rectangle: a mask would hide nothing. */
  mask: SelectionMask | null;
  /** The job's channel in this document, removed once the result is placed; null when there is none. */
  channel: string | null;
  /** "into the area it was made for (300×400 px at 120, 80)", "into your selection (…)", "over the whole document". */
  where: string;
  /** Why the result does not go into the area it was made for; absent when it does. */
  fallbackReason?: string;
}

const describe = (b: Bounds) => `${b.right - b.left}×${b.bottom - b.top} px at ${b.left}, ${b.top}`;

export async function findKeptArea(ps: PsHost, documentId: number, jobId: string): Promise<KeptArea> {
  const kept = findJobAreaChannel(await ps.alphaChannelNames(documentId), jobId);
  if (!kept) return fallback(ps, documentId, null, await notHereReason(ps, documentId, jobId));
  const read = await withSelectionRestored(ps, documentId, async () => {
    checkResults(await ps.batchPlay([loadChannelAsSelection(kept.name)]), `load the area kept in the channel "${kept.name}"`);
    const bounds = await ps.selectionBounds(documentId);
    return bounds ? ps.getSelectionMask(documentId, { width: bounds.right - bounds.left, height: bounds.bottom - bounds.top }) : null;
  });
  if (!read) return fallback(ps, documentId, kept.name, `The channel "${kept.name}" that kept the area it was made for is empty.`);
  const cut = cutReason(kept, read.bounds);
  if (cut) return fallback(ps, documentId, kept.name, cut);
  return { target: read.bounds, mask: read.mask.some((v) => v < 255) ? read : null, channel: kept.name, where: `into the area it was made for (${describe(read.bounds)})` };
}

/** Image Size keeps the area's proportions; a crop or canvas change that cut it does not. */
function cutReason(kept: KeptAreaChannel, now: Bounds): string | null {
  const width = now.right - now.left;
  const height = now.bottom - now.top;
  const expectedHeight = (width * kept.height) / kept.width;
  if (Math.abs(height - expectedHeight) <= 1.5 + 0.01 * expectedHeight) return null;
  return `The area it was made for no longer fits this document: it was ${kept.width}×${kept.height} px, and a crop or canvas change left ${width}×${height} px of it.`;
}

async function notHereReason(ps: PsHost, documentId: number, jobId: string): Promise<string> {
  for (const doc of await ps.documents()) {
    if (doc.id !== documentId && findJobAreaChannel(await ps.alphaChannelNames(doc.id), jobId)) {
      return `The area it was made for is kept in "${doc.title}", not in this document.`;
    }
  }
  return 'The area it was made for is not in this document: it is removed once the result is placed, and may have been deleted in the Channels panel.';
}

async function fallback(ps: PsHost, documentId: number, channel: string | null, reason: string): Promise<KeptArea> {
  const selected = await ps.selectionBounds(documentId);
  if (selected) return { target: selected, mask: null, channel, where: `into your selection (${describe(selected)})`, fallbackReason: reason };
  const doc = (await ps.documents()).find((d) => d.id === documentId)!;
  return { target: { left: 0, top: 0, right: doc.width, bottom: doc.height }, mask: null, channel, where: 'over the whole document', fallbackReason: reason };
}
