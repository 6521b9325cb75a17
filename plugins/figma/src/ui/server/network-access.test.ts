import { describe, expect, it } from 'vitest';
import { builtInServer, networkRefusal, reachable } from './network-access';

describe('the network access a build may use', () => {
  const domains = ['https://brandlock.northfold.example/api/', 'https://*.northfold.example', 'http://localhost:8787', 'http://127.0.0.1:8787'];

  it('takes a URL under an allowed origin and path, a wildcard subdomain, or the development server', () => {
    expect(reachable('https://brandlock.northfold.example/api', domains)).toBe(true);
    expect(reachable('https://eu.northfold.example', domains)).toBe(true);
    expect(reachable('http://127.0.0.1:8787', domains)).toBe(true);
    expect(reachable('https://brandlock.northfold.example/other', ['https://brandlock.northfold.example/api/'])).toBe(false);
    expect(reachable('https://brandlock.northfold.example/api/v2', ['https://brandlock.northfold.example/api/'])).toBe(true);
    expect(reachable('http://brandlock.northfold.example/api', domains)).toBe(false);
    expect(reachable('http://127.0.0.1:9999', domains)).toBe(false);
    expect(reachable('https://evil.example/?https://eu.northfold.example', domains)).toBe(false);
  });

  it('refuses any other URL naming what the build reaches, and offers the production server', () => {
    expect(networkRefusal('http://10.0.0.5:8787', domains)).toBe(
      'This build of the plugin may reach only https://brandlock.northfold.example/api/, https://*.northfold.example, http://localhost:8787, http://127.0.0.1:8787; Figma blocks every other address. Use that address, or have the plugin packed for yours (BRANDLOCK_SERVER_URL=http://10.0.0.5:8787 npm run pack).',
    );
    expect(builtInServer(domains)).toBe('https://brandlock.northfold.example/api');
    expect(networkRefusal('https://x.example', [])).toMatch(/may reach only no server at all/);
  });
});
