// INTERIM until the LUT and QC core pieces land: replaced by the real menu command flows.
import type { PanelServices } from '../../ui/panel-services';

export type MenuCommand = 'apply-lut-to-open-documents' | 'qc-active-document';

export async function runMenuCommand(services: PanelServices, command: MenuCommand): Promise<void> {
  await services.ps.showAlert(`brandlock: "${command}" needs the brandlock panel in this build.`);
}
