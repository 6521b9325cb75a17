/**
 * Places a finished generate job into an open document, now or later (a panel reopened after the job
 * ended offers its result): written to a temporary file, placed in one History step, the file removed
 * afterwards. The document the retoucher is working in stays the active one. A result whose SKU is not
 * the document's (by its XMP or name) is placed only once the retoucher confirms.
 */
import type { GeneratedResult } from '../../ports/brandlock-server';
import type { PsHost } from '../../ports/ps-host';
import type { FileSystemPort } from '../../ports/file-system';
import { PanelError } from '../../errors/panel-error';
import { placeGeneratedResult, type PlacementRequest } from './place-generated-result';
import { inDocument } from '../in-document';
import { findKeptArea, type KeptArea } from './find-kept-area';
import { shortJobId } from '../short-job-id';
import { productionRecordXmp } from './production-record-xmp';

export interface PlaceRequest {
  documentId: number;
  documentSku: string | null;
  allowOtherSku: boolean;
  /** Where the result goes (the area its source came from, or how to find it); the whole document when absent. */
  area?: PlacementRequest['area'];
}

export interface PlacedJob {
  note: string | null;
  documentTitle: string;
  layerId: number;
  layerName: string;
  jobId: string;
  /** Set when the layer is placed but its production record could not be written into its metadata. */
  recordWarning: string | null;
  /** Where a result placed again from the job list went: into the area it was made for, the selection, or over the whole document. */
  where?: string;
  /** Why a result placed again did not go into the area it was made for. */
  fallbackReason?: string;
}

/** "NF-1001 front · job 7f3a9c21": what the generated layer is called. */
export function generatedLayerName(sku: string, view: string, jobId: string): string {
  return `${sku} ${view} · job ${shortJobId(jobId)}`;
}

/** Throws needs-confirmation when a document known to be one SKU's master is about to get another SKU. */
export function checkDocumentSku(title: string, documentSku: string | null, jobSku: string, allowOtherSku: boolean): void {
  if (!documentSku || allowOtherSku || documentSku.toLowerCase() === jobSku.toLowerCase()) return;
  throw new PanelError('needs-confirmation', `"${title}" is ${documentSku}'s master, and this is ${jobSku}. Put ${jobSku} into it anyway?`, `Or open ${jobSku}'s master and generate there.`);
}

export async function placeJobResult(ps: PsHost, files: FileSystemPort, result: GeneratedResult, req: PlaceRequest): Promise<PlacedJob> {
  const doc = (await ps.documents()).find((d) => d.id === req.documentId);
  const sku = result.record.sku ?? 'SKU';
  const view = result.record.view ?? '';
  if (!doc) {
    throw new PanelError('no-document', `The document was closed while job ${shortJobId(result.jobId)} ran; the result was not placed.`, 'Open the master again: the Generate tab lists the job under "Jobs for this SKU" with Place.');
  }
  checkDocumentSku(doc.title, req.documentSku, sku, req.allowOtherSku);
  const ext = result.contentType === 'image/jpeg' ? 'jpg' : result.contentType === 'image/webp' ? 'webp' : 'png';
  const file = await files.writeTempFile(`${sku.replace(/[^\w.-]+/g, '_')}-${shortJobId(result.jobId)}.${ext}`, result.bytes);
  const layerName = generatedLayerName(sku, view, result.jobId);
  try {
    // Placing needs the document active; the retoucher may have moved on to another meanwhile.
    const placed = await ps.executeAsModal(`Place ${sku}`, (ctx) =>
      inDocument(ps, doc.id, () =>
        placeGeneratedResult(ps, ctx, {
          documentId: doc.id, file, layerName, area: req.area ?? { target: { left: 0, top: 0, right: doc.width, bottom: doc.height }, mask: null },
          xmp: productionRecordXmp(result.record), historyName: `brandlock: ${layerName}`,
        }),
      ),
    );
    return { note: result.note, documentTitle: doc.title, layerId: placed.layerId, layerName, jobId: result.jobId, recordWarning: placed.recordWarning };
  } finally {
    await files.removeFile(file);
  }
}

/**
 * A finished job placed again from "Jobs for this SKU" (after a failed placement, or once the panel was
 * closed while it ran): into the area its job kept in this document, with its mask; without that area,
 * into the current selection's bounds, else over the whole document, saying why (find-kept-area.ts).
 */
export async function placeJobResultAgain(ps: PsHost, files: FileSystemPort, result: GeneratedResult, req: Omit<PlaceRequest, 'area'>): Promise<PlacedJob> {
  // Found inside the placement's History step (it loads the channel as the selection), read back here.
  const kept: { area?: KeptArea } = {};
  const placed = await placeJobResult(ps, files, result, { ...req, area: async () => (kept.area = await findKeptArea(ps, req.documentId, result.jobId)) });
  const { where, fallbackReason } = kept.area!;
  return { ...placed, where, ...(fallbackReason ? { fallbackReason } : {}) };
}
