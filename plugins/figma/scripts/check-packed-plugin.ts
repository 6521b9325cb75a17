/**
 * Checks a packed plugin folder the way "Import plugin from manifest" will meet it: the manifest
 * validates against Figma's documented fields, every file it names is there, the UI is one
 * self-contained HTML file (Figma loads it as a string: no external scripts or stylesheets), and the
 * main-thread code does not evaluate strings.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { validateManifest, type ManifestIssue } from '../src/manifest/validate-manifest';

export function checkPackedPlugin(dir: string): ManifestIssue[] {
  const manifestPath = join(dir, 'manifest.json');
  if (!existsSync(manifestPath)) return [{ path: 'manifest.json', message: `missing in ${dir}` }];
  let manifest: Record<string, unknown>;
  try {
    manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
  } catch (e) {
    return [{ path: 'manifest.json', message: `is not valid JSON: ${e instanceof Error ? e.message : String(e)}` }];
  }
  const issues = validateManifest(manifest);
  const files = [manifest.main, ...(typeof manifest.ui === 'string' ? [manifest.ui] : Object.values((manifest.ui as Record<string, string>) ?? {}))];
  for (const f of files) {
    if (typeof f === 'string' && !existsSync(join(dir, f))) issues.push({ path: f === manifest.main ? 'main' : 'ui', message: `names ${f}, which is not in the package` });
  }
  if (typeof manifest.ui === 'string' && existsSync(join(dir, manifest.ui))) {
    const html = readFileSync(join(dir, manifest.ui), 'utf8');
    if (/<script[^>]+src=/i.test(html)) issues.push({ path: 'ui', message: 'loads an external script; Figma needs the UI inlined into one HTML file' });
    if (/<link[^>]+rel=["']?stylesheet/i.test(html)) issues.push({ path: 'ui', message: 'loads an external stylesheet; inline it' });
  }
  if (typeof manifest.main === 'string' && existsSync(join(dir, manifest.main))) {
    const code = readFileSync(join(dir, manifest.main), 'utf8');
    if (/\beval\s*\(|new Function\s*\(/.test(code)) issues.push({ path: 'main', message: 'evaluates strings (eval / new Function)' });
  }
  return issues;
}
