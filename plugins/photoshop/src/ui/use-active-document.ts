/**
 * The document the panel is looking at, refreshed every second while the panel is shown and after
 * each flow. UXP panels get no cheap "active document changed" event without a notification listener
 * per event type; one read a second is negligible, but not while nobody sees the panel: hidden, it
 * reads nothing, and reads again the moment it is shown.
 */
import { useEffect, useState } from 'preact/hooks';
import type { DocumentInfo, PsHost } from '../ports/ps-host';
import { panelVisibility, type Visibility } from './panel-visibility';

/** Reads the active document now and every `everyMs` while visible; returns the stop. */
export function watchActiveDocument(ps: PsHost, onRead: (doc: DocumentInfo | null) => void, visibility: Visibility, everyMs = 1000): () => void {
  let alive = true;
  let timer: ReturnType<typeof setInterval> | null = null;
  const read = () =>
    ps.activeDocument().then(
      (d) => alive && onRead(d),
      () => alive && onRead(null),
    );
  const run = (visible: boolean) => {
    if (timer) clearInterval(timer);
    timer = null;
    if (!visible) return;
    read();
    timer = setInterval(read, everyMs);
  };
  run(visibility.visible);
  const unsubscribe = visibility.subscribe(run);
  return () => {
    alive = false;
    unsubscribe();
    if (timer) clearInterval(timer);
  };
}

export function useActiveDocument(ps: PsHost, refreshKey: number): DocumentInfo | null {
  const [doc, setDoc] = useState<DocumentInfo | null>(null);
  useEffect(() => watchActiveDocument(ps, (d) => setDoc((old) => (JSON.stringify(old) === JSON.stringify(d) ? old : d)), panelVisibility), [ps, refreshKey]);
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
