/**
 * Export over every open master or every image in a folder, one progress bar and Cancel: each master
 * exported as its own SKU and view (from its XMP or name, and the brief), only past QC: a reject or an
 * unjudged master is skipped with the reason, a flagged one only when the retoucher chose to include
 * flagged masters before starting. One whose view nothing states, when its SKU is shot in several, is
 * skipped too: named by a guessed view, its files could take the real view's names in the DAM. A
 * folder file's verdict is read from its XMP sidecar (`<name>.xmp`, what QC on a folder writes,
 * leaving the image unchanged) when that is newer than the file's own.
 */
import type { BrandLock } from '@brandlock/core/brand';
import type { ChannelSpec } from '@brandlock/core/channels';
import type { DocumentInfo, PsHost } from '../../ports/ps-host';
import type { FileSystemPort, FolderRef } from '../../ports/file-system';
import { isPanelError } from '../../errors/panel-error';
import type { ProgressState } from '../../ui/widgets/progress';
import { summarise, type Outcome } from '../../ui/widgets/outcome-list';
import type { XmpProperties } from '../../xmp/brandlock-xmp';
import { readDocumentXmp } from '../document-identity/read-document-xmp';
import type { DocumentIdentity } from '../document-identity/document-identity';
import { unstatedViewReason } from '../document-identity/document-view';
import { runBatch, type BatchRun, type BatchScope } from '../batch-scope';
import { checkExportGate } from './export-gate';
import { requireUnchangedSinceQc } from '../qc/qc-pixels';
import { exportMaster } from './export-variants-locally';
import { readBrandlockXmp } from '../../xmp/brandlock-xmp';
import { sidecarName } from '../qc/write-xmp-sidecar';

/** Reads the brandlock properties of a folder file's XMP sidecar ({} when it has none); the folder is listed once. */
function sidecarReader(files: FileSystemPort, folder: FolderRef): (fileName: string) => Promise<XmpProperties> {
  let listed: ReturnType<FileSystemPort['listFiles']> | null = null;
  return async (fileName) => {
    listed ??= files.listFiles(folder);
    const entry = (await listed).find((f) => f.name === sidecarName(fileName));
    return entry ? readBrandlockXmp(new TextDecoder().decode(await files.readFile(entry))) : {};
  };
}

/** The properties holding the later QC verdict: the sidecar's when the file's own has none or an older one. */
function newerVerdict(own: XmpProperties, sidecar: XmpProperties): XmpProperties {
  if (!sidecar.qcVerdict) return own;
  if (!own.qcVerdict || (sidecar.qcAt ?? '') > (own.qcAt ?? '')) return { ...own, ...sidecar };
  return own;
}

export interface ExportBatchRequest {
  channels: ChannelSpec[];
  folder: FolderRef;
  /** Export masters QC flagged too (asked once, before the batch). */
  includeFlagged: boolean;
}

export async function exportBatch(
  ps: PsHost,
  files: FileSystemPort,
  lock: BrandLock,
  lockHash: string,
  scope: BatchScope,
  identify: (doc: DocumentInfo, xmp: XmpProperties) => DocumentIdentity,
  request: ExportBatchRequest,
  options: { signal: AbortSignal; onProgress(p: ProgressState): void },
): Promise<BatchRun> {
  const sidecar = scope.kind === 'folder' ? sidecarReader(files, scope.folder) : null;
  return runBatch<Outcome>(ps, files, 'Export', scope, async ({ doc, fromFolder }, ctx) => {
    const own = await readDocumentXmp(ps, doc.id);
    const xmp = fromFolder && sidecar ? newerVerdict(own, await sidecar(doc.title)) : own;
    const id = identify(doc, xmp);
    if (!id.sku) return { name: doc.title, status: 'skipped', message: 'Not exported: brandlock cannot tell which SKU it is. Name it after its SKU.' };
    // Files named for one SKU and recorded as another would be delivered under the wrong SKU's names.
    if (id.nameSays) return { name: doc.title, status: 'skipped', message: `Not exported: its file name says ${id.nameSays} but its metadata says ${id.sku}. Open it, choose which SKU it is and run QC, or rename it.` };
    if (!id.view) {
      const why = unstatedViewReason(id) ?? '';
      return { name: doc.title, status: 'skipped', message: `Not exported: ${why.charAt(0).toLowerCase()}${why.slice(1)} Open it and choose its view on the Export tab, or put the view in its name.` };
    }
    try {
      checkExportGate({ title: doc.title, sku: id.sku, xmp, acceptFlag: request.includeFlagged });
      await requireUnchangedSinceQc(ps, doc, xmp);
    } catch (e) {
      if (isPanelError(e)) return { name: doc.title, status: 'skipped', message: `Not exported: ${e.message}` };
      throw e;
    }
    const quiet = { signal: options.signal, onProgress: () => undefined };
    const { outcomes } = await exportMaster(ps, files, lock, lockHash, doc, {
      sku: id.sku, colorway: id.colorway ?? undefined, view: id.view, category: id.category ?? undefined, channels: request.channels, folder: request.folder,
    }, ctx, quiet);
    const failed = outcomes.filter((o) => o.status === 'failed');
    return { name: doc.title, status: failed.length && failed.length === outcomes.length ? 'failed' : 'done', message: `${id.sku}: ${summarise(outcomes)}${failed.length ? ` · ${failed[0].message}` : ''}` };
  }, { ...options, verb: 'export' });
}
