// Every bundle brandlock ships. The server + CLI bundle targets Node 20; the plugin packages add
// theirs through their own build.mjs (imported below when present), so each package owns its entries.
// Usage: node esbuild.config.mjs [server|photoshop|figma ...]  (no argument builds everything)
import * as esbuild from 'esbuild';
import { chmodSync, existsSync, readdirSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('.', import.meta.url));

/** Node packages that must stay outside the bundle: native addons and packages that load files beside themselves. */
const nodeExternals = ['sharp', '@electric-sql/pglite', 'pg-boss', 'pg', 'pg-native', 'playwright-core'];

const serverEntries = [
  { in: 'server/src/cli.ts', out: 'brandlock' },
  { in: 'server/src/main.ts', out: 'server' },
  // Worker threads and child processes the CLI and server start; found beside the bundle (server/src/runtime/worker-script.ts).
  { in: 'server/src/pipeline/lut/grade-worker.ts', out: 'lut-grade-worker' },
  { in: 'server/src/render/render-host.ts', out: 'render-host' },
  { in: 'server/src/pipeline/qc/qc-worker.ts', out: 'qc-worker' },
  { in: 'server/src/lock-setup/measure-worker.ts', out: 'measure-worker' },
].filter((e) => existsSync(new URL(e.in, import.meta.url)));

/**
 * `import sharp from 'sharp'` in the server bundle loads sharp's CommonJS build (index.cjs) through
 * require, not its ES module build: the same package and API, but Node 20 loads the ESM build's dozen
 * modules (and semver, detect-libc through the CommonJS interop) in about 100 ms of CPU where the
 * CommonJS build takes about 45, and every command that touches an image waits for it at start-up.
 */
const sharpAsCommonJs = {
  name: 'sharp-as-commonjs',
  setup(build) {
    build.onResolve({ filter: /^sharp$/ }, (args) => (args.namespace === 'sharp-cjs' ? { path: 'sharp', external: true } : { path: 'sharp', namespace: 'sharp-cjs' }));
    build.onLoad({ filter: /.*/, namespace: 'sharp-cjs' }, () => ({
      contents: "import { createRequire } from 'node:module';\nexport default createRequire(import.meta.url)('sharp');\n",
      loader: 'js',
      resolveDir: root,
    }));
  },
};

/** Removes the content-hashed chunks an earlier split build left, so dist/ holds one build. */
function removeOldChunks(dir) {
  if (!existsSync(dir)) return;
  for (const name of readdirSync(dir)) if (/-[A-Z0-9]{8}\.mjs(\.map)?$/.test(name)) rmSync(resolve(dir, name));
}

/** @type {Record<string, () => Promise<import('esbuild').BuildOptions[]>>} */
const targets = {
  server: async () => [
    {
      entryPoints: serverEntries,
      // BRANDLOCK_DIST lets tests build a private copy without touching dist/.
      outdir: process.env.BRANDLOCK_DIST ?? 'dist',
      outExtension: { '.js': '.mjs' },
      bundle: true,
      platform: 'node',
      target: 'node20',
      format: 'esm',
      // Shared code goes into chunks beside the entries, and each command imports its work when it runs,
      // so `brandlock --help` or `lut apply` do not load the server, the database and every pipeline.
      splitting: true,
      sourcemap: true,
      external: nodeExternals,
      plugins: [sharpAsCommonJs],
      // The hashbang makes dist/brandlock.mjs runnable as a command (`npx brandlock`, the package bin).
      // glibc reads its malloc settings only at process start, so a process cannot set them for itself.
      // MALLOC_ARENA_MAX=2 caps the arenas (by default up to 8 per core, one per thread that contends:
      // libvips and libuv workers); MALLOC_MMAP_THRESHOLD_=1 MiB keeps image-sized buffers in mmap, given
      // back when freed, where glibc would raise the threshold and keep them in the arenas. `brandlock
      // variants` on a 24 MP master: median peak 250 MB (arena cap alone 280, neither 330), CPU within
      // 3%. GLIBC_TUNABLES=glibc.malloc.hugetlb=1 has malloc ask for transparent huge pages (madvise, the
      // kernel's default THP mode here and on Debian) for those blocks: a 24 MP plane faults in 2 MiB
      // pages, not 4 KiB ones. `variants`, 5 paired runs each: CPU 3.03 -> 2.44 s, 4.7x -> 5.7x
      // ImageMagick, peak 259 -> 267 MB. It replaces any GLIBC_TUNABLES of the caller's; glibc older
      // than 2.35 ignores it. env -S (GNU coreutils 8.30+, BSD env) splits the line. `node
      // dist/brandlock.mjs` skips all three.
      banner: { js: "#!/usr/bin/env -S MALLOC_ARENA_MAX=2 MALLOC_MMAP_THRESHOLD_=1048576 GLIBC_TUNABLES=glibc.malloc.hugetlb=1 node\nimport { createRequire as __brandlockCreateRequire } from 'node:module'; const require = __brandlockCreateRequire(import.meta.url);" },
      logLevel: 'warning',
    },
  ],
};

for (const plugin of ['photoshop', 'figma']) {
  const file = new URL(`plugins/${plugin}/build.mjs`, import.meta.url);
  if (existsSync(file)) targets[plugin] = async () => (await import(pathToFileURL(fileURLToPath(file)).href)).bundles(root);
}

const wanted = process.argv.slice(2);
const names = wanted.length ? wanted : Object.keys(targets);
for (const name of names) {
  if (!targets[name]) {
    console.error(`esbuild.config.mjs: unknown target "${name}"; expected one of ${Object.keys(targets).join(', ')}`);
    process.exit(2);
  }
  const started = Date.now();
  if (name === 'server') removeOldChunks(resolve(root, process.env.BRANDLOCK_DIST ?? 'dist'));
  for (const options of await targets[name]()) await esbuild.build({ absWorkingDir: root, ...options });
  if (name === 'server') chmodSync(resolve(root, process.env.BRANDLOCK_DIST ?? 'dist', 'brandlock.mjs'), 0o755);
  console.log(`built ${name} in ${Date.now() - started} ms`);
}
