/** What every tab receives from the panel. */
import type { BrandlockServer } from '../ports/brandlock-server';
import type { DocumentInfo } from '../ports/ps-host';
import type { PanelServices } from './panel-services';

export type TabId = 'connect' | 'generate' | 'lut' | 'cleanup' | 'qc' | 'export';

export interface TabProps {
  services: PanelServices;
  session: BrandlockServer | null;
  doc: DocumentInfo | null;
  /** Call after a flow changed documents, so the footer and the tabs re-read them. */
  documentsChanged(): void;
  goTo(tab: TabId): void;
}
