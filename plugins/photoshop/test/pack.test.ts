// `npm run pack` for the Photoshop plugin: the real build, zipped, then checked. The negative cases
// break one thing in a copy of the real package and expect the check to name it.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkCcx } from '../scripts/check-ccx.mjs';

const pluginDir = new URL('..', import.meta.url).pathname;
let out: string;
let ccx: Uint8Array;

beforeAll(() => {
  out = mkdtempSync(join(tmpdir(), 'brandlock-pack-'));
  const log = execFileSync(process.execPath, [join(pluginDir, 'scripts/pack.mjs'), '--out', out], {
    encoding: 'utf8',
    env: { ...process.env, BRANDLOCK_SERVER_URLS: 'https://brandlock.northfold.example,http://localhost:8787' },
  });
  expect(log).toContain('checks passed');
  ccx = new Uint8Array(readFileSync(join(out, 'brandlock-photoshop.ccx')));
});

afterAll(() => rmSync(out, { recursive: true, force: true }));

function repack(change: (files: Record<string, Uint8Array>) => void): Uint8Array {
  const files = unzipSync(ccx);
  change(files);
  return zipSync(files);
}

const manifestOf = (files: Record<string, Uint8Array>) => JSON.parse(new TextDecoder().decode(files['manifest.json']));
const setManifest = (files: Record<string, Uint8Array>, m: unknown) => (files['manifest.json'] = strToU8(JSON.stringify(m)));

describe('the packaged .ccx', () => {
  it('has manifest.json at its root with the servers the build was made for', () => {
    const { problems, files, manifest } = checkCcx(ccx);
    expect(problems).toEqual([]);
    expect(files).toEqual(expect.arrayContaining(['manifest.json', 'index.html', 'index.js', 'index.css', 'icons/plugin@1x.png', 'icons/plugin@2x.png', 'icons/panel-dark@1x.png']));
    expect(files).not.toContain('icons/plugin.png');
    expect(manifest.requiredPermissions.network.domains).toEqual(['https://brandlock.northfold.example', 'http://localhost:8787']);
    expect(manifest.entrypoints.map((e: { id: string }) => e.id)).toEqual(['brandlockPanel', 'applyBrandLutToOpenDocuments', 'runQcOnActiveDocument']);
  });

  it('ships a single iife that leaves photoshop and uxp to UXP', () => {
    const js = new TextDecoder().decode(unzipSync(ccx)['index.js']);
    expect(js.startsWith('"use strict";(()=>{')).toBe(true);
    expect(js).toContain('("photoshop")');
    expect(js).toContain('("uxp")');
    expect(js).not.toMatch(/^import |^export /m);
  });

  it('refuses eval and new Function in the bundle', () => {
    const broken = repack((f) => (f['index.js'] = strToU8(`${new TextDecoder().decode(f['index.js'])}\neval("1");new Function("return 1");`)));
    expect(checkCcx(broken).problems).toEqual([
      'index.js calls eval(); UXP refuses it without allowCodeGenerationFromStrings',
      'index.js uses new Function(); UXP refuses it without allowCodeGenerationFromStrings',
    ]);
  });

  it("refuses CSS outside UXP's subset", () => {
    const broken = repack((f) => (f['index.css'] = strToU8(`${new TextDecoder().decode(f['index.css'])}\n.x{display:grid;gap:4px;transition:opacity 1s}`)));
    expect(checkCcx(broken).problems).toEqual([
      'index.css uses gap, which UXP does not support',
      'index.css uses display: grid, which UXP does not support',
      'index.css uses transition, which UXP does not support',
    ]);
  });

  it('names a missing or wrongly sized icon', () => {
    const missing = repack((f) => delete f['icons/panel-dark@2x.png']);
    expect(checkCcx(missing).problems).toEqual(['icon "icons/panel-dark@2x.png" (2x) is referenced by the manifest but not in the .ccx']);
    const wrong = repack((f) => (f['icons/plugin@1x.png'] = f['icons/panel-dark@1x.png']));
    expect(checkCcx(wrong).problems).toEqual(['icon "icons/plugin@1x.png" is 23x23; expected 24x24']);
    const unsuffixed = repack((f) => {
      f['icons/plugin.png'] = f['icons/plugin@1x.png'];
      delete f['icons/plugin@1x.png'];
    });
    expect(checkCcx(unsuffixed).problems).toEqual(['icon "icons/plugin@1x.png" (1x) is referenced by the manifest but not in the .ccx']);
    const declared = repack((f) => {
      const m = manifestOf(f);
      m.icons[0].width = m.icons[0].height = 48;
      setManifest(f, m);
    });
    expect(checkCcx(declared).problems[0]).toBe('pluginList icon "icons/plugin.png" is declared 48x48; Adobe documents 24x24 at 1x');
  });

  it('names bad manifest fields', () => {
    const bad = repack((f) => {
      const m = manifestOf(f);
      m.manifestVersion = 4;
      m.host = [{ app: 'PS', minVersion: '24.0.0' }];
      m.requiredPermissions.network.domains = ['https://*.example.com'];
      m.entrypoints = m.entrypoints.filter((e: { id: string }) => e.id !== 'runQcOnActiveDocument');
      setManifest(f, m);
    });
    expect(checkCcx(bad).problems).toEqual([
      'manifest.manifestVersion is 4; expected 5',
      'manifest.host must be a single object (the Marketplace refuses an array)',
      'command entrypoint "runQcOnActiveDocument" is missing',
      'network domain "https://*.example.com" has a wildcard; UXP 7.4+ refuses them',
    ]);
  });

  it('names a file index.html loads that is not packaged, and a zip without a root manifest', () => {
    expect(checkCcx(repack((f) => delete f['index.css'])).problems).toEqual(['index.html references "index.css", which is not in the .ccx']);
    const nested = zipSync({ 'plugin/manifest.json': strToU8('{}') });
    expect(checkCcx(nested).problems).toEqual(['manifest.json is not at the root of the .ccx']);
  });
});
