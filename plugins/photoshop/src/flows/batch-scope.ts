/**
 * Runs one step over every open document or every image in a folder, in one modal scope with one
 * progress bar and Cancel: folder files are opened without dialogs and closed after, without saving
 * (the originals are never changed). A document that fails is reported with why, and the rest go on;
 * Cancel stops before the next one and says which were not reached.
 */
import type { DocumentInfo, ModalContext, PsHost } from '../ports/ps-host';
import type { FileSystemPort, FolderRef } from '../ports/file-system';
import { PanelError, isCancelled } from '../errors/panel-error';
import { toPanelError } from '../errors/host-error';
import type { ProgressState } from '../ui/widgets/progress';
import type { Outcome } from '../ui/widgets/outcome-list';
import { isImageFile } from './lut/apply-brand-lut';

export type BatchScope = { kind: 'open' } | { kind: 'folder'; folder: FolderRef };

export interface BatchItem {
  doc: DocumentInfo;
  /** True for a file the batch opened itself (read-only: it is closed without saving). */
  fromFolder: boolean;
}

export interface BatchRun<O extends Outcome = Outcome> {
  outcomes: O[];
  cancelled: boolean;
}

export async function runBatch<O extends Outcome>(
  ps: PsHost,
  files: FileSystemPort,
  commandName: string,
  scope: BatchScope | { kind: 'active' },
  step: (item: BatchItem, ctx: ModalContext) => Promise<O>,
  options: { signal: AbortSignal; onProgress(p: ProgressState): void; verb?: string },
): Promise<BatchRun<O>> {
  const outcomes: (O | Outcome)[] = [];
  let cancelled = false;
  const active = await ps.activeDocument();
  await ps.executeAsModal(commandName, async (ctx) => {
    const work: { name: string; open(): Promise<BatchItem> }[] = [];
    if (scope.kind === 'active') {
      const doc = await ps.activeDocument();
      if (!doc) throw new PanelError('no-document', 'No document is open.', 'Open a product image in Photoshop, then try again.');
      work.push({ name: doc.title, open: async () => ({ doc, fromFolder: false }) });
    } else if (scope.kind === 'open') {
      const docs = await ps.documents();
      if (!docs.length) throw new PanelError('no-document', 'No document is open.', 'Open the masters in Photoshop, or choose a folder.');
      for (const doc of docs) work.push({ name: doc.title, open: async () => ({ doc, fromFolder: false }) });
    } else {
      const images = (await files.listFiles(scope.folder)).filter((f) => isImageFile(f.name));
      if (!images.length) throw new PanelError('bad-input', `"${scope.folder.name}" has no images brandlock can open (JPEG, PNG, TIFF, PSD, WebP).`);
      for (const file of images) {
        work.push({
          name: file.name,
          open: async () => {
            // Nobody is there to answer a profile-mismatch or Camera Raw dialog.
            const doc = await ps.openDocument(file, { dialogs: 'suppress' });
            await ctx.registerAutoCloseDocument(doc.id);
            return { doc, fromFolder: true };
          },
        });
      }
    }
    for (let i = 0; i < work.length; i++) {
      if (ctx.isCancelled || options.signal.aborted) {
        cancelled = true;
        for (const rest of work.slice(i)) outcomes.push({ name: rest.name, status: 'skipped', message: 'Not reached: cancelled.' });
        break;
      }
      options.onProgress({ fraction: i / work.length, label: `${i + 1} of ${work.length} · ${work[i].name}` });
      ctx.reportProgress(i / work.length, `brandlock: ${work[i].name}`);
      let opened: BatchItem | null = null;
      try {
        opened = await work[i].open();
        outcomes.push(await step(opened, ctx));
      } catch (e) {
        const err = toPanelError(e, `${options.verb ?? 'work on'} "${work[i].name}"`);
        if (isCancelled(err)) {
          cancelled = true;
          outcomes.push({ name: work[i].name, status: 'skipped', message: 'Cancelled; left as it was.' });
          for (const rest of work.slice(i + 1)) outcomes.push({ name: rest.name, status: 'skipped', message: 'Not reached: cancelled.' });
          break;
        }
        outcomes.push({ name: work[i].name, status: 'failed', message: err.message });
      } finally {
        if (opened?.fromFolder) await ps.closeDocument(opened.doc.id).catch(() => undefined);
      }
    }
    if (active) await ps.activateDocument(active.id).catch(() => undefined);
    options.onProgress({ fraction: 1, label: cancelled ? 'Cancelled' : `Done: ${work.length} of ${work.length}` });
  });
  return { outcomes: outcomes as O[], cancelled };
}
