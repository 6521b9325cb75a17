/**
 * Everything the panel and the menu commands need, loaded after `entrypoints.setup()` has run (see
 * index.tsx): zod told not to generate code first, then the Preact panel, the host adapter and the
 * server session.
 */
import './no-code-generation';
import { render } from 'preact';
import './ui/panel.css';
import { App } from './ui/app';
import { createUxpServices } from './host/create-uxp-services';
import { openBrandlockSession } from './server/open-session';
import { runMenuCommand, type MenuCommand } from './flows/commands/run-menu-command';

const services = createUxpServices(openBrandlockSession);

export function mountPanel(root: HTMLElement): void {
  render(<App services={services} />, root);
}

export function runCommand(command: MenuCommand): Promise<void> {
  return runMenuCommand(services, command);
}
