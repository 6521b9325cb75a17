/**
 * The LUT tab's batch: the brand LUT on the active document, on every open document, or on every
 * image in a folder (opened without dialogs, graded, saved as a copy in its own format in a subfolder,
 * closed). One modal scope with Photoshop's progress bar (batch-scope); a document that fails (CMYK,
 * unreadable, a name already taken) is reported and skipped, and the rest go on. Cancel stops before
 * the next document; the document in hand is rolled back by its History step.
 */
import type { PsHost, SaveFormat } from '../../ports/ps-host';
import type { FileSystemPort, FolderRef } from '../../ports/file-system';
import { PanelError } from '../../errors/panel-error';
import { requireDocument } from '../../errors/document-checks';
import { runBatch } from '../batch-scope';
import type { ProgressState } from '../../ui/widgets/progress';
import type { BrandLut } from './brand-lut';
import { applyLutToDocument } from './apply-lut-to-document';
import type { LayerBlendMode } from '../../descriptors/layers';
import { bakeGamutNote } from './bake-gamut-note';

export type LutScope = { kind: 'active' } | { kind: 'open' } | { kind: 'folder'; folder: FolderRef };

export interface LutOutcome {
  name: string;
  status: 'done' | 'failed' | 'skipped';
  message: string;
  /** The copy written, for folder runs. */
  output?: string;
  /** Done, but to be looked at (a bake that clipped a wide-gamut document's colours). */
  caution?: string;
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
  options: { bake: boolean; opacity?: number; blendMode?: LayerBlendMode; signal: AbortSignal; onProgress(p: ProgressState): void },
): Promise<LutRunResult> {
  let outputFolder: FolderRef | null = null;
  if (scope.kind === 'active') requireDocument(await ps.activeDocument(), 'apply the LUT to');
  const run = await runBatch<LutOutcome>(ps, files, `Apply ${lut.name}`, scope, async ({ doc, fromFolder }, ctx) => {
    await applyLutToDocument(ps, ctx, doc.id, lut, options);
    // The panel warns before baking the active document; in a batch, each one outside sRGB says so.
    const clipped = options.bake && scope.kind !== 'active' ? bakeGamutNote(doc) : null;
    const caution = clipped ? { caution: `Baked through sRGB from ${doc.profile}: colours outside sRGB are clipped.` } : {};
    if (!fromFolder || scope.kind !== 'folder') return { name: doc.title, status: 'done', message: `Added "${lut.name}"`, ...caution };
    outputFolder ??= await files.subfolder(scope.folder, lutOutputFolderName(lut));
    const output = await saveGradedCopy(ps, files, doc.id, doc.title, outputFolder);
    return { name: doc.title, status: 'done', message: `Saved ${output}`, output, ...caution };
  }, { ...options, verb: 'grade' });
  return { outcomes: run.outcomes, cancelled: run.cancelled, outputFolder };
}

/** Saves the graded document as a copy in the output folder, in its own format, under a temporary name first. */
async function saveGradedCopy(ps: PsHost, files: FileSystemPort, documentId: number, name: string, out: FolderRef): Promise<string> {
  if (await files.exists(out, name)) {
    throw new PanelError('bad-input', `${out.name}/${name} already exists; brandlock does not overwrite it.`);
  }
  const partial = await files.createPartialFile(out, name);
  try {
    await ps.saveDocumentCopy(documentId, partial, copyFormat(name));
    await files.commitFile(partial, out, name);
  } catch (e) {
    await files.removeFile(partial);
    throw e;
  }
  return `${out.name}/${name}`;
}
