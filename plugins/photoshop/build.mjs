// The Photoshop panel's esbuild bundle, imported by the root esbuild.config.mjs (`bundles(root)`) and
// by scripts/pack.mjs. One iife for UXP (`photoshop` and `uxp` stay require()s resolved by UXP at run
// time), its CSS beside it, and the static files (manifest, index.html, icons) copied into
// dist/plugin, the folder UXP Developer Tool loads. BRANDLOCK_SERVER_URLS (comma-separated origins)
// replaces the manifest's network domains so a build can be made for a brand's own server.
import { copyFileSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { serverOrigins } from './scripts/server-origins.mjs';

/** Modules UXP provides at run time; they must stay outside the bundle. */
export const UXP_EXTERNALS = ['photoshop', 'uxp', 'fs', 'os', 'path', 'process', 'shell'];

/**
 * Reads the source manifest and, when BRANDLOCK_SERVER_URLS is set, swaps in those origins.
 * @param {string} pluginDir
 * @param {string | undefined} urls
 */
export function pluginManifest(pluginDir, urls = process.env.BRANDLOCK_SERVER_URLS) {
  const manifest = JSON.parse(readFileSync(join(pluginDir, 'manifest.json'), 'utf8'));
  if (urls) manifest.requiredPermissions.network.domains = serverOrigins(urls);
  return manifest;
}

/**
 * @param {string} root the repository root (absolute, ending in a slash or not)
 * @returns {import('esbuild').BuildOptions[]}
 */
export function bundles(root, { outDir = join(root, 'plugins/photoshop/dist/plugin'), dev = false } = {}) {
  const pluginDir = join(root, 'plugins/photoshop');
  const manifest = pluginManifest(pluginDir);
  return [
    {
      entryPoints: { index: join(pluginDir, 'src/index.tsx') },
      outdir: outDir,
      bundle: true,
      format: 'iife',
      platform: 'browser',
      target: 'es2020',
      jsx: 'automatic',
      jsxImportSource: 'preact',
      external: UXP_EXTERNALS,
      minify: !dev,
      sourcemap: dev ? 'inline' : false,
      legalComments: 'none',
      footer: dev ? { js: '//# sourceURL=uxp-script://index.js' } : undefined,
      define: {
        'process.env.NODE_ENV': JSON.stringify(dev ? 'development' : 'production'),
        __BRANDLOCK_ALLOWED_ORIGINS__: JSON.stringify(manifest.requiredPermissions.network.domains),
        __BRANDLOCK_PLUGIN_VERSION__: JSON.stringify(manifest.version),
      },
      logLevel: 'warning',
      plugins: [copyStatic(pluginDir, outDir, manifest)],
    },
  ];
}

/** Copies manifest.json (with the chosen domains), index.html and the icons next to the bundle. */
function copyStatic(pluginDir, outDir, manifest) {
  return {
    name: 'brandlock-photoshop-static',
    setup(build) {
      build.onEnd((result) => {
        if (result.errors.length) return;
        mkdirSync(join(outDir, 'icons'), { recursive: true });
        writeFileSync(join(outDir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
        copyFileSync(join(pluginDir, 'index.html'), join(outDir, 'index.html'));
        for (const icon of readdirSync(join(pluginDir, 'icons'))) {
          if (icon.endsWith('.png')) copyFileSync(join(pluginDir, 'icons', icon), join(outDir, 'icons', icon));
        }
      });
    },
  };
}
