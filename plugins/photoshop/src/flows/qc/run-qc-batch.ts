/**
 * QC over every open master or every image in a folder, one progress bar and Cancel: each judged
 * against its own SKU's swatch (from its XMP or name, and the brief). Open documents get the verdict
 * in their XMP; folder files are not changed: their verdict goes into an XMP sidecar beside each
 * (`<name>.xmp`) when the retoucher asks for it, else it is only reported. A document whose SKU
 * cannot be told is reported, not guessed.
 */
import type { BrandLock } from '@brandlock/core/brand';
import type { DocumentInfo, PsHost } from '../../ports/ps-host';
import type { FileSystemPort } from '../../ports/file-system';
import type { ProgressState } from '../../ui/widgets/progress';
import type { Outcome } from '../../ui/widgets/outcome-list';
import type { XmpProperties } from '../../xmp/brandlock-xmp';
import { readDocumentXmp } from '../document-identity/read-document-xmp';
import type { DocumentIdentity } from '../document-identity/document-identity';
import { runBatch, type BatchRun, type BatchScope } from '../batch-scope';
import { judgeDocument } from './run-document-qc';
import { qcTargetFor } from './qc-target';
import { failingFindings } from '@brandlock/core/qc';
import { findingTitle, measuredText } from './describe-finding';
import { writeXmpSidecar } from './write-xmp-sidecar';
import { toPanelError } from '../../errors/host-error';

export interface QcBatchOutcome extends Outcome {
  verdict?: 'pass' | 'flag' | 'reject';
}

export async function runQcBatch(
  ps: PsHost,
  files: FileSystemPort,
  lock: BrandLock,
  scope: BatchScope,
  identify: (doc: DocumentInfo, xmp: XmpProperties) => DocumentIdentity,
  options: { by: string; lockHash: string; signal: AbortSignal; onProgress(p: ProgressState): void; /** Folder files: write each verdict into an XMP sidecar beside the file. */ sidecars?: boolean },
): Promise<BatchRun<QcBatchOutcome>> {
  const sidecars = new Map<string, string>();
  return runBatch<QcBatchOutcome>(ps, files, 'QC', scope, async ({ doc, fromFolder }, ctx) => {
    const target = qcTargetFor(identify(doc, await readDocumentXmp(ps, doc.id)), lock, doc.title);
    if (!target.success) return { name: doc.title, status: 'failed', message: `${target.message} Name it after its SKU, or run QC on it alone from the QC tab.` };
    const result = await judgeDocument(ps, lock, doc, { ...target.target, by: options.by, lockHash: options.lockHash, record: !fromFolder, signal: options.signal }, ctx);
    const failing = failingFindings(result.findings).map((f) => `${findingTitle(f)} ${measuredText(f)}`);
    const as = `as ${target.target.sku ?? target.target.colorway} (${target.target.swatch.name})`;
    let written = result.recorded ? '' : ` (not written: ${result.recordError})`;
    if (fromFolder && scope.kind === 'folder') {
      if (!options.sidecars) written = ' (file not changed; no XMP written)';
      else {
        written = await writeXmpSidecar(files, scope.folder, doc.title, result.xmpRecord, sidecars).then(
          (name) => ` · XMP in ${name} (file not changed)`,
          (e: unknown) => ` (file not changed; sidecar not written: ${toPanelError(e, 'write the XMP sidecar').message})`,
        );
      }
    }
    return { name: doc.title, status: 'done', verdict: result.verdict, message: `${result.verdict.toUpperCase()} ${as}${failing.length ? ` · ${failing.join(' · ')}` : ''}${written}` };
  }, { ...options, verb: 'check' });
}
