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

/**
 * The footer's two parts: the document's name, which may be shortened, and what a retoucher checks
 * before anything else, its size, mode and bit depth, which never is ("2000×3000 · RGB 16-bit").
 */
export function describeDocument(doc: DocumentInfo | null): { name: string; specs: string } {
  if (!doc) return { name: 'No document open', specs: '' };
  return { name: doc.title, specs: `${doc.width}×${doc.height} · ${doc.mode} ${doc.bitsPerChannel}-bit` };
}
