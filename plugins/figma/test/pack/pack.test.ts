import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';
import { createBus } from '../../src/bus/create-bus';
import type { MainApi, MainEvents, UiApi, UiEvents } from '../../src/protocol/main-api';
import { createFakeFigma } from '../fake-figma/fake-figma';
import { pngBytes } from '../support/fixtures';
import { checkPackedPlugin } from '../../scripts/check-packed-plugin';

const pluginDir = fileURLToPath(new URL('../..', import.meta.url));
const root = fileURLToPath(new URL('../../../..', import.meta.url));

function pack(env: Record<string, string>, out: string) {
  return spawnSync(process.execPath, [join(root, 'scripts/run-ts.mjs'), 'scripts/pack.ts', '--out', out], {
    cwd: pluginDir,
    env: { ...process.env, BRANDLOCK_SERVER_URL: '', ...env },
    encoding: 'utf8',
  });
}

describe('npm run pack (Figma)', () => {
  const out = join(mkdtempSync(join(tmpdir(), 'figma-pack-')), 'figma');
  const res = pack({ BRANDLOCK_SERVER_URL: 'https://brandlock.northfold.example', BRANDLOCK_DEV_PORT: '9900' }, out);

  it('writes a plugin folder whose manifest validates and names the configured server', () => {
    expect(res.status, res.stderr).toBe(0);
    expect(checkPackedPlugin(out)).toEqual([]);
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
    expect(manifest.networkAccess.allowedDomains).toEqual(['https://brandlock.northfold.example']);
    expect(manifest.networkAccess.devAllowedDomains).toEqual(['http://localhost:9900', 'http://127.0.0.1:9900']);
    expect(res.stdout).toContain('Import plugin from manifest');
  });

  it('the packed code.js runs in a plain JS context with the fake figma and answers the UI', async () => {
    const host = createFakeFigma();
    const html = readFileSync(join(out, 'ui.html'), 'utf8');
    const context = vm.createContext({ figma: host.figma, __html__: html, setTimeout, clearTimeout, console });
    vm.runInContext(readFileSync(join(out, 'code.js'), 'utf8'), context, { filename: 'code.js' });
    expect(host.shownUi[0].html).toBe(html);
    const ui = createBus<UiApi, MainApi, UiEvents, MainEvents>(
      { post: (m) => host.sendFromUi(m), listen: (r) => (host.connectUi(r), () => undefined) },
      { holdUntilReady: false },
    );
    const command = new Promise((resolve) => ui.on('command', resolve));
    ui.announceReady();
    expect(await command).toEqual({ command: null, editorType: 'figma' });
    const photo = host.figma.createRectangle();
    photo.fills = [{ type: 'IMAGE', scaleMode: 'FILL', imageHash: host.figma.createImage(pngBytes(40, 30, [10, 20, 30])).hash }];
    host.select([photo]);
    const selection = await ui.call('getSelection', undefined);
    expect(selection.image).toMatchObject({ imageWidth: 40, imageHeight: 30 });
    const scan = await ui.call('paletteScan', { scope: 'page' });
    expect(scan.notChecked.images).toBe(1);
  });

  it('refuses a plain-http server and says what it expected', () => {
    const bad = pack({ BRANDLOCK_SERVER_URL: 'http://brandlock.northfold.example' }, join(tmpdir(), `figma-pack-bad-${process.pid}`));
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('BRANDLOCK_SERVER_URL "http://brandlock.northfold.example" uses http; expected https');
  });
});
