/**
 * The Generate tab's flow: read the source from the document, send it to the server as a generate
 * job for the SKU (the server resolves the locked recipe), wait with progress and cancel (Photoshop
 * stays free meanwhile: the modal state is held only to read and to place), then place the result.
 */
import type { BrandlockServer, JobProgress } from '../../ports/brandlock-server';
import type { PsHost } from '../../ports/ps-host';
import type { FileSystemPort } from '../../ports/file-system';
import { requireDocument, requireEditableRgb } from '../../errors/document-checks';
import { PanelError, throwIfAborted } from '../../errors/panel-error';
import { encodePng } from '../../pixels/encode-png';
import type { ProgressState } from '../../ui/widgets/progress';
import { readGenerationSource, type GenerationSource } from './read-generation-source';
import { productionRecordXmp } from './production-record-xmp';
import { placeGeneratedResult } from './place-generated-result';

export interface GenerateInput {
  briefId: string;
  sku: string;
  view: string;
  source: GenerationSource;
  /** Longest side sent to the server (the recipe's own size is decided there). */
  maxSide?: number;
}

export interface GenerateOutcome {
  /** What the server's provider said about the result (the local provider says it is not generative). */
  note: string | null;
  documentTitle: string;
  layerId: number;
  layerName: string;
  jobId: string;
}

/** "NF-1001 front · job 7f3a9c21": what the generated layer is called. */
export function generatedLayerName(sku: string, view: string, jobId: string): string {
  return `${sku} ${view} · job ${jobId.replace(/^job[_-]?/, '').slice(0, 8)}`;
}

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
  options: { signal: AbortSignal; onProgress(p: ProgressState): void },
): Promise<GenerateOutcome> {
  const doc = requireEditableRgb(requireDocument(await ps.activeDocument(), 'generate into'), 'generate into');
  options.onProgress({ fraction: null, label: `Reading ${input.source} pixels…` });
  const source = await ps.executeAsModal(`Read pixels for ${input.sku}`, async () => readGenerationSource(ps, doc, input.source, input.maxSide ?? 2048));
  throwIfAborted(options.signal, 'Generating');
  options.onProgress({ fraction: null, label: `Uploading ${source.raster.width}×${source.raster.height} px…` });
  const result = await server.generate(
    { briefId: input.briefId, sku: input.sku, view: input.view, source: { bytes: encodePng(source.raster), contentType: 'image/png' } },
    (p) => options.onProgress(describeProgress(p)),
    options.signal,
  );
  throwIfAborted(options.signal, 'Generating');
  if (!(await ps.documents()).some((d) => d.id === doc.id)) {
    throw new PanelError('no-document', `"${doc.title}" was closed while job ${result.jobId} ran; the result was not placed.`, 'Open the document again and use the job id to fetch the result from the server.');
  }
  const ext = result.contentType === 'image/jpeg' ? 'jpg' : result.contentType === 'image/webp' ? 'webp' : 'png';
  const file = await files.writeTempFile(`${input.sku.replace(/[^\w.-]+/g, '_')}-${result.jobId.slice(0, 12)}.${ext}`, result.bytes);
  const layerName = generatedLayerName(input.sku, input.view, result.jobId);
  options.onProgress({ fraction: 1, label: 'Placing the result…' });
  const layerId = await ps.executeAsModal(`Place ${input.sku}`, (ctx) =>
    placeGeneratedResult(ps, ctx, {
      documentId: doc.id,
      file,
      layerName,
      target: source.bounds,
      maskToSelection: input.source === 'selection',
      xmp: productionRecordXmp(result.record),
      historyName: `brandlock: ${layerName}`,
    }),
  );
  return { note: result.note, documentTitle: doc.title, layerId, layerName, jobId: result.jobId };
}
