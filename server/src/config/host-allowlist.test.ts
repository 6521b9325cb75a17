import { describe, expect, it } from 'vitest';
import { isUrlAllowed, parseHostAllowlist } from './host-allowlist';

describe('host allowlists', () => {
  const rules = parseHostAllowlist('v3.fal.media, *.replicate.delivery, http://127.0.0.1:9100', 'TEST_HOSTS');

  it('allows the configured hosts over HTTPS and the explicit loopback port', () => {
    expect(isUrlAllowed('https://v3.fal.media/files/a.png', rules)).toBe(true);
    expect(isUrlAllowed('https://pbxt.replicate.delivery/x/out.png', rules)).toBe(true);
    expect(isUrlAllowed('http://127.0.0.1:9100/view?filename=a.png', rules)).toBe(true);
  });

  it('refuses other loopback ports, plain HTTP, look-alike hosts and credentials in URLs', () => {
    expect(isUrlAllowed('http://127.0.0.1:9101/secret', rules)).toBe(false);
    expect(isUrlAllowed('http://127.0.0.1/secret', rules)).toBe(false);
    expect(isUrlAllowed('http://v3.fal.media/a.png', rules)).toBe(false);
    expect(isUrlAllowed('https://v3.fal.media.evil.com/a.png', rules)).toBe(false);
    expect(isUrlAllowed('https://replicate.delivery/a.png', rules)).toBe(false);
    expect(isUrlAllowed('https://user:pw@v3.fal.media/a.png', rules)).toBe(false);
    expect(isUrlAllowed('file:///etc/passwd', rules)).toBe(false);
    expect(isUrlAllowed('not a url', rules)).toBe(false);
  });

  it('names the variable and the bad entry', () => {
    expect(() => parseHostAllowlist('good.host, bad host', 'FAL_ALLOWED_HOSTS')).toThrow('FAL_ALLOWED_HOSTS: "bad host" is not a host');
  });
});
