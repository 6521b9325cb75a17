// INTERIM until core/src/api lands: replaced by the session over core's typed client.
import type { BrandlockServer } from '../ports/brandlock-server';
import { PanelError } from '../errors/panel-error';

export async function openBrandlockSession(url: string, _token: string): Promise<BrandlockServer> {
  throw new PanelError('server-error', `This build cannot talk to ${url} yet: the server API client is not in core.`);
}
