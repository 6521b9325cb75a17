/**
 * Connects the plugin to the brand's brandlock server with the designer's token, through the typed
 * client in core/src/api: checks the token, then fetches the current Brand Lock and the LUT files the
 * server holds for it. Errors come back in words a designer can act on (unreachable, refused token,
 * no lock published yet).
 */
import { createBrandlockClient, type BrandlockClient } from '@brandlock/core/api';
import type { LoadedLock } from '../lock/loaded-lock';
import { fetchLockLuts } from './fetch-lock-luts';
import { networkRefusal } from './network-access';

export interface ServerConnection {
  url: string;
  client: BrandlockClient;
  who: { name: string; role: string };
}

export type ConnectResult = { success: true; connection: ServerConnection; loaded: LoadedLock } | { success: false; message: string };

/** Checks the URL a designer typed: http(s), no credentials, no query; returns it without a trailing slash. */
export function normalizeServerUrl(input: string): { success: true; url: string } | { success: false; message: string } {
  let u: URL;
  try {
    u = new URL(input.trim());
  } catch {
    return { success: false, message: `"${input.trim()}" is not a URL; expected something like https://brandlock.example.com` };
  }
  if (u.protocol !== 'https:' && u.protocol !== 'http:') return { success: false, message: `expected an http(s) URL, found ${u.protocol.replace(':', '')}` };
  if (u.username || u.password) return { success: false, message: 'leave the user name and password out of the URL; the token goes in the token field' };
  if (u.search || u.hash) return { success: false, message: 'expected the server\'s base URL, without ? or #' };
  return { success: true, url: `${u.origin}${u.pathname.replace(/\/+$/, '')}` };
}

export async function connectServer(input: string, token: string): Promise<ConnectResult> {
  const checked = normalizeServerUrl(input);
  if (!checked.success) return checked;
  const refused = networkRefusal(checked.url);
  if (refused) return { success: false, message: refused };
  if (!token.trim()) return { success: false, message: 'Enter your brandlock token (an admin makes one with "brandlock token create --role designer")' };
  const client = createBrandlockClient({ baseUrl: checked.url, token: token.trim(), timeoutMs: 20_000 });
  try {
    const me = await client.me();
    const detail = await client.locks.get('current');
    const { cubes } = await fetchLockLuts(client, detail.version, detail.lock.luts);
    return {
      success: true,
      connection: { url: checked.url, client, who: { name: me.name, role: me.role } },
      loaded: { lock: detail.lock, hash: detail.hash, source: { kind: 'server', url: checked.url }, cubes },
    };
  } catch (e) {
    return { success: false, message: explain(e, checked.url) };
  }
}

function explain(e: unknown, url: string): string {
  const err = e as { name?: string; status?: number; code?: string; serverMessage?: string; message?: string };
  switch (err?.name) {
    case 'BrandlockNetworkError':
    case 'BrandlockTimeoutError':
      return `Cannot reach ${url}. Is the server running, and is this address the one the plugin was built for (its allowed domains)?`;
    case 'BrandlockAuthError':
      return 'The server refused the token: it is unknown, mistyped or revoked. Ask an admin for a new one.';
    case 'BrandlockForbiddenError':
      return `This token may not read the Brand Lock (${err.serverMessage ?? 'forbidden'}).`;
    default:
      if (err?.status === 404 && err.code === 'not_found') return 'The server has no Brand Lock yet. An admin publishes one (POST /v1/locks) before the plugin can use it.';
      return err?.message ?? String(e);
  }
}
