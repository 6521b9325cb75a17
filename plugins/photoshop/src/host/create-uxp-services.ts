/** Builds the panel's services from the real Photoshop and UXP. */
import type { PanelServices } from '../ui/panel-services';
import type { BrandlockServer } from '../ports/brandlock-server';
import { UxpFileSystem, uxpSecureStore, uxpSettingsStore } from './uxp-file-system';
import { UxpPhotoshopHost } from './uxp-photoshop-host';

declare const __BRANDLOCK_ALLOWED_ORIGINS__: string[];
declare const __BRANDLOCK_PLUGIN_VERSION__: string;

export function createUxpServices(openSession: (url: string, token: string) => Promise<BrandlockServer>): PanelServices {
  const files = new UxpFileSystem();
  return {
    ps: new UxpPhotoshopHost(files),
    files,
    secrets: uxpSecureStore,
    settings: uxpSettingsStore,
    openSession,
    allowedOrigins: __BRANDLOCK_ALLOWED_ORIGINS__,
    pluginVersion: __BRANDLOCK_PLUGIN_VERSION__,
  };
}
