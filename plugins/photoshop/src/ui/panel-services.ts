/**
 * Everything the panel uses, handed in at mount: the Photoshop host, files and stores, and how to
 * open a server session. The UXP entry point builds it from the real host; tests and previews build
 * it from the fake one.
 */
import type { PsHost } from '../ports/ps-host';
import type { FileSystemPort, KeyValueStore } from '../ports/file-system';
import type { BrandlockServer } from '../ports/brandlock-server';

export interface PanelServices {
  ps: PsHost;
  files: FileSystemPort;
  /** UXP secureStorage in Photoshop: the token lives here and nowhere else. */
  secrets: KeyValueStore;
  /** UXP localStorage: server URL, last LUT, last export folder. */
  settings: KeyValueStore;
  /** Opens a session; throws PanelError server-unreachable / bad-token / forbidden / server-error. */
  openSession(serverUrl: string, token: string): Promise<BrandlockServer>;
  /** Server origins this build's manifest allows (UXP refuses any other). */
  allowedOrigins: readonly string[];
  pluginVersion: string;
}
