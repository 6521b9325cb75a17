/**
 * Opens a finished video job in Photoshop: the clip is written to the plugin's data folder (not the
 * temporary one: a video layer reads its frames from the file it was opened from, so the file must
 * stay) under a name that says SKU, view and job, and opened as its own document, which Photoshop
 * makes with one video layer of the clip's size. The job's production record goes into the
 * document's XMP, as a placed still's goes into its layer, so a PSD saved from it still says which
 * lock, provider, model and seed made it. The panel shows the clip's frame-level QC beside it.
 */
import type { VideoResult } from '../../ports/brandlock-server';
import type { DocumentInfo, PsHost } from '../../ports/ps-host';
import type { FileSystemPort } from '../../ports/file-system';
import { PanelError, isCancelled } from '../../errors/panel-error';
import { toPanelError } from '../../errors/host-error';
import { checkResults } from '../../descriptors/check-results';
import { getXmp, setXmp, xmpFromResult } from '../../descriptors/xmp';
import { writeBrandlockXmp } from '../../xmp/brandlock-xmp';
import { productionRecordXmp } from '../generate/production-record-xmp';
import { shortJobId } from '../short-job-id';

export interface OpenedVideo {
  document: DocumentInfo;
  layerId: number;
  /** Where the clip is kept; the video layer reads it from there. */
  path: string;
  /** Set when the document is open but its production record could not be written into its metadata. */
  recordWarning: string | null;
}

const safe = (s: string) => s.replace(/[^\w.-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60);

/** "NF-JR-3005_front_loop-7f3a9c21.mp4" */
export function videoFileName(result: Pick<VideoResult, 'sku' | 'view' | 'jobId'>): string {
  const parts = [result.sku, result.view].filter((p): p is string => Boolean(p)).map(safe);
  return `${[...parts, `loop-${safe(shortJobId(result.jobId))}`].join('_')}.mp4`;
}

export async function openVideoJob(ps: PsHost, files: FileSystemPort, result: VideoResult): Promise<OpenedVideo> {
  if (result.contentType !== 'video/mp4') {
    throw new PanelError('bad-input', `Job ${shortJobId(result.jobId)} returned ${result.contentType}, and brandlock opens MP4 clips only.`);
  }
  const file = await files.writeKeptFile('videos', videoFileName(result), result.bytes);
  return ps.executeAsModal(`Open ${result.sku ?? 'the'} video loop`, async () => {
    const document = await ps.openDocument(file, { dialogs: 'suppress' });
    const video = (await ps.layers(document.id)).find((l) => l.kind === 'video');
    if (!video) {
      throw new PanelError('host-command-failed', `Photoshop opened ${file.name} without a video layer, so it cannot play the clip.`, 'Check that this Photoshop can open MP4 (H.264) video: File > Open the file shown in the panel.');
    }
    let recordWarning: string | null = null;
    try {
      const [current] = await ps.batchPlay([getXmp({ documentId: document.id })]);
      const packet = writeBrandlockXmp(xmpFromResult(current, { documentId: document.id }), productionRecordXmp(result.record));
      checkResults(await ps.batchPlay([setXmp({ documentId: document.id }, packet)]), "write the production record into the document's metadata");
    } catch (e) {
      const err = toPanelError(e, "write the production record into the document's metadata");
      if (isCancelled(err) || err.code === 'modal-busy') throw err;
      recordWarning = err.message;
    }
    return { document, layerId: video.id, path: file.path, recordWarning };
  });
}
