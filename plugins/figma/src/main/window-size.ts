/**
 * The plugin window's size: resized from the drag handle in the UI (figma.ui.resize), kept within
 * sensible bounds, and remembered in clientStorage so the next launch opens at the designer's size.
 */
export const UI_SIZE = { width: 380, height: 640 };
const MIN = { width: 320, height: 420 };
const MAX = { width: 1000, height: 1400 };
const KEY = 'brandlock.window';

function clamp(size: unknown): { width: number; height: number } | null {
  const s = size as { width?: unknown; height?: unknown } | null;
  if (!s || typeof s.width !== 'number' || typeof s.height !== 'number' || !Number.isFinite(s.width) || !Number.isFinite(s.height)) return null;
  return { width: Math.round(Math.min(MAX.width, Math.max(MIN.width, s.width))), height: Math.round(Math.min(MAX.height, Math.max(MIN.height, s.height))) };
}

export async function resizeWindowAsync(size: unknown): Promise<{ width: number; height: number }> {
  const next = clamp(size) ?? UI_SIZE;
  figma.ui.resize(next.width, next.height);
  await figma.clientStorage.setAsync(KEY, next);
  return next;
}

export async function restoreWindowSizeAsync(): Promise<void> {
  const stored = clamp(await figma.clientStorage.getAsync(KEY).catch(() => null));
  if (stored && (stored.width !== UI_SIZE.width || stored.height !== UI_SIZE.height)) figma.ui.resize(stored.width, stored.height);
}
