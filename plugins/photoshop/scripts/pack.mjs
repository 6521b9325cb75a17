// Builds the Photoshop panel and packages it as dist/brandlock-photoshop.ccx (a zip of dist/plugin
// with manifest.json at its root), then checks the package (scripts/check-ccx.mjs) and exits 1 on
// any problem. `npm run pack` at the root runs this through the workspace's `pack` script.
// Options: --out <dir> writes the build and the .ccx there instead of plugins/photoshop/dist.
import * as esbuild from 'esbuild';
import { zipSync } from 'fflate';
import { mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundles } from '../build.mjs';
import { checkCcx } from './check-ccx.mjs';

const pluginDir = fileURLToPath(new URL('..', import.meta.url));
const root = join(pluginDir, '../..');
const outArg = process.argv.indexOf('--out');
const outDir = outArg > 0 ? process.argv[outArg + 1] : join(pluginDir, 'dist');
const buildDir = join(outDir, 'plugin');
const ccxPath = join(outDir, 'brandlock-photoshop.ccx');

function collect(dir) {
  const out = {};
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) Object.assign(out, collect(path));
    else out[relative(buildDir, path).split('\\').join('/')] = readFileSync(path);
  }
  return out;
}

rmSync(buildDir, { recursive: true, force: true });
for (const options of bundles(root, { outDir: buildDir })) await esbuild.build({ absWorkingDir: root, ...options });
const zip = zipSync(collect(buildDir), { level: 9, mtime: new Date('2026-01-01T00:00:00Z') });
mkdirSync(outDir, { recursive: true });
writeFileSync(`${ccxPath}.part`, zip);
renameSync(`${ccxPath}.part`, ccxPath);

const { problems, files, manifest } = checkCcx(zip);
console.log(`pack: ${relative(process.cwd(), ccxPath)} (${zip.length} bytes, ${files.length} files, ${manifest?.id} ${manifest?.version})`);
if (problems.length) {
  for (const p of problems) console.error(`pack: ${p}`);
  console.error(`pack: ${problems.length} problem(s); the .ccx must not be distributed`);
  process.exit(1);
}
console.log(`pack: checks passed (manifest v${manifest.manifestVersion}, Photoshop ${manifest.host.minVersion}+, network ${manifest.requiredPermissions.network.domains.join(' ')})`);
