/**
 * The document the panel is looking at, refreshed every second and after each flow. UXP panels get
 * no cheap "active document changed" event without a notification listener per event type, and one
 * DOM read a second is negligible.
 */
import { useEffect, useState } from 'preact/hooks';
import type { DocumentInfo, PsHost } from '../ports/ps-host';

export function useActiveDocument(ps: PsHost, refreshKey: number): DocumentInfo | null {
  const [doc, setDoc] = useState<DocumentInfo | null>(null);
  useEffect(() => {
    let alive = true;
    const read = () =>
      ps.activeDocument().then(
        (d) => alive && setDoc((old) => (JSON.stringify(old) === JSON.stringify(d) ? old : d)),
        () => alive && setDoc(null),
      );
    read();
    const timer = setInterval(read, 1000);
    return () => {
      alive = false;
      clearInterval(timer);
    };
  }, [ps, refreshKey]);
  return doc;
}

/** "shirt.psd · 2000×3000 · RGB 16-bit" for the footer. */
export function describeDocument(doc: DocumentInfo | null): string {
  if (!doc) return 'No document open';
  return `${doc.title} · ${doc.width}×${doc.height} · ${doc.mode} ${doc.bitsPerChannel}-bit`;
}
