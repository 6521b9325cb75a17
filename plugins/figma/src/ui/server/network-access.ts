/**
 * The server addresses this build of the plugin may reach: the manifest's networkAccess (allowed and
 * development domains), baked in when the plugin is packed. Figma blocks every other host with a CSP
 * error the UI cannot tell from "server down", so a URL outside them is refused up front, in words.
 */
declare const __BRANDLOCK_NETWORK__: string[];

export const NETWORK_ACCESS: readonly string[] = typeof __BRANDLOCK_NETWORK__ === 'undefined' ? [] : __BRANDLOCK_NETWORK__;

/** Whether a base URL lies under one of the domains (origin plus optional path prefix, `*.` subdomains). */
export function reachable(url: string, domains: readonly string[] = NETWORK_ACCESS): boolean {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  return domains.some((d) => {
    const m = /^(https?):\/\/(\*\.)?([^/:]+)(:\d+)?(\/.*)?$/.exec(d);
    if (!m) return false;
    const [, scheme, wildcard, host, port = '', path = '/'] = m;
    if (u.protocol !== `${scheme}:`) return false;
    const hostOk = wildcard ? u.hostname.endsWith(`.${host}`) : u.hostname === host;
    const portOk = (u.port ? `:${u.port}` : '') === port;
    const prefix = path.endsWith('/') ? path : `${path}/`;
    return hostOk && portOk && `${u.pathname.replace(/\/+$/, '')}/`.startsWith(prefix);
  });
}

/** Why a URL cannot be used, or null when this build may reach it. */
export function networkRefusal(url: string, domains: readonly string[] = NETWORK_ACCESS): string | null {
  if (reachable(url, domains)) return null;
  const allowed = domains.length ? domains.join(', ') : 'no server at all';
  return `This build of the plugin may reach only ${allowed}; Figma blocks every other address. Use that address, or have the plugin packed for yours (BRANDLOCK_SERVER_URL=${url} npm run pack).`;
}

/** The production server this build was made for (its first https domain), to fill in the URL field. */
export function builtInServer(domains: readonly string[] = NETWORK_ACCESS): string {
  return domains.find((d) => d.startsWith('https://') && !d.includes('*'))?.replace(/\/$/, '') ?? '';
}
