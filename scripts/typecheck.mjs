// Type-checks every TypeScript project in the workspace: each tsconfig*.json under core/, server/,
// plugins/* and scripts/ (the root tsconfig.json only holds shared options). Exits non-zero on any error.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const roots = ['core', 'server', 'plugins', 'scripts'];

function findConfigs(dir, depth = 0) {
  const found = [];
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name === 'dist' || name.startsWith('.')) continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      if (depth < 2) found.push(...findConfigs(path, depth + 1));
    } else if (/^tsconfig(\.[\w-]+)?\.json$/.test(name)) {
      found.push(path);
    }
  }
  return found;
}

const configs = roots.flatMap((r) => findConfigs(join(root, r))).sort();
const tsc = join(root, 'node_modules', '.bin', 'tsc');
let failed = 0;
for (const config of configs) {
  const res = spawnSync(tsc, ['-p', config, '--pretty', 'false'], { stdio: 'inherit', cwd: root });
  const label = relative(root, config);
  if (res.status !== 0) {
    failed++;
    console.error(`typecheck: ${label} has errors`);
  } else {
    console.log(`typecheck: ${label} ok`);
  }
}
if (failed) {
  console.error(`typecheck: ${failed} of ${configs.length} projects failed`);
  process.exit(1);
}
