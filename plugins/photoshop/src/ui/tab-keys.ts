/**
 * Keyboard for the panel's tab strip, as Spectrum's tabs do it with manual activation: the arrow keys
 * move the focus along the strip (wrapping at the ends), Home and End jump to the first and last tab,
 * and Enter or Space opens the focused tab. Only one tab is in the Tab order (the focused one), so Tab
 * leaves the strip instead of walking through six tabs.
 */
export type TabKeyAction = { focus: number } | { select: number } | null;

export function tabKeyAction(key: string, index: number, count: number): TabKeyAction {
  switch (key) {
    case 'ArrowRight':
    case 'ArrowDown':
      return { focus: (index + 1) % count };
    case 'ArrowLeft':
    case 'ArrowUp':
      return { focus: (index - 1 + count) % count };
    case 'Home':
      return { focus: 0 };
    case 'End':
      return { focus: count - 1 };
    case 'Enter':
    case ' ':
    case 'Spacebar':
      return { select: index };
    default:
      return null;
  }
}
