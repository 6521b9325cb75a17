import { describe, expect, it } from 'vitest';
import { buildManifest } from './build-manifest';
import { validateManifest } from './validate-manifest';

describe('buildManifest', () => {
  it('allows exactly the configured server, and localhost only for development', () => {
    const res = buildManifest({ serverUrl: 'https://brandlock.northfold.example' });
    if (!res.success) throw new Error(res.message);
    expect(res.manifest.networkAccess).toMatchObject({
      allowedDomains: ['https://brandlock.northfold.example'],
      devAllowedDomains: ['http://localhost:8787', 'http://127.0.0.1:8787'],
    });
    expect(res.manifest.documentAccess).toBe('dynamic-page');
    expect(res.manifest.editorType).toEqual(['figma', 'figjam']);
    expect(validateManifest(res.manifest)).toEqual([]);
  });

  it('keeps a path prefix and a port when the server lives under one', () => {
    const res = buildManifest({ serverUrl: 'https://tools.example.com:8443/brandlock' });
    expect(res.success && res.manifest.networkAccess?.allowedDomains).toEqual(['https://tools.example.com:8443/brandlock/']);
  });

  it('without a server, blocks production network access and says so', () => {
    const res = buildManifest({});
    if (!res.success) throw new Error(res.message);
    expect(res.manifest.networkAccess?.allowedDomains).toEqual(['none']);
    expect(res.warnings[0]).toMatch(/BRANDLOCK_SERVER_URL is not set/);
    expect(validateManifest(res.manifest)).toEqual([]);
  });

  it.each([
    ['http://brandlock.example.com', /expected https/],
    ['http://localhost:8787', /local address/],
    ['https://user:pw@brandlock.example.com', /user name or password/],
    ['brandlock dot com', /is not a URL/],
    ['https://brandlock.example.com/?token=1', /query or fragment/],
  ])('refuses %s', (url, message) => {
    const res = buildManifest({ serverUrl: url });
    expect(res.success).toBe(false);
    expect(!res.success && res.message).toMatch(message);
  });
});

describe('validateManifest', () => {
  const good = () => {
    const r = buildManifest({ serverUrl: 'https://brandlock.example.com' });
    if (!r.success) throw new Error(r.message);
    return JSON.parse(JSON.stringify(r.manifest));
  };

  it('reports each problem with its path', () => {
    const m = good();
    m.editorType = ['figma', 'sketch'];
    m.documentAccess = 'all-pages';
    m.networkAcess = {};
    m.networkAccess.allowedDomains = ['http://localhost:3000', 'not a domain', 'none'];
    m.main = '/abs/code.js';
    delete m.name;
    const paths = validateManifest(m).map((i) => `${i.path}: ${i.message}`);
    expect(paths).toEqual(expect.arrayContaining([
      'networkAcess: unknown manifest field; Figma documents no such key',
      'name: missing: expected a non-empty string',
      'main: expected a relative path to a .js file, found "/abs/code.js"',
      'editorType[1]: expected one of figma, figjam, slides, dev, found "sketch"',
      'documentAccess: expected "dynamic-page" (required for new plugins)',
      'networkAccess.allowedDomains[1]: "not a domain" is not a domain pattern; expected e.g. "https://api.example.com", "*.example.com" or "example.com/api/"',
      'networkAccess.allowedDomains: "none" must be the only entry',
      'networkAccess.allowedDomains[0]: "http://localhost:3000" is a local address; put it in devAllowedDomains',
    ]));
  });

  it('accepts every documented domain pattern form', () => {
    const m = good();
    m.networkAccess.allowedDomains = ['https://my-app.cdn.com', 'wss://socket.io', '*.example.com', 'example.com/api/', 'exact-path.com/content'];
    expect(validateManifest(m)).toEqual([]);
  });

  it('needs a reasoning for "*"', () => {
    const m = good();
    m.networkAccess = { allowedDomains: ['*'] };
    expect(validateManifest(m)).toEqual([{ path: 'networkAccess.reasoning', message: 'required when allowedDomains is "*"' }]);
  });
});
