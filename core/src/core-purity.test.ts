// core must run in Photoshop (UXP), Figma's sandbox and browsers: no Node built-ins, no I/O.
// Bundling it for the browser platform fails on any `node:` or built-in import.
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

describe('@brandlock/core purity', () => {
  it('bundles for a browser with no Node built-ins', async () => {
    const res = await build({
      entryPoints: [new URL('./index.ts', import.meta.url).pathname, new URL('./api/index.ts', import.meta.url).pathname],
      bundle: true,
      write: false,
      platform: 'browser',
      target: 'es2020',
      format: 'esm',
      outdir: '/tmp/brandlock-core-purity',
      logLevel: 'silent',
      metafile: true,
    });
    const inputs = Object.keys(res.metafile!.inputs);
    expect(inputs.filter((p) => p.startsWith('node:') || /^(fs|path|os|crypto|child_process|http|https|net|stream|buffer)$/.test(p))).toEqual([]);
    const text = res.outputFiles.map((f) => f.text).join('\n');
    expect(text).not.toMatch(/\brequire\(["'](node:)?(fs|path|os|crypto|child_process)["']\)/);
  });
});
