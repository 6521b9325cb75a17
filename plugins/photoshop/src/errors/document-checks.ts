/**
 * Checks a document before a flow touches it: one must be open, in RGB, at 8 or 16 bits. The Imaging
 * API has no CMYK, and 32-bit documents are linear floats that brand LUTs and QC thresholds do not
 * describe, so both are refused with the menu path that fixes them.
 */
import type { DocumentInfo } from '../ports/ps-host';
import { PanelError } from './panel-error';

/** Throws the retoucher-facing error when no document is open. */
export function requireDocument(doc: DocumentInfo | null, action: string): DocumentInfo {
  if (!doc) {
    throw new PanelError('no-document', `No document is open, so there is nothing to ${action}.`, 'Open a product image in Photoshop, then try again.');
  }
  return doc;
}

/** Throws when the document is not an 8- or 16-bit RGB document. */
export function requireEditableRgb(doc: DocumentInfo, action: string): DocumentInfo {
  if (doc.mode !== 'RGB') {
    const fix = doc.mode === 'CMYK'
      ? 'brandlock works on RGB masters. Convert a copy with Image > Mode > RGB Color (Edit > Convert to Profile > sRGB for delivery), then try again.'
      : 'Convert it with Image > Mode > RGB Color, then try again.';
    throw new PanelError('unsupported-mode', `"${doc.title}" is a ${doc.mode} document; brandlock can only ${action} RGB documents.`, fix);
  }
  if (doc.bitsPerChannel === 32) {
    throw new PanelError(
      'unsupported-depth',
      `"${doc.title}" is a 32-bit document; brandlock can only ${action} 8- or 16-bit documents.`,
      'Convert it with Image > Mode > 16 Bits/Channel (tone it first if needed), then try again.',
    );
  }
  return doc;
}
