/**
 * `npm run pack` for the Figma plugin: builds code.js and ui.html, writes manifest.json with the
 * configured server in networkAccess, checks the result, and puts it in plugins/figma/dist/figma/
 * (staged under a temporary name, renamed when complete), ready for Figma's "Import plugin from
 * manifest".
 *
 * Environment: BRANDLOCK_SERVER_URL (https URL of the brand's server; unset = development only),
 * BRANDLOCK_DEV_PORT (local server port for devAllowedDomains, default 8787),
 * BRANDLOCK_FIGMA_PLUGIN_ID (the id Figma assigned when the plugin was first published).
 * Usage: node ../../scripts/run-ts.mjs scripts/pack.ts [--out <dir>]
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildManifest, DEFAULT_DEV_PORTS } from '../src/manifest/build-manifest';
import { checkPackedPlugin } from './check-packed-plugin';

const pluginDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const root = resolve(pluginDir, '../..');
const outFlag = process.argv.indexOf('--out');
const outDir = outFlag > 0 && process.argv[outFlag + 1] ? resolve(process.argv[outFlag + 1]) : join(pluginDir, 'dist/figma');

function fail(message: string): never {
  console.error(`figma pack: ${message}`);
  process.exit(1);
}

const devPort = process.env.BRANDLOCK_DEV_PORT ? Number(process.env.BRANDLOCK_DEV_PORT) : null;
if (devPort !== null && !(Number.isInteger(devPort) && devPort > 0 && devPort < 65536)) fail(`BRANDLOCK_DEV_PORT "${process.env.BRANDLOCK_DEV_PORT}" is not a port number`);
const built = buildManifest({
  serverUrl: process.env.BRANDLOCK_SERVER_URL,
  devPorts: devPort ? [devPort] : DEFAULT_DEV_PORTS,
  pluginId: process.env.BRANDLOCK_FIGMA_PLUGIN_ID,
});
if (!built.success) fail(built.message);

// The UI checks a server URL against the same domains before Figma's CSP would block it.
const network = [...built.manifest.networkAccess!.allowedDomains, ...(built.manifest.networkAccess!.devAllowedDomains ?? [])].filter((d) => d !== 'none');
const build = spawnSync(process.execPath, [join(root, 'esbuild.config.mjs'), 'figma'], { cwd: root, stdio: 'inherit', env: { ...process.env, BRANDLOCK_FIGMA_NETWORK: JSON.stringify(network) } });
if (build.status !== 0) fail('the build failed');

const stage = `${outDir}.tmp-${process.pid}`;
rmSync(stage, { recursive: true, force: true });
mkdirSync(stage, { recursive: true });
writeFileSync(join(stage, 'manifest.json'), `${JSON.stringify(built.manifest, null, 2)}\n`);
for (const file of ['code.js', 'ui.html']) copyFileSync(join(pluginDir, 'dist/build', file), join(stage, file));
const issues = checkPackedPlugin(stage);
if (issues.length) {
  rmSync(stage, { recursive: true, force: true });
  fail(`the packed plugin does not check out:\n${issues.map((i) => `  ${i.path}: ${i.message}`).join('\n')}`);
}
if (existsSync(outDir)) rmSync(outDir, { recursive: true, force: true });
renameSync(stage, outDir);

for (const w of built.warnings) console.warn(`figma pack: note: ${w}`);
const size = (f: string) => `${Math.round(statSync(join(outDir, f)).size / 1024)} kB`;
console.log(`figma pack: ${outDir} (code.js ${size('code.js')}, ui.html ${size('ui.html')})`);
console.log(`figma pack: network: ${built.manifest.networkAccess!.allowedDomains.join(', ')}; development: ${built.manifest.networkAccess!.devAllowedDomains!.join(', ')}`);
console.log('figma pack: in Figma, Plugins > Development > Import plugin from manifest…, then choose manifest.json in that folder');
