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

/**
 * Opens a session with the server. Cancel ends the wait at once: a server that takes the connection
 * and never answers (a VPN down, a firewall dropping packets) would otherwise hold the panel until the
 * client's 30 s timeout. The signal races the requests rather than relying on them to stop, as UXP's
 * fetch may keep going after an abort.
 */
export async function connect(services: PanelServices, urlInput: string, tokenInput: string, signal?: AbortSignal): Promise<BrandlockServer> {
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
  const session = await untilCancelled(services.openSession(url, token), signal, `Connecting to ${url} was cancelled; nothing was saved.`);
  await services.settings.set(SERVER_URL_KEY, url);
  await services.secrets.set(TOKEN_KEY, token);
  return session;
}

function untilCancelled<T>(work: Promise<T>, signal: AbortSignal | undefined, message: string): Promise<T> {
  if (!signal) return work;
  // The request left running after Cancel must not surface later as an unhandled rejection.
  work.catch(() => undefined);
  return new Promise<T>((resolve, reject) => {
    const stop = () => reject(new PanelError('cancelled', message, 'Check the address, your network or VPN, then connect again.'));
    if (signal.aborted) return stop();
    signal.addEventListener('abort', stop, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', stop));
  });
}

/** The saved URL and token, for reconnecting when the panel opens. */
export async function savedConnection(services: PanelServices): Promise<{ url: string; token: string | null }> {
  return { url: (await services.settings.get(SERVER_URL_KEY)) ?? '', token: await services.secrets.get(TOKEN_KEY) };
}

export async function forgetToken(services: PanelServices): Promise<void> {
  await services.secrets.remove(TOKEN_KEY);
}
