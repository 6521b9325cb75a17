/**
 * The LUT tab's batch: the brand LUT on the active document, on every open document, or on every
 * image in a folder (opened, graded, saved as a copy in a subfolder, closed). One modal scope with
 * Photoshop's progress bar; a document that fails (CMYK, unreadable, a name already taken) is
 * reported and skipped, and the rest go on. Cancel stops before the next document; the document in
 * hand is rolled back by its History step.
 */
import type { FileRef, ModalContext, PsHost, SaveFormat } from '../../ports/ps-host';
import type { FileSystemPort, FolderRef } from '../../ports/file-system';
import { PanelError, isCancelled } from '../../errors/panel-error';
import { requireDocument } from '../../errors/document-checks';
import { toPanelError } from '../../errors/host-error';
import type { ProgressState } from '../../ui/widgets/progress';
import type { BrandLut } from './brand-lut';
import { applyLutToDocument } from './apply-lut-to-document';

export type LutScope = { kind: 'active' } | { kind: 'open' } | { kind: 'folder'; folder: FolderRef };

export interface LutOutcome {
  name: string;
  status: 'done' | 'failed' | 'skipped';
  message: string;
  /** The copy written, for folder runs. */
  output?: string;
}

export interface LutRunResult {
  outcomes: LutOutcome[];
  cancelled: boolean;
  outputFolder: FolderRef | null;
}

const IMAGE_EXTENSIONS = ['jpg', 'jpeg', 'png', 'tif', 'tiff', 'psd', 'webp'];

/**
 * Copies keep the source's format: JPEG at quality 95, PNG, TIFF, PSD, and WebP, which Photoshop
 * saves since 23.2 (through batchPlay's WebPFormat).
 */
export function copyFormat(fileName: string): SaveFormat {
  const ext = fileName.split('.').pop()!.toLowerCase();
  if (ext === 'png') return { format: 'png' };
  if (ext === 'tif' || ext === 'tiff') return { format: 'tiff' };
  if (ext === 'psd') return { format: 'psd' };
  if (ext === 'webp') return { format: 'webp', quality: 95 };
  return { format: 'jpeg', quality: 95 };
}

export function isImageFile(name: string): boolean {
  return !name.startsWith('.') && IMAGE_EXTENSIONS.includes(name.split('.').pop()!.toLowerCase());
}

/** The output subfolder for a LUT run over a folder. */
export function lutOutputFolderName(lut: BrandLut): string {
  return `brandlock-${lut.lutId}`;
}

export async function applyBrandLut(
  ps: PsHost,
  files: FileSystemPort,
  lut: BrandLut,
  scope: LutScope,
  options: { bake: boolean; signal: AbortSignal; onProgress(p: ProgressState): void },
): Promise<LutRunResult> {
  const outcomes: LutOutcome[] = [];
  let outputFolder: FolderRef | null = null;
  let work: { name: string; run(): Promise<string | undefined> }[] = [];

  await ps.executeAsModal(`Apply ${lut.name}`, async (ctx) => {
    if (scope.kind === 'active') {
      const doc = requireDocument(await ps.activeDocument(), 'apply the LUT to');
      work = [{ name: doc.title, run: async () => void (await applyLutToDocument(ps, ctx, doc.id, lut, options)) }];
    } else if (scope.kind === 'open') {
      const docs = await ps.documents();
      if (!docs.length) requireDocument(null, 'apply the LUT to');
      work = docs.map((doc) => ({ name: doc.title, run: async () => void (await applyLutToDocument(ps, ctx, doc.id, lut, options)) }));
    } else {
      const images = (await files.listFiles(scope.folder)).filter((f) => isImageFile(f.name));
      if (!images.length) throw new PanelError('bad-input', `"${scope.folder.name}" has no images brandlock can open (JPEG, PNG, TIFF, PSD, WebP).`);
      outputFolder = await files.subfolder(scope.folder, lutOutputFolderName(lut));
      const out = outputFolder;
      work = images.map((file) => ({ name: file.name, run: () => gradeFileCopy(ps, files, ctx, file, out, lut, options) }));
    }
    for (let i = 0; i < work.length; i++) {
      const item = work[i];
      if (ctx.isCancelled || options.signal.aborted) {
        for (const rest of work.slice(i)) outcomes.push({ name: rest.name, status: 'skipped', message: 'Not processed: cancelled.' });
        return;
      }
      options.onProgress({ fraction: i / work.length, label: `${i + 1} of ${work.length} · ${item.name}` });
      ctx.reportProgress(i / work.length, `brandlock: ${item.name}`);
      try {
        const output = await item.run();
        outcomes.push({ name: item.name, status: 'done', message: output ? `Saved ${output}` : `Added "${lut.name}"`, output });
      } catch (e) {
        const err = toPanelError(e, `grade "${item.name}"`);
        if (isCancelled(err)) {
          outcomes.push({ name: item.name, status: 'skipped', message: 'Cancelled; left as it was.' });
          for (const rest of work.slice(i + 1)) outcomes.push({ name: rest.name, status: 'skipped', message: 'Not processed: cancelled.' });
          return;
        }
        outcomes.push({ name: item.name, status: 'failed', message: err.message });
      }
    }
    options.onProgress({ fraction: 1, label: `Done: ${work.length} of ${work.length}` });
  });
  return { outcomes, cancelled: outcomes.some((o) => o.status === 'skipped'), outputFolder };
}

async function gradeFileCopy(
  ps: PsHost,
  files: FileSystemPort,
  ctx: ModalContext,
  file: FileRef,
  out: FolderRef,
  lut: BrandLut,
  options: { bake: boolean; signal: AbortSignal },
): Promise<string> {
  const name = file.name;
  if (await files.exists(out, name)) {
    throw new PanelError('bad-input', `${out.name}/${name} already exists; brandlock does not overwrite it.`);
  }
  // A batch has nobody to answer a profile-mismatch or Camera Raw dialog, so none may appear.
  const doc = await ps.openDocument(file, { dialogs: 'suppress' });
  await ctx.registerAutoCloseDocument(doc.id);
  try {
    await applyLutToDocument(ps, ctx, doc.id, lut, options);
    const partial = await files.createPartialFile(out, name);
    try {
      await ps.saveDocumentCopy(doc.id, partial, copyFormat(file.name));
      await files.commitFile(partial, out, name);
    } catch (e) {
      await files.removeFile(partial);
      throw e;
    }
    return `${out.name}/${name}`;
  } finally {
    await ps.closeDocument(doc.id);
  }
}
