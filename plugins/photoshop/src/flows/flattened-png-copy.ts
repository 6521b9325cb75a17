/**
 * The pixels of a document as the server takes them: a duplicate flattened and converted to 8-bit
 * sRGB, saved as a temporary PNG and read back; the duplicate is closed and the document made active
 * again; the temporary file is removed once read. Runs in its own modal scope (the retoucher's
 * document is not changed).
 */
import type { DocumentInfo, PsHost } from '../ports/ps-host';
import type { FileSystemPort } from '../ports/file-system';

export async function flattenedPngCopy(ps: PsHost, files: FileSystemPort, doc: DocumentInfo, label: string, fileStem: string): Promise<Uint8Array> {
  return ps.executeAsModal(label, async (ctx) => {
    const dup = await ps.duplicateDocument(doc.id, `${doc.title} (brandlock master)`);
    await ctx.registerAutoCloseDocument(dup.id);
    try {
      await ps.flattenDocument(dup.id);
      await ps.convertToSrgb8(dup.id);
      const file = await files.writeTempFile(`${fileStem.replace(/[^\w.-]+/g, '_')}-master.png`, new Uint8Array(0));
      try {
        await ps.saveDocumentCopy(dup.id, file, { format: 'png' });
        return await files.readFile(file);
      } finally {
        // Tens of MB for a 24 MP master, once per export or fix sent: not left in the temporary folder.
        await files.removeFile(file);
      }
    } finally {
      await ps.closeDocument(dup.id);
      await ps.activateDocument(doc.id);
    }
  });
}
