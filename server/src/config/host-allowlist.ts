/**
 * Host allowlists for provider result URLs: the server downloads outputs only from hosts configured
 * for that provider, so a provider response (or an attacker's webhook) cannot make it fetch from the
 * internal network. Entries are `host`, `*.domain`, `host:port`, optionally with `http://` (plain
 * HTTP is refused unless an entry names it). An entry without a port matches only the default port.
 */

export interface HostRule {
  scheme: 'https' | 'http';
  /** Lower-case host name or IP; for a wildcard, the domain after "*.". */
  host: string;
  wildcard: boolean;
  port: number | null;
}

export class AllowlistError extends Error {
  override name = 'AllowlistError';
}

/**
 * @example parseHostAllowlist('*.fal.media, http://127.0.0.1:9000', 'FAL_ALLOWED_HOSTS')
 */
export function parseHostAllowlist(text: string, source: string): HostRule[] {
  return text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .map((entry) => {
      const m = /^(?:(https?):\/\/)?(\*\.)?([a-z0-9.-]+|\[[0-9a-f:]+\])(?::(\d{1,5}))?\/?$/i.exec(entry);
      if (!m) throw new AllowlistError(`${source}: "${entry}" is not a host; expected entries like "v3.fal.media", "*.fal.media" or "http://127.0.0.1:9000"`);
      const port = m[4] ? Number(m[4]) : null;
      if (port !== null && (port < 1 || port > 65535)) throw new AllowlistError(`${source}: port ${port} in "${entry}" is out of range`);
      return { scheme: (m[1]?.toLowerCase() ?? 'https') as 'https' | 'http', host: m[3].toLowerCase(), wildcard: Boolean(m[2]), port };
    });
}

/** True when the URL's scheme, host and port match an entry. */
export function isUrlAllowed(url: string, rules: readonly HostRule[]): boolean {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  const scheme = u.protocol.replace(/:$/, '');
  if (scheme !== 'https' && scheme !== 'http') return false;
  if (u.username || u.password) return false;
  const host = u.hostname.toLowerCase();
  const port = u.port ? Number(u.port) : null;
  return rules.some((r) => {
    if (r.scheme !== scheme) return false;
    if (r.port !== port) return false;
    return r.wildcard ? host.endsWith(`.${r.host}`) : host === r.host;
  });
}
