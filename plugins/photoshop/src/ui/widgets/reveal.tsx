/** Wraps what appears after a run (a result, an error, a question) and scrolls it into view, so the retoucher sees it. */
import type { ComponentChildren, JSX } from 'preact';
import { useEffect, useRef } from 'preact/hooks';

export function Reveal(p: { children: ComponentChildren; block?: 'start' | 'end' }): JSX.Element {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = ref.current as (HTMLDivElement & { scrollIntoView?: (o?: unknown) => void }) | null;
    el?.scrollIntoView?.({ block: p.block ?? 'start' });
  }, []);
  return <div ref={ref}>{p.children}</div>;
}
