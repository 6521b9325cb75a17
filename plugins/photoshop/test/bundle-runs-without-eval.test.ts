// The shipped bundle, run in a V8 context where eval and new Function throw (what UXP does with
// allowCodeGenerationFromStrings off). It must register the panel and both menu commands before it
// evaluates anything else: Photoshop wants entrypoints.setup() within ~20 ms of load (PS-57605), so at
// setup time the bundle may have asked for nothing but `uxp` (no `photoshop`, which the host adapter
// needs, and no zod schemas). A command then loads the rest, runs, and reports through Photoshop's alert.
import { build } from 'esbuild';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import vm from 'node:vm';
import { expect, it } from 'vitest';
import { bundles } from '../build.mjs';

const root = new URL('../../../', import.meta.url).pathname;

it('registers its entrypoints before loading the panel, and runs a menu command with code generation from strings disabled', async () => {
  const out = mkdtempSync(join(tmpdir(), 'brandlock-bundle-'));
  for (const options of bundles(root, { outDir: out })) await build({ absWorkingDir: root, ...options, logLevel: 'silent' });
  const code = readFileSync(join(out, 'index.js'), 'utf8');

  let registered: { panels: Record<string, unknown>; commands: Record<string, () => Promise<void>> } | null = null;
  const required: string[] = [];
  let requiredAtSetup: string[] | null = null;
  const alerts: string[] = [];
  const uxp = {
    entrypoints: {
      setup: (config: typeof registered) => {
        requiredAtSetup = [...required];
        registered = config;
      },
    },
    storage: { secureStorage: { getItem: async () => null, setItem: async () => undefined, removeItem: async () => undefined }, localFileSystem: {}, formats: {} },
    host: { name: 'Photoshop', version: '26.0.0' },
  };
  const photoshop = {
    app: { version: '26.0.0', documents: [], activeDocument: null },
    core: { showAlert: async ({ message }: { message: string }) => void alerts.push(message), executeAsModal: async () => undefined },
    action: { batchPlay: async () => [] },
    imaging: {},
    constants: { ResampleMethod: {}, Intent: {}, BitsPerChannelType: {}, DialogModes: {}, PNGMethod: { QUICK: 'quick', MODERATE: 'moderate', THOROUGH: 'thorough' } },
  };
  const store = new Map<string, string>();
  const context = vm.createContext(
    {
      require: (name: string) => {
        required.push(name);
        return ({ uxp, photoshop })[name as 'uxp' | 'photoshop'] ?? (() => { throw new Error(`unexpected require("${name}")`); })();
      },
      window: { localStorage: { getItem: (k: string) => store.get(k) ?? null, setItem: (k: string, v: string) => store.set(k, v), removeItem: (k: string) => store.delete(k) } },
      console, setTimeout, clearTimeout, TextEncoder, TextDecoder, URL, queueMicrotask,
    },
    { codeGeneration: { strings: false, wasm: false } },
  );
  expect(() => vm.runInContext('new Function("return 1")', context)).toThrow(/Code generation from strings disallowed/);
  vm.runInContext(code, context);
  expect(requiredAtSetup).toEqual(['uxp']);
  expect(Object.keys(registered!.panels)).toEqual(['brandlockPanel']);
  expect(Object.keys(registered!.commands)).toEqual(['applyBrandLutToOpenDocuments', 'runQcOnActiveDocument']);
  await registered!.commands.runQcOnActiveDocument();
  expect(required).toContain('photoshop');
  expect(alerts).toEqual(['brandlock: brandlock is not connected to a server.\nOpen the brandlock panel (Plugins > brandlock), connect once, then use this command again.']);
});
