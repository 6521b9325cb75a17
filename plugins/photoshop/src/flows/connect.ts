/**
 * Connecting to the brandlock server: check the URL against the origins the manifest allows (UXP
 * would refuse the request with an opaque network error otherwise), open the session, then remember
 * the URL in plain settings and the token in secure storage only.
 */
import type { BrandlockServer } from '../ports/brandlock-server';
import { PanelError } from '../errors/panel-error';
import type { PanelServices } from '../ui/panel-services';
import { SERVER_URL_KEY, TOKEN_KEY } from './settings-keys';


/** Normalises what the user typed into an origin-plus-path URL, or throws bad-input. */
export function normaliseServerUrl(input: string): string {
  const text = input.trim().replace(/\/+$/, '');
  let url: URL;
  try {
    url = new URL(/^[a-z]+:\/\//i.test(text) ? text : `https://${text}`);
  } catch {
    throw new PanelError('bad-input', `"${input}" is not a server address.`, 'Enter the address your admin gave you, e.g. https://brandlock.example.com');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new PanelError('bad-input', `"${input}" uses ${url.protocol}; the server address must start with https:// or http://.`);
  }
  return `${url.origin}${url.pathname === '/' ? '' : url.pathname}`;
}

export async function connect(services: PanelServices, urlInput: string, tokenInput: string): Promise<BrandlockServer> {
  const url = normaliseServerUrl(urlInput);
  const token = tokenInput.trim();
  if (!token) throw new PanelError('bad-token', 'Enter your access token.', 'Ask your brandlock admin for a retoucher token (brandlock token create --role retoucher).');
  const origin = new URL(url).origin;
  if (!services.allowedOrigins.includes(origin)) {
    throw new PanelError(
      'origin-not-allowed',
      `This copy of the plugin may only talk to ${services.allowedOrigins.join(' or ')}, not ${origin}.`,
      'Photoshop plugins declare their servers when they are packaged. Ask your admin for a .ccx built for this server (BRANDLOCK_SERVER_URLS).',
    );
  }
  const session = await services.openSession(url, token);
  await services.settings.set(SERVER_URL_KEY, url);
  await services.secrets.set(TOKEN_KEY, token);
  return session;
}

/** The saved URL and token, for reconnecting when the panel opens. */
export async function savedConnection(services: PanelServices): Promise<{ url: string; token: string | null }> {
  return { url: (await services.settings.get(SERVER_URL_KEY)) ?? '', token: await services.secrets.get(TOKEN_KEY) };
}

export async function forgetToken(services: PanelServices): Promise<void> {
  await services.secrets.remove(TOKEN_KEY);
}
