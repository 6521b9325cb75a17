/**
 * Which origins a provider's result URLs may come from. Entries are origins such as
 * "https://v3.fal.media", "https://*.fal.media" (any subdomain) or "http://127.0.0.1:8188"; an entry
 * without a scheme means https. A URL matches only on the same scheme, host and port, so a loopback
 * port that is not listed is refused even when another loopback port is.
 */

export interface AllowedOrigin {
  protocol: 'http:' | 'https:';
  /** Lower-case host name or IP literal; with `wildcard` it is the suffix after "*.". */
  host: string;
  wildcard: boolean;
  port: string;
}

const DEFAULT_PORT: Record<string, string> = { 'http:': '80', 'https:': '443' };

/** Parses allowlist entries; throws naming the entry when one is not an origin. */
export function parseAllowlist(entries: readonly string[]): AllowedOrigin[] {
  return entries
    .map((e) => e.trim())
    .filter(Boolean)
    .map((entry) => {
      const withScheme = /^[a-z]+:\/\//i.test(entry) ? entry : `https://${entry}`;
      const wildcard = /^[a-z]+:\/\/\*\./i.test(withScheme);
      let url: URL;
      try {
        url = new URL(withScheme.replace('://*.', '://'));
      } catch {
        throw new Error(`allowed host "${entry}" is not an origin; expected e.g. "https://v3.fal.media" or "https://*.fal.media"`);
      }
      if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.pathname !== '/' || url.search || url.username) {
        throw new Error(`allowed host "${entry}" must be a bare http(s) origin without path, query or credentials`);
      }
      return { protocol: url.protocol, host: url.hostname.toLowerCase(), wildcard, port: url.port || DEFAULT_PORT[url.protocol] };
    });
}

/** The origin of a base URL, as an allowlist entry (the provider's own API host is always allowed). */
export function originOf(baseUrl: string): string {
  return new URL(baseUrl).origin;
}

/** True when `url` is an http(s) URL without credentials whose origin is on the list. */
export function isAllowedUrl(url: URL, allowed: readonly AllowedOrigin[]): boolean {
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return false;
  if (url.username || url.password) return false;
  const host = url.hostname.toLowerCase();
  const port = url.port || DEFAULT_PORT[url.protocol];
  return allowed.some(
    (a) =>
      a.protocol === url.protocol &&
      a.port === port &&
      (a.wildcard ? host.endsWith(`.${a.host}`) : host === a.host),
  );
}
