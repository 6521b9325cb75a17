/**
 * Registers the panel and the two menu commands with UXP. Photoshop requires `entrypoints.setup` to
 * run synchronously when the script loads, so this does nothing else; the panel is rendered in
 * `create` and re-attached in `show`; show and hide tell the panel whether it is seen.
 */
import { uxp } from './uxp-api';
import { panelVisibility } from '../ui/panel-visibility';

export interface EntrypointHandlers {
  mountPanel(root: HTMLElement): void;
  applyBrandLutToOpenDocuments(): Promise<void>;
  runQcOnActiveDocument(): Promise<void>;
}

export function setupEntrypoints(handlers: EntrypointHandlers): void {
  let mounted: HTMLElement | null = null;
  uxp.entrypoints.setup({
    panels: {
      brandlockPanel: {
        create(root) {
          mounted = document.createElement('div');
          mounted.style.height = '100%';
          handlers.mountPanel(mounted);
          root.appendChild(mounted);
        },
        show(root) {
          if (mounted && mounted.parentNode !== root) root.appendChild(mounted);
          panelVisibility.set(true);
        },
        hide() {
          panelVisibility.set(false);
        },
      },
    },
    commands: {
      applyBrandLutToOpenDocuments: () => handlers.applyBrandLutToOpenDocuments(),
      runQcOnActiveDocument: () => handlers.runQcOnActiveDocument(),
    },
  });
}
