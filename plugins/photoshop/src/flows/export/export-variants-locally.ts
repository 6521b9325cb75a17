/**
 * Export in Photoshop: every chosen channel variant of a master, planned by core (crop around the
 * subject, file name from the lock's template, XMP), then made on a duplicate: flatten, convert to
 * 8-bit sRGB, crop, resize, trim, pad, embed the XMP, save a copy under a temporary name, check the
 * byte limit (lowering JPEG or WebP quality until it fits), rename into place. The master must have
 * passed QC (a flag only with the retoucher's say-so, a reject never; see export-gate). A channel that
 * cannot be made is skipped or failed with the reason (a format Photoshop cannot write, more
 * enlargement than the lock's channel allows, a name already taken); the rest go on.
 */
import type { BrandLock } from '@brandlock/core/brand';
import { planVariants, type ChannelSpec, type VariantPlan } from '@brandlock/core/channels';
import type { DocumentInfo, ModalContext, PsHost, SaveFormat } from '../../ports/ps-host';
import type { FileSystemPort, FolderRef } from '../../ports/file-system';
import { requireDocument, requireEditableRgb } from '../../errors/document-checks';
import { PanelError, isCancelled } from '../../errors/panel-error';
import { toPanelError } from '../../errors/host-error';
import { checkResults } from '../../descriptors/check-results';
import { setXmp } from '../../descriptors/xmp';
import { deleteChannel } from '../../descriptors/channels';
import type { ProgressState } from '../../ui/widgets/progress';
import { formatBytes } from '../../ui/format';
import type { Outcome } from '../../ui/widgets/outcome-list';
import { documentProvenance } from './document-provenance';
import { checkExportGate } from './export-gate';
import { requireUnchangedSinceQc } from '../qc/qc-pixels';
import { readDocumentXmp } from '../document-identity/read-document-xmp';
import { masterSubjectBox } from './master-subject-box';

/** What Photoshop writes itself: JPEG, PNG, TIFF, and WebP since 23.2 (batchPlay WebPFormat). AVIF only through the server. */
export const LOCAL_FORMATS: ReadonlySet<ChannelSpec['format']> = new Set(['jpeg', 'png', 'tiff', 'webp']);

export interface ExportRequest {
  sku: string;
  colorway?: string;
  view?: string;
  category?: string;
  market?: string;
  channels: ChannelSpec[];
  folder: FolderRef;
  /** The master; the active document when absent. */
  documentId?: number;
  /** The retoucher saw QC's flag and chose to export anyway. */
  acceptFlag?: boolean;
}

export interface ExportResult {
  outcomes: Outcome[];
  subjectFrom: 'selection' | 'estimate';
  /** The selection left out of the framing: the one QC made round a finding. */
  ignoredSelection?: 'finding-selection' | 'partial-selection';
  /** For a partial selection passed over: the share of the garment it covered. */
  selectionCovered?: number;
}

function saveFormat(channel: ChannelSpec, quality: number): SaveFormat {
  if (channel.format === 'png') return { format: 'png' };
  if (channel.format === 'tiff') return { format: 'tiff' };
  if (channel.format === 'webp') return { format: 'webp', quality };
  return { format: 'jpeg', quality };
}

const LOSSY = new Set(['jpeg', 'webp']);

/** Crop notes a retoucher must look at before the file goes out: it was enlarged past the master's pixels. */
export function cautionOf(notes: readonly { code: string; message: string }[]): string | undefined {
  const enlarged = notes.filter((n) => n.code === 'upscaled').map((n) => n.message);
  return enlarged.length ? `${enlarged.join('; ')}: check it at 100% before it is delivered` : undefined;
}

async function makeVariant(ps: PsHost, files: FileSystemPort, ctx: ModalContext, sourceId: number, plan: VariantPlan, folder: FolderRef): Promise<string> {
  const { channel, crop } = plan;
  if (await files.exists(folder, plan.fileName)) throw new PanelError('bad-input', `${plan.fileName} already exists; brandlock does not overwrite a delivered file.`);
  const dup = await ps.duplicateDocument(sourceId, plan.fileName);
  await ctx.registerAutoCloseDocument(dup.id);
  try {
    // The copy carries the master's alpha channels (a job's kept area, a saved selection), and Save a
    // Copy as TIFF writes them as extra samples, which libvips, ImageMagick and DAMs take for
    // transparency: the delivered file is the image alone. The copy is the active document.
    const channels = await ps.alphaChannelNames(dup.id);
    if (channels.length) checkResults(await ps.batchPlay(channels.map((name) => deleteChannel(name))), "remove the master's alpha channels from the copy");
    await ps.flattenDocument(dup.id);
    await ps.convertToSrgb8(dup.id);
    const c = crop.crop;
    await ps.cropDocument(dup.id, { left: c.left, top: c.top, right: c.left + c.width, bottom: c.top + c.height });
    await ps.resizeDocument(dup.id, crop.resize.width, crop.resize.height);
    const t = crop.trim;
    if (t.left || t.top || t.width !== crop.resize.width || t.height !== crop.resize.height) {
      await ps.cropDocument(dup.id, { left: t.left, top: t.top, right: t.left + t.width, bottom: t.top + t.height });
    }
    if (crop.pad.top || crop.pad.right || crop.pad.bottom || crop.pad.left) {
      await ps.padCanvas(dup.id, crop.pad, channel.background === 'transparent' ? '#ffffff' : channel.background);
    }
    if (plan.xmp) checkResults(await ps.batchPlay([setXmp({ documentId: dup.id }, plan.xmp)]), 'embed the metadata');
    let quality = channel.quality;
    for (;;) {
      const partial = await files.createPartialFile(folder, plan.fileName);
      try {
        await ps.saveDocumentCopy(dup.id, partial, saveFormat(channel, quality));
        const bytes = (await files.readFile(partial)).length;
        if (channel.maxBytes && bytes > channel.maxBytes && LOSSY.has(channel.format) && quality > 40) {
          await files.removeFile(partial);
          quality = Math.max(40, quality - 8);
          continue;
        }
        if (channel.maxBytes && bytes > channel.maxBytes) {
          throw new PanelError('bad-input', `${plan.fileName} is ${(bytes / 1e6).toFixed(2)} MB, over the ${(channel.maxBytes / 1e6).toFixed(2)} MB limit of ${channel.name}.`);
        }
        await files.commitFile(partial, folder, plan.fileName);
        // An enlargement is said apart, as something to check (cautionOf).
        const notes = crop.notes.filter((n) => n.code !== 'upscaled').map((n) => n.message).join('; ');
        return `${channel.width}×${channel.height} ${channel.format.toUpperCase()}${quality !== channel.quality ? ` q${quality}` : ''}, ${formatBytes(bytes)}${notes ? ` · ${notes}` : ''}`;
      } catch (e) {
        await files.removeFile(partial);
        throw e;
      }
    }
  } finally {
    await ps.closeDocument(dup.id);
  }
}

export async function exportVariantsLocally(
  ps: PsHost,
  files: FileSystemPort,
  lock: BrandLock,
  lockHash: string,
  request: ExportRequest,
  options: { signal: AbortSignal; onProgress(p: ProgressState): void },
): Promise<ExportResult> {
  const found = request.documentId === undefined ? await ps.activeDocument() : ((await ps.documents()).find((d) => d.id === request.documentId) ?? null);
  const doc = requireEditableRgb(requireDocument(found, 'export'), 'export');
  const xmp = await readDocumentXmp(ps, doc.id);
  checkExportGate({ title: doc.title, sku: request.sku, xmp, acceptFlag: request.acceptFlag ?? false });
  const active = await ps.activeDocument();
  let result: ExportResult = { outcomes: [], subjectFrom: 'estimate' };
  await ps.executeAsModal(`Export ${request.sku}`, async (ctx) => {
    try {
      await requireUnchangedSinceQc(ps, doc, xmp);
      result = await exportMaster(ps, files, lock, lockHash, doc, request, ctx, options);
    } finally {
      // Back to the document the retoucher was on (the duplicates were active while they were saved).
      if (active) await ps.activateDocument(active.id).catch(() => undefined);
    }
  });
  return result;
}

/**
 * One master's variants inside a modal scope the caller holds (a batch holds one for all masters).
 * The caller has checked the QC gate and that the pixels are the ones QC judged.
 */
export async function exportMaster(
  ps: PsHost,
  files: FileSystemPort,
  lock: BrandLock,
  lockHash: string,
  doc: DocumentInfo,
  request: ExportRequest,
  ctx: ModalContext,
  options: { signal: AbortSignal; onProgress(p: ProgressState): void },
): Promise<ExportResult> {
  const outcomes: Outcome[] = [];
  const subject = await masterSubjectBox(ps, doc.id, doc);
  const { provenance } = await documentProvenance(ps, doc.id);
  const local = request.channels.filter((c) => LOCAL_FORMATS.has(c.format));
  for (const c of request.channels.filter((c) => !LOCAL_FORMATS.has(c.format))) {
    outcomes.push({ name: c.name, status: 'skipped', message: `Not made: Photoshop cannot write ${c.format.toUpperCase()}; export this channel on the server.` });
  }
  const { plans, issues, skipped } = planVariants({
    lock, lockHash, master: { width: doc.width, height: doc.height }, subject: subject.box, sku: request.sku, colorway: request.colorway,
    view: request.view, category: request.category, market: request.market, channels: local, provenance,
  });
  const nameOf = (id: string) => local.find((c) => c.id === id)?.name ?? id;
  for (const issue of issues) outcomes.push({ name: nameOf(issue.channel), status: 'failed', message: issue.message });
  // The lock's maxUpscale (else the kind's) decides; core's planner leaves such channels out.
  for (const skip of skipped) outcomes.push({ name: nameOf(skip.channel), status: 'skipped', message: `Not made: ${skip.message}` });
  const makeable: VariantPlan[] = plans;
  for (let i = 0; i < makeable.length; i++) {
    const plan = makeable[i];
    if (ctx.isCancelled || options.signal.aborted) {
      for (const rest of makeable.slice(i)) outcomes.push({ name: rest.fileName, status: 'skipped', message: 'Not exported: cancelled.' });
      break;
    }
    options.onProgress({ fraction: i / makeable.length, label: `${i + 1} of ${makeable.length} · ${plan.channel.name}` });
    ctx.reportProgress(i / makeable.length, `brandlock: ${plan.fileName}`);
    try {
      // Made here, the master is flattened: a channel meant to keep transparency gets white instead.
      const onWhite = plan.channel.background === 'transparent' ? `made on white, not transparent as ${plan.channel.name} asks: Export in Photoshop flattens the master; export through the brandlock server to keep transparency` : undefined;
      const caution = [cautionOf(plan.crop.notes), onWhite].filter(Boolean).join(' · ') || undefined;
      outcomes.push({ name: plan.fileName, status: 'done', message: await makeVariant(ps, files, ctx, doc.id, plan, request.folder), ...(caution ? { caution } : {}) });
    } catch (e) {
      const err = toPanelError(e, `export ${plan.fileName}`);
      outcomes.push({ name: plan.fileName, status: isCancelled(err) ? 'skipped' : 'failed', message: err.message });
      if (isCancelled(err)) {
        for (const rest of makeable.slice(i + 1)) outcomes.push({ name: rest.fileName, status: 'skipped', message: 'Not exported: cancelled.' });
        break;
      }
    }
  }
  return { outcomes, subjectFrom: subject.from, ...(subject.ignored ? { ignoredSelection: subject.ignored } : {}), ...(subject.covered !== undefined ? { selectionCovered: subject.covered } : {}) };
}
