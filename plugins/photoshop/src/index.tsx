/**
 * The UXP entry point: registers the panel and the menu commands synchronously at load (Photoshop
 * requires it), and renders the Preact panel when Photoshop creates it.
 */
import './no-code-generation';
import { render } from 'preact';
import './ui/panel.css';
import { App } from './ui/app';
import { createUxpServices } from './host/create-uxp-services';
import { setupEntrypoints } from './host/setup-entrypoints';
import { openBrandlockSession } from './server/open-session';
import { runMenuCommand } from './flows/commands/run-menu-command';

const services = createUxpServices(openBrandlockSession);

setupEntrypoints({
  mountPanel: (root) => render(<App services={services} />, root),
  applyBrandLutToOpenDocuments: () => runMenuCommand(services, 'apply-lut-to-open-documents'),
  runQcOnActiveDocument: () => runMenuCommand(services, 'qc-active-document'),
});
