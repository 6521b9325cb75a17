/**
 * Export through the server: the open master, once past QC (export-gate), is flattened to 8-bit sRGB on a duplicate, saved as a
 * temporary PNG and uploaded; the server renders every chosen channel (WebP and AVIF included) with
 * the same core crop and metadata; the panel names each file by the lock's template and writes it to
 * the folder under a temporary name, renamed when complete, never over an existing file. A channel
 * the master is too small for (the lock's maxUpscale, planned by core on the panel's subject box) is
 * not sent and is listed as skipped with the factor, as Export in Photoshop does.
 */
import type { BrandLock } from '@brandlock/core/brand';
import { FILE_EXTENSIONS, createNameRegistry, fillFileName, planCrop, upscaleSkip, type ChannelSpec } from '@brandlock/core/channels';
import type { BrandlockServer } from '../../ports/brandlock-server';
import type { PsHost } from '../../ports/ps-host';
import type { FileSystemPort } from '../../ports/file-system';
import { requireDocument, requireEditableRgb } from '../../errors/document-checks';
import { PanelError, throwIfAborted } from '../../errors/panel-error';
import type { ProgressState } from '../../ui/widgets/progress';
import { formatBytes } from '../../ui/format';
import type { Outcome } from '../../ui/widgets/outcome-list';
import type { ExportRequest } from './export-variants-locally';
import { checkExportGate } from './export-gate';
import { requireUnchangedSinceQc } from '../qc/qc-pixels';
import { readDocumentXmp } from '../document-identity/read-document-xmp';
import { masterSubjectBox } from './master-subject-box';
import { cautionOf } from './export-variants-locally';
import { flattenedPngCopy } from '../flattened-png-copy';

export async function exportVariantsViaServer(
  ps: PsHost,
  files: FileSystemPort,
  server: BrandlockServer,
  /** `briefColorway`: the brief row's colourway as the server has it, for a SKU briefed in several. */
  request: ExportRequest & { briefId: string | null; briefColorway?: string | null },
  options: { signal: AbortSignal; onProgress(p: ProgressState): void },
): Promise<{ outcomes: Outcome[]; jobId: string | null }> {
  const lock: BrandLock = server.lock;
  const doc = requireEditableRgb(requireDocument(await ps.activeDocument(), 'export'), 'export');
  const xmp = await readDocumentXmp(ps, doc.id);
  checkExportGate({ title: doc.title, sku: request.sku, xmp, acceptFlag: request.acceptFlag ?? false });
  // A read, like the subject box below: no modal scope of its own, which the panel's other work could collide with.
  await requireUnchangedSinceQc(ps, doc, xmp);
  const outcomes: Outcome[] = [];
  const subject = await masterSubjectBox(ps, doc.id, doc);
  const channels: ChannelSpec[] = [];
  // The server frames each channel as core does here: what this plan says it enlarges is said on the result.
  const cautions = new Map<string, string>();
  for (const channel of request.channels) {
    const crop = planCrop({ image: doc, spec: channel, subject: subject.box });
    const skip = upscaleSkip(channel, crop);
    if (skip) outcomes.push({ name: channel.name, status: 'skipped', message: `Not made: ${skip.message}` });
    else channels.push(channel);
    const caution = cautionOf(crop.notes);
    if (caution) cautions.set(channel.id, caution);
  }
  if (!channels.length) return { outcomes, jobId: null };
  options.onProgress({ fraction: null, label: 'Flattening a copy of the master…' });
  const master = await flattenedPngCopy(ps, files, doc, `Prepare ${request.sku} for the server`, request.sku);
  throwIfAborted(options.signal, 'Exporting');
  const { jobId, variants } = await server.renderVariants(
    { master: { bytes: master, contentType: 'image/png' }, briefId: request.briefId, sku: request.sku, colorway: request.briefColorway, view: request.view, category: request.category ?? '', channels: channels.map((c) => c.id) },
    (p) => options.onProgress({ fraction: p.fraction, label: p.message || 'Rendering on the server…' }),
    options.signal,
  );
  const names = createNameRegistry();
  for (const [i, variant] of variants.entries()) {
    const channel = lock.channels.find((c) => c.id === variant.channel);
    options.onProgress({ fraction: i / variants.length, label: `Writing ${i + 1} of ${variants.length}` });
    if (!channel) {
      outcomes.push({ name: variant.channel || `output ${i + 1}`, status: 'failed', message: `The server returned a channel the lock does not have ("${variant.channel}").` });
      continue;
    }
    const named = fillFileName(lock.naming, {
      brand: lock.brand.id, season: lock.season, version: lock.version, sku: request.sku, colorway: request.colorway, view: request.view, category: request.category,
      channel: channel.id, market: request.market ?? 'all', width: variant.width, height: variant.height, ext: FILE_EXTENSIONS[channel.format], index: 1,
    });
    if (!named.success) {
      outcomes.push({ name: channel.name, status: 'failed', message: named.issues.map((x) => x.message).join('; ') });
      continue;
    }
    const claimed = names.claim(named.name, channel.id);
    try {
      if (!claimed.success) throw new PanelError('bad-input', `${named.name} would be written twice (also by ${claimed.takenBy}).`);
      if (await files.exists(request.folder, named.name)) throw new PanelError('bad-input', `${named.name} already exists; brandlock does not overwrite a delivered file.`);
      const partial = await files.createPartialFile(request.folder, named.name);
      try {
        await files.writeFile(partial, variant.bytes);
        await files.commitFile(partial, request.folder, named.name);
      } catch (e) {
        await files.removeFile(partial);
        throw e;
      }
      const caution = cautions.get(channel.id);
      outcomes.push({ name: named.name, status: 'done', message: `${variant.width}×${variant.height} ${channel.format.toUpperCase()}, ${formatBytes(variant.bytes.length)}`, ...(caution ? { caution } : {}) });
    } catch (e) {
      outcomes.push({ name: named.name, status: 'failed', message: (e as Error).message });
    }
  }
  return { outcomes, jobId };
}
