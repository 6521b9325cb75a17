// The Figma plugin's bundles, imported by the root esbuild.config.mjs: the main-thread code (code.js,
// one IIFE for Figma's sandbox) and the Preact UI inlined with its CSS into one ui.html, because Figma
// loads the UI from a single HTML string.
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * @param {string} root the repository root
 * @param {{ outDir?: string, minify?: boolean, network?: string[] }} [options] where code.js and ui.html go
 *   (default plugins/figma/dist/build); network: the domains the manifest lets the UI reach (allowedDomains and
 *   devAllowedDomains), which the Connect screen checks a server URL against. `npm run pack` passes them in
 *   BRANDLOCK_FIGMA_NETWORK; the default is the development server on localhost:8787.
 * @returns {import('esbuild').BuildOptions[]}
 */
export function bundles(root, options = {}) {
  const outDir = options.outDir ?? join(root, 'plugins/figma/dist/build');
  const minify = options.minify ?? true;
  const network = options.network ?? (process.env.BRANDLOCK_FIGMA_NETWORK ? JSON.parse(process.env.BRANDLOCK_FIGMA_NETWORK) : ['http://localhost:8787', 'http://127.0.0.1:8787']);
  return [
    {
      entryPoints: [join(root, 'plugins/figma/src/main/main.ts')],
      outfile: join(outDir, 'code.js'),
      bundle: true,
      format: 'iife',
      platform: 'browser',
      target: 'es2017',
      minify,
      legalComments: 'none',
      logLevel: 'warning',
      plugins: [pureCore(join(root, 'core/src'))],
    },
    {
      entryPoints: [join(root, 'plugins/figma/src/ui/ui.tsx')],
      outdir: join(outDir, 'ui-parts'),
      bundle: true,
      format: 'iife',
      platform: 'browser',
      target: 'es2020',
      jsx: 'automatic',
      jsxImportSource: 'preact',
      define: { __BRANDLOCK_NETWORK__: JSON.stringify(network) },
      minify,
      legalComments: 'none',
      write: false,
      logLevel: 'warning',
      plugins: [zodEnglishOnly(), inlineHtml(join(outDir, 'ui.html'))],
    },
  ];
}

/**
 * Core is pure (no I/O, nothing done at import but building constants), so its modules are marked
 * free of side effects: the main thread then gets only what it calls (copy-fit, colour parsing)
 * instead of every schema behind an index file, and zod stays out of Figma's sandbox.
 */
function pureCore(coreSrc) {
  return {
    name: 'brandlock-pure-core',
    setup(build) {
      build.onResolve({ filter: /^@brandlock\/core(\/|$)|^\.\.?\// }, async (args) => {
        if (args.pluginData?.pureCore) return undefined;
        const res = await build.resolve(args.path, { kind: args.kind, resolveDir: args.resolveDir, importer: args.importer, pluginData: { pureCore: true } });
        if (res.errors.length || !res.path.startsWith(coreSrc)) return undefined;
        return { path: res.path, sideEffects: false };
      });
    },
  };
}

/**
 * zod's namespace export carries every locale's error messages (264 kB of the UI bundle); the plugin
 * shows English, so its locale index is replaced by English alone. Validation is unchanged.
 */
function zodEnglishOnly() {
  return {
    name: 'brandlock-zod-english-only',
    setup(build) {
      build.onResolve({ filter: /\/locales\/index\.js$/ }, (args) => {
        if (!/[\\/]zod[\\/]/.test(args.importer)) return undefined;
        return { path: join(dirname(args.importer), '../locales/en.js'), namespace: 'zod-locales' };
      });
      build.onLoad({ filter: /.*/, namespace: 'zod-locales' }, (args) => ({ contents: `export { default as en } from ${JSON.stringify(args.path)};`, resolveDir: dirname(args.path) }));
    },
  };
}

/** Writes the UI's JS and CSS outputs into one HTML file (temp name, then rename). */
function inlineHtml(outfile) {
  return {
    name: 'brandlock-inline-html',
    setup(build) {
      build.onEnd((result) => {
        if (result.errors.length) return;
        const files = result.outputFiles ?? [];
        const js = files.filter((f) => f.path.endsWith('.js')).map((f) => f.text).join('\n');
        const css = files.filter((f) => f.path.endsWith('.css')).map((f) => f.text).join('\n');
        const html = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>brandlock</title>
<style>${css.replace(/<\/style/gi, '<\\/style')}</style>
</head>
<body>
<div id="app"></div>
<script>${js.replace(/<\/script/gi, '<\\/script')}</script>
</body>
</html>
`;
        mkdirSync(dirname(outfile), { recursive: true });
        const tmp = `${outfile}.tmp-${process.pid}`;
        writeFileSync(tmp, html);
        renameSync(tmp, outfile);
      });
    },
  };
}
