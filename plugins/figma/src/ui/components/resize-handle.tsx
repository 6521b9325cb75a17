/**
 * The drag handle in the window's corner, as Figma's docs do it: a plugin window does not resize
 * itself, so while the pointer is captured by the handle each move asks the main thread to
 * figma.ui.resize to where the pointer is (one request per animation frame); the size is kept.
 */
import { useEffect, useRef } from 'preact/hooks';
import type { MainBus } from '../bus/main-bus';

export function ResizeHandle({ main }: { main: MainBus }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const corner = ref.current!;
    let pending: { width: number; height: number } | null = null;
    let frame = 0;
    const flush = () => {
      frame = 0;
      if (pending) void main.call('resizeWindow', pending).catch(() => undefined);
      pending = null;
    };
    const move = (e: PointerEvent) => {
      pending = { width: Math.round(e.clientX + 6), height: Math.round(e.clientY + 6) };
      if (!frame) frame = requestAnimationFrame(flush);
    };
    const down = (e: PointerEvent) => {
      e.preventDefault();
      corner.setPointerCapture(e.pointerId);
      corner.addEventListener('pointermove', move);
    };
    const up = (e: PointerEvent) => {
      corner.removeEventListener('pointermove', move);
      if (corner.hasPointerCapture(e.pointerId)) corner.releasePointerCapture(e.pointerId);
      if (frame) cancelAnimationFrame(frame);
      flush();
    };
    corner.addEventListener('pointerdown', down);
    corner.addEventListener('pointerup', up);
    return () => {
      corner.removeEventListener('pointerdown', down);
      corner.removeEventListener('pointerup', up);
      corner.removeEventListener('pointermove', move);
    };
  }, [main]);
  return (
    <div ref={ref} class="resize-handle" role="separator" aria-label="Resize the window" title="Drag to resize">
      <svg viewBox="0 0 14 14" aria-hidden="true"><path d="M13 5 5 13M13 9 9 13" stroke="currentColor" stroke-width="1.2" fill="none" /></svg>
    </div>
  );
}
