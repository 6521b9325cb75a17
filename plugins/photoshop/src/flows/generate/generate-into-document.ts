/**
 * The Generate tab's flow: read the source from the document (and, for a selection, the selection
 * itself, so the result is masked to what was sent), start a generate job for the SKU (the server
 * resolves the locked recipe), follow it with progress and cancel (Photoshop stays free meanwhile:
 * the modal state is held only to read, to keep the area in the document and to place), then place
 * the result. The area is kept as an alpha channel of the document (keep-job-area.ts) so that a result
 * placed later, from a reopened panel, still goes where it was made for. A document that is
 * another SKU's master is not generated into, nor placed into, without the retoucher's say-so.
 */
import type { BrandlockServer, GeneratedResult, JobProgress } from '../../ports/brandlock-server';
import type { PsHost } from '../../ports/ps-host';
import type { FileSystemPort } from '../../ports/file-system';
import { requireDocument, requireEditableRgb } from '../../errors/document-checks';
import { isPanelError, throwIfAborted } from '../../errors/panel-error';
import { encodePng } from '../../pixels/encode-png';
import type { ProgressState } from '../../ui/widgets/progress';
import { readGenerationSource, type GenerationSource } from './read-generation-source';
import { checkDocumentSku, placeJobResult, type PlacedJob } from './place-job-result';
import { dropJobArea, keepJobArea } from './keep-job-area';

export interface GenerateInput {
  briefId: string;
  sku: string;
  /** The brief row's colourway (a SKU can be briefed in several). */
  colorway?: string;
  view: string;
  source: GenerationSource;
  /** Longest side sent to the server (the recipe's own size is decided there). */
  maxSide?: number;
  /** The SKU the open document is (from its XMP or name); null when it does not say. */
  documentSku: string | null;
  /** The retoucher confirmed this SKU goes into a document of another SKU. */
  allowOtherSku?: boolean;
}

export type GenerateOutcome = PlacedJob;

function describeProgress(p: JobProgress): ProgressState {
  if (p.state === 'queued') return { fraction: null, label: p.message || 'Queued on the server…' };
  if (p.state === 'running') return { fraction: p.fraction, label: p.message || (p.fraction === null ? 'Generating…' : `Generating · ${Math.round(p.fraction * 100)}%`) };
  return { fraction: 1, label: p.message || 'Fetching the result…' };
}

export async function generateIntoDocument(
  ps: PsHost,
  files: FileSystemPort,
  server: BrandlockServer,
  input: GenerateInput,
  options: { signal: AbortSignal; onProgress(p: ProgressState): void; onJob?(jobId: string): void },
): Promise<GenerateOutcome> {
  const doc = requireEditableRgb(requireDocument(await ps.activeDocument(), 'generate into'), 'generate into');
  checkDocumentSku(doc.title, input.documentSku, input.sku, input.allowOtherSku ?? false);
  options.onProgress({ fraction: null, label: `Reading ${input.source} pixels…` });
  const source = await ps.executeAsModal(`Read pixels for ${input.sku}`, async () => readGenerationSource(ps, doc, input.source, input.maxSide ?? 2048));
  throwIfAborted(options.signal, 'Generating');
  options.onProgress({ fraction: null, label: `Uploading ${source.raster.width}×${source.raster.height} px…` });
  const job = await server.startGenerate({ briefId: input.briefId, sku: input.sku, colorway: input.colorway, view: input.view, source: { bytes: encodePng(source.raster), contentType: 'image/png' } });
  options.onJob?.(job.id);
  options.onProgress(describeProgress({ state: job.state, fraction: job.progress, message: job.stage }));
  // Kept in the document so that a later "Place" finds it; not when Cancel was already pressed (the job is cancelled next).
  const channel = options.signal.aborted ? null : await keepJobArea(ps, doc.id, job.id, source);
  let result: GeneratedResult;
  try {
    await server.followJob(job.id, (p) => options.onProgress(describeProgress(p)), options.signal);
    options.onProgress({ fraction: 1, label: 'Fetching the result…' });
    result = await server.jobResult(job.id);
    throwIfAborted(options.signal, 'Generating');
  } catch (e) {
    // A cancelled or failed job has nothing to place; other errors (the server unreachable) leave the job to place later.
    if (channel && isPanelError(e) && (e.code === 'cancelled' || e.code === 'server-error')) await dropJobArea(ps, doc.id, job.id, channel);
    throw e;
  }
  options.onProgress({ fraction: 1, label: 'Placing the result…' });
  return placeJobResult(ps, files, result, {
    documentId: doc.id, documentSku: input.documentSku, allowOtherSku: input.allowOtherSku ?? false, area: { target: source.bounds, mask: source.mask, channel },
  });
}
