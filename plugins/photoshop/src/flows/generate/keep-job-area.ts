/**
 * Keeps the area a generate job was made from in its own document, as an alpha channel named after
 * the job, until its result is placed: a panel reopened later, or Photoshop restarted with the master
 * saved as PSD or TIFF (both keep alpha channels), finds it there, and no other document has it. The
 * selection itself (with its soft edges) for a selection job, the rectangle for a layer or the whole
 * document. One History step; the retoucher's own selection is given back.
 */
import type { Bounds, PsHost, SelectionMask } from '../../ports/ps-host';
import { checkResults } from '../../descriptors/check-results';
import { deleteChannel, saveSelectionAsChannel } from '../../descriptors/channels';
import { selectRectangle } from '../../descriptors/layers';
import { inHistoryStep } from '../history-step';
import { inDocument } from '../in-document';
import { withSelectionRestored } from '../with-selection-restored';
import { jobAreaChannelName } from './job-area-name';
import { shortJobId } from '../short-job-id';

export interface JobArea {
  bounds: Bounds;
  /** The selection that was sent, at document resolution; null for a layer or document source. */
  mask: SelectionMask | null;
}

/**
 * The channel's name, or null when Photoshop refused (busy with another plugin, or the document has
 * its 56 channels): the run goes on, since its own placement still has the area in memory.
 */
export async function keepJobArea(ps: PsHost, documentId: number, jobId: string, area: JobArea): Promise<string | null> {
  const name = jobAreaChannelName(jobId, { width: area.bounds.right - area.bounds.left, height: area.bounds.bottom - area.bounds.top });
  try {
    await ps.executeAsModal(`Keep the area for job ${shortJobId(jobId)}`, (ctx) =>
      inDocument(ps, documentId, () =>
        inHistoryStep(ctx, documentId, `brandlock: keep the area for job ${shortJobId(jobId)}`, () =>
          withSelectionRestored(ps, documentId, async () => {
            if (area.mask) await ps.setSelection(documentId, area.mask);
            else checkResults(await ps.batchPlay([selectRectangle(area.bounds)]), 'select the area the job was made from');
            checkResults(await ps.batchPlay([saveSelectionAsChannel(name)]), 'keep the area in a channel');
          }),
        ),
      ),
    );
    return name;
  } catch {
    return null;
  }
}

/** Removes a kept area whose job will never be placed (cancelled, failed); a refusal leaves the channel for the retoucher to delete. */
export async function dropJobArea(ps: PsHost, documentId: number, jobId: string, channel: string): Promise<void> {
  await ps.executeAsModal(`Remove the area of job ${shortJobId(jobId)}`, (ctx) =>
    inDocument(ps, documentId, () =>
      inHistoryStep(ctx, documentId, `brandlock: remove the area of job ${shortJobId(jobId)}`, async () => {
        checkResults(await ps.batchPlay([deleteChannel(channel)]), 'remove the kept area');
      }),
    ),
  ).catch(() => undefined);
}
