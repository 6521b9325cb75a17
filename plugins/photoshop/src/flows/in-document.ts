/**
 * Runs a change in one document (Photoshop acts on the active document) and makes the document the
 * retoucher was working in active again afterwards: a job's document may not be the one in front
 * when its run gets back to it. Inside a modal scope.
 */
import type { PsHost } from '../ports/ps-host';

export async function inDocument<T>(ps: PsHost, documentId: number, change: () => Promise<T>): Promise<T> {
  const active = await ps.activeDocument();
  try {
    if (active?.id !== documentId) await ps.activateDocument(documentId);
    return await change();
  } finally {
    if (active && active.id !== documentId) await ps.activateDocument(active.id).catch(() => undefined);
  }
}
