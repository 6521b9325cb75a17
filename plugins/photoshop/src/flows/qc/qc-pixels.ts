/**
 * The pixels QC judged, bound to its verdict. QC reads the document's composite at full resolution
 * (capped at 24 MP, read at an integer fraction above that) and records a fingerprint of that read in
 * the XMP beside the verdict (qcPixels). Export reads the composite the same way and goes only when it
 * is the same: a Curves layer added, a spot repainted or the canvas resized after a pass sends the
 * master back to QC, so a verdict never travels with pixels it did not judge.
 */
import { pixelFingerprint } from '@brandlock/core/raster';
import type { DocumentInfo, PixelRead, PsHost } from '../../ports/ps-host';
import { PanelError } from '../../errors/panel-error';
import type { XmpProperties } from '../../xmp/brandlock-xmp';

export const QC_MAX_FULL_PIXELS = 24_000_000;

/** The size QC reads a document at: whole up to 24 MP, else the largest integer fraction under it. */
export function qcReadSize(width: number, height: number, maxPixels = QC_MAX_FULL_PIXELS): { width: number; height: number; factor: number } {
  const factor = Math.max(1, Math.ceil(Math.sqrt((width * height) / maxPixels)));
  return { width: Math.ceil(width / factor), height: Math.ceil(height / factor), factor };
}

/** The composite as QC reads it (8-bit, at qcReadSize). */
export function readQcPixels(ps: PsHost, doc: DocumentInfo): Promise<PixelRead> {
  const size = qcReadSize(doc.width, doc.height);
  return ps.getPixels({ documentId: doc.id, depth: 8, targetSize: size.factor > 1 ? size : undefined });
}

/** The fingerprint of the composite as QC reads it: what QC records as qcPixels and Export compares. */
export async function qcPixelsOf(ps: PsHost, doc: DocumentInfo): Promise<string> {
  return pixelFingerprint((await readQcPixels(ps, doc)).raster);
}

/**
 * Throws unless the document's pixels are the ones its QC verdict was given for.
 * @example await requireUnchangedSinceQc(ps, doc, xmp) // throws PanelError 'bad-input' after an edit
 */
export async function requireUnchangedSinceQc(ps: PsHost, doc: DocumentInfo, xmp: XmpProperties): Promise<void> {
  const judged = xmp.qcPixels;
  const when = xmp.qcAt ? ` on ${xmp.qcAt.slice(0, 16).replace('T', ' ')}` : '';
  if (!judged) {
    throw new PanelError('bad-input', `The QC verdict on "${doc.title}" does not say which pixels it judged (it was written before brandlock recorded them), so brandlock does not export it.`, 'Run QC on it again (QC tab), then export.');
  }
  const now = await qcPixelsOf(ps, doc);
  if (now !== judged) {
    throw new PanelError('bad-input', `"${doc.title}" has changed since QC judged it ${xmp.qcVerdict ?? ''}${when}; brandlock exports only the pixels QC judged.`, 'Run QC on it again (QC tab), then export.');
  }
}
