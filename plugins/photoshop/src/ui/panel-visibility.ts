/**
 * Whether Photoshop shows the panel: UXP calls the panel's show and hide as the retoucher opens,
 * collapses or closes it (setup-entrypoints.ts). Work that only keeps the panel's view fresh (reading
 * the active document every second, each read a round trip to Photoshop) stops while it is hidden.
 * Visible until told otherwise (the preview and tests never hide it).
 */
export interface Visibility {
  readonly visible: boolean;
  set(visible: boolean): void;
  /** Calls back on every change; returns the unsubscribe. */
  subscribe(listener: (visible: boolean) => void): () => void;
}

export function createVisibility(): Visibility {
  let visible = true;
  const listeners = new Set<(visible: boolean) => void>();
  return {
    get visible() {
      return visible;
    },
    set(next) {
      if (next === visible) return;
      visible = next;
      for (const l of [...listeners]) l(visible);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** The panel's own, set by the entrypoints. */
export const panelVisibility = createVisibility();
