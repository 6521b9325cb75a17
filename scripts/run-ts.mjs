// Runs a TypeScript script under Node 20 (which cannot run .ts itself): bundles it with esbuild into
// a temporary .mjs beside node_modules, then imports it with the remaining arguments.
// Usage: node scripts/run-ts.mjs scripts/bench/lut.ts [args...]
import * as esbuild from 'esbuild';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const [entry, ...args] = process.argv.slice(2);
if (!entry) {
  console.error('usage: node scripts/run-ts.mjs <script.ts> [args...]');
  process.exit(2);
}
const outDir = join(root, 'node_modules', '.cache', 'run-ts');
mkdirSync(outDir, { recursive: true });
const outfile = join(outDir, `${basename(entry, '.ts')}-${process.pid}.mjs`);
await esbuild.build({
  entryPoints: [resolve(entry)],
  outfile,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  sourcemap: 'inline',
  external: ['sharp', '@electric-sql/pglite', 'pg-boss', 'pg', 'pg-native', 'playwright-core'],
  banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
  logLevel: 'warning',
  plugins: [keepImportMetaUrl()],
});
/** Gives each project source file its own import.meta.url, so `new URL('../x', import.meta.url)` keeps working. */
function keepImportMetaUrl() {
  return {
    name: 'keep-import-meta-url',
    setup(build) {
      build.onLoad({ filter: /\.[cm]?[jt]sx?$/ }, (args) => {
        if (args.path.includes('/node_modules/')) return undefined;
        const source = readFileSync(args.path, 'utf8');
        if (!source.includes('import.meta.url')) return undefined;
        const loader = args.path.endsWith('x') ? 'tsx' : args.path.endsWith('.ts') ? 'ts' : 'js';
        return { contents: source.replaceAll('import.meta.url', JSON.stringify(pathToFileURL(args.path).href)), loader };
      });
    },
  };
}

process.argv = [process.argv[0], resolve(entry), ...args];
try {
  await import(pathToFileURL(outfile).href);
} finally {
  process.on('exit', () => rmSync(outfile, { force: true }));
}
