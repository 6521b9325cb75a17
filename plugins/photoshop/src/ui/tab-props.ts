/** What every tab receives from the panel. */
import type { PanelState } from './use-panel-state';
import type { FlowControl } from './flow-store';
import type { PanelServices } from './panel-services';

export type TabId = 'connect' | 'generate' | 'lut' | 'cleanup' | 'qc' | 'export' | 'review';

export interface TabProps extends Omit<PanelState, 'setSession' | 'reconnecting'> {
  services: PanelServices;
  /** This tab's flow; it lives above the tabs, so it survives switching tabs. */
  flow: FlowControl;
  goTo(tab: TabId): void;
}
