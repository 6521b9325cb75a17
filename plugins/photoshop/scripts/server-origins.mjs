// Parses the server origins a build is allowed to talk to (BRANDLOCK_SERVER_URLS) into the exact
// strings UXP's manifest `network.domains` wants: scheme, host and port, no path, no wildcard.

/**
 * @param {string} list comma-separated URLs, e.g. "https://brandlock.example.com,http://localhost:8787"
 * @returns {string[]}
 */
export function serverOrigins(list) {
  const origins = [];
  for (const raw of list.split(',').map((s) => s.trim()).filter(Boolean)) {
    if (raw.includes('*')) throw new Error(`BRANDLOCK_SERVER_URLS: "${raw}" has a wildcard; UXP 7.4+ refuses them, list each server`);
    let url;
    try {
      url = new URL(raw);
    } catch {
      throw new Error(`BRANDLOCK_SERVER_URLS: "${raw}" is not a URL; expected e.g. https://brandlock.example.com`);
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') {
      throw new Error(`BRANDLOCK_SERVER_URLS: "${raw}" uses ${url.protocol}; expected http: or https:`);
    }
    if (!origins.includes(url.origin)) origins.push(url.origin);
  }
  if (!origins.length) throw new Error('BRANDLOCK_SERVER_URLS is set but lists no server');
  return origins;
}
