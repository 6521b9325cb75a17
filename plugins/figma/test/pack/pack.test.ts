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
    // The sandbox code carries only what the main thread calls: no schema library, tens of kB.
    const code = readFileSync(join(out, 'code.js'), 'utf8');
    expect(code).not.toMatch(/ZodError|zod/);
    expect(code.length).toBeLessThan(100_000);
    // The UI carries zod for offline lock checks, but not its forty languages of error messages (they
    // would add well over 100 kB; the product-loop screen and the legibility plate took it past 460 kB,
    // the LUT strength slider and banded full-size grade to 480 kB).
    const html = readFileSync(join(out, 'ui.html'), 'utf8');
    expect(html.length).toBeLessThan(490_000);
    expect(html).not.toMatch(/zod\/v4\/locales|Zu groß|Demasiado grande/);
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
    // Copy-fit (core's fitCopy, bundled into code.js) measures with the fake's text layers.
    const [made] = await ui.call('createVariants', {
      source: { nodeId: photo.id, imageHash: selection.image!.imageHash },
      groupName: 'packed',
      frames: [{
        channelId: 'sq', channelName: 'Square', frameName: 'sq', fileName: 'sq.png', width: 200, height: 200, background: null,
        image: { rect: { x: 0, y: 0, width: 200, height: 200 }, transform: [[0.75, 0, 0.125], [0, 1, 0]] },
        safeArea: { top: 0, right: 0, bottom: 0, left: 0 },
        overlay: { text: 'New in', box: { x: 10, y: 140, width: 180, height: 50 }, font: { family: 'Inter', style: 'Bold' }, color: { r: 1, g: 1, b: 1 }, align: 'LEFT', vertical: 'BOTTOM', minSize: 8, maxSize: 40, contrast: null },
        exportSettings: [{ format: 'PNG', constraint: { type: 'WIDTH', value: 200 }, suffix: '', colorProfile: 'SRGB' }],
        delivery: { format: 'png', quality: 90, maxBytes: null },
        warnings: [],
      }],
    });
    expect(made.fontSize).toBeGreaterThan(20);
    expect(made.overflow).toBe(false);
  });

  it('refuses a plain-http server and says what it expected', () => {
    const bad = pack({ BRANDLOCK_SERVER_URL: 'http://brandlock.northfold.example' }, join(tmpdir(), `figma-pack-bad-${process.pid}`));
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('BRANDLOCK_SERVER_URL "http://brandlock.northfold.example" uses http; expected https');
  });
});
