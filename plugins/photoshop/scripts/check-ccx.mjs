// Checks a packaged .ccx (a zip with manifest.json at its root) before anyone installs it: the
// manifest fields Photoshop and the Marketplace require, every file the manifest and index.html
// reference, icons named @1x/@2x at Adobe's documented sizes, no eval / new Function in the scripts (the plugin ships
// with allowCodeGenerationFromStrings off, so either would throw at run time), and no CSS outside
// UXP's subset (gap, grid, transitions, animations, @font-face, text-transform are not supported).
import { unzipSync } from 'fflate';

const REQUIRED_COMMANDS = ['applyBrandLutToOpenDocuments', 'runQcOnActiveDocument'];
const UNSUPPORTED_CSS = [
  [/(^|[;{\s])(row-|column-)?gap\s*:/, 'gap'],
  [/display\s*:\s*(inline-)?grid/, 'display: grid'],
  [/(^|[;{\s])transition(-[a-z]+)?\s*:/, 'transition'],
  [/(^|[;{\s])animation(-[a-z]+)?\s*:/, 'animation'],
  [/@font-face/, '@font-face'],
  [/text-transform\s*:/, 'text-transform'],
];
const MIN_PS = [25, 0, 0];

/** Width and height from a PNG's IHDR, or null when the bytes are not a PNG. */
export function pngSize(bytes) {
  const sig = [137, 80, 78, 71, 13, 10, 26, 10];
  if (bytes.length < 24 || sig.some((b, i) => bytes[i] !== b)) return null;
  const v = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return { width: v.getUint32(16), height: v.getUint32(20) };
}

function versionParts(text) {
  const m = /^(\d+)\.(\d+)\.(\d+)$/.exec(String(text ?? ''));
  return m ? m.slice(1).map(Number) : null;
}

/**
 * The file of an icon at a scale: Adobe's icon guide has the files exported "with @1x and @2x scales
 * … pluginIcon@1x.png [note the "@1x" suffix]" beside the path the manifest names without a suffix
 * (guides/uxp-guide/uxp-misc/plugin-icons), as every icon in Adobe's samples is.
 */
function atScale(path, scale) {
  return path.replace(/(\.[^./]+)$/, `@${scale}x$1`);
}

/** Documented icon sizes at 1x: the plugin-list icon 24x24, panel icons 23x23 (same guide). */
const ICON_SIZES = { pluginList: 24, chrome: 23 };

/**
 * @param {Uint8Array} zipBytes
 * @returns {{ problems: string[], files: string[], manifest: any }}
 */
export function checkCcx(zipBytes) {
  const problems = [];
  let files;
  try {
    files = unzipSync(zipBytes);
  } catch (e) {
    return { problems: [`the .ccx is not a readable zip: ${e.message}`], files: [], manifest: null };
  }
  const names = Object.keys(files);
  const text = (name) => new TextDecoder().decode(files[name]);
  if (!files['manifest.json']) {
    return { problems: ['manifest.json is not at the root of the .ccx'], files: names, manifest: null };
  }
  let m;
  try {
    m = JSON.parse(text('manifest.json'));
  } catch (e) {
    return { problems: [`manifest.json is not JSON: ${e.message}`], files: names, manifest: null };
  }
  const need = (cond, message) => cond || problems.push(message);

  need(m.manifestVersion === 5, `manifest.manifestVersion is ${JSON.stringify(m.manifestVersion)}; expected 5`);
  need(typeof m.id === 'string' && /^[\w.-]+$/.test(m.id), `manifest.id is ${JSON.stringify(m.id)}; expected a reverse-DNS style id`);
  need(typeof m.name === 'string' && m.name.length >= 3 && m.name.length <= 45, `manifest.name must be 3 to 45 characters, got ${JSON.stringify(m.name)}`);
  const version = versionParts(m.version);
  need(version && version.every((p) => p <= 99), `manifest.version is ${JSON.stringify(m.version)}; expected x.y.z with each part 0..99`);
  need(m.host && !Array.isArray(m.host), 'manifest.host must be a single object (the Marketplace refuses an array)');
  if (m.host && !Array.isArray(m.host)) {
    need(m.host.app === 'PS', `manifest.host.app is ${JSON.stringify(m.host.app)}; expected "PS"`);
    const min = versionParts(m.host.minVersion);
    const ok = min && (min[0] > MIN_PS[0] || (min[0] === MIN_PS[0] && min[1] >= MIN_PS[1]));
    need(ok, `manifest.host.minVersion is ${JSON.stringify(m.host.minVersion)}; expected 25.0.0 or newer (XMP and the Imaging API)`);
  }
  const main = m.main ?? 'main.js';
  need(files[main], `manifest.main "${main}" is not in the .ccx`);

  const entrypoints = Array.isArray(m.entrypoints) ? m.entrypoints : [];
  const ids = entrypoints.map((e) => e.id);
  need(new Set(ids).size === ids.length, `entrypoint ids repeat: ${ids.join(', ')}`);
  need(entrypoints.some((e) => e.type === 'panel'), 'no panel entrypoint');
  for (const id of REQUIRED_COMMANDS) need(entrypoints.some((e) => e.type === 'command' && e.id === id), `command entrypoint "${id}" is missing`);
  for (const e of entrypoints) {
    const label = typeof e.label === 'string' ? e.label : e.label?.default;
    need(typeof label === 'string' && label.length > 0, `entrypoint "${e.id}" has no label`);
  }

  const perms = m.requiredPermissions ?? {};
  const domains = perms.network?.domains;
  need(Array.isArray(domains) && domains.length > 0, 'requiredPermissions.network.domains must list the brandlock server (not "all")');
  for (const d of Array.isArray(domains) ? domains : []) {
    need(!d.includes('*'), `network domain "${d}" has a wildcard; UXP 7.4+ refuses them`);
    need(/^https?:\/\/[^/]+$/.test(d), `network domain "${d}" must be scheme://host[:port] with no path`);
  }
  need(perms.localFileSystem === 'request', `requiredPermissions.localFileSystem is ${JSON.stringify(perms.localFileSystem)}; expected "request"`);
  need(perms.allowCodeGenerationFromStrings !== true, 'allowCodeGenerationFromStrings must stay off');
  const launch = perms.launchProcess;
  if (launch) {
    need((launch.schemes ?? []).every((sc) => !['file', 'http', '*'].includes(sc)), `launchProcess.schemes ${JSON.stringify(launch.schemes)} may not include file, http or *`);
    need(Array.isArray(launch.extensions) && launch.extensions.every((e) => /^\.[a-z0-9]+$/.test(e)), `launchProcess.extensions must be a list like [".jpg"], got ${JSON.stringify(launch.extensions)}`);
  }

  const icons = [...(m.icons ?? []), ...entrypoints.flatMap((e) => e.icons ?? [])];
  need(icons.length > 0, 'the manifest declares no icons');
  for (const icon of icons) {
    const species = (icon.species ?? []).find((sp) => sp in ICON_SIZES);
    if (species) need(icon.width === ICON_SIZES[species] && icon.height === ICON_SIZES[species], `${species} icon "${icon.path}" is declared ${icon.width}x${icon.height}; Adobe documents ${ICON_SIZES[species]}x${ICON_SIZES[species]} at 1x`);
    for (const scale of icon.scale ?? [1]) {
      const path = atScale(icon.path, scale);
      const bytes = files[path];
      if (!bytes) {
        problems.push(`icon "${path}" (${scale}x) is referenced by the manifest but not in the .ccx`);
        continue;
      }
      const size = pngSize(bytes);
      const want = { width: icon.width * scale, height: icon.height * scale };
      if (!size) problems.push(`icon "${path}" is not a PNG`);
      else need(size.width === want.width && size.height === want.height, `icon "${path}" is ${size.width}x${size.height}; expected ${want.width}x${want.height}`);
      need(bytes.length <= 1_000_000, `icon "${path}" is ${bytes.length} bytes; icons must be at most 1 MB`);
    }
  }

  for (const html of names.filter((n) => n.endsWith('.html'))) {
    const source = text(html);
    for (const ref of source.matchAll(/\b(?:src|href)\s*=\s*"([^"#?]+)"/g)) {
      if (/^[a-z]+:/i.test(ref[1])) continue;
      need(files[ref[1]], `${html} references "${ref[1]}", which is not in the .ccx`);
    }
    need(!/type\s*=\s*"module"/.test(source), `${html} loads a module script; UXP needs a plain <script src>`);
    need(!/\son[a-z]+\s*=/i.test(source), `${html} has an inline on* handler; those need code generation from strings`);
  }
  for (const css of names.filter((n) => n.endsWith('.css'))) {
    const source = text(css);
    for (const [pattern, what] of UNSUPPORTED_CSS) need(!pattern.test(source), `${css} uses ${what}, which UXP does not support`);
  }
  for (const js of names.filter((n) => n.endsWith('.js'))) {
    const source = text(js);
    need(!/(^|[^\w$.])eval\s*\(/.test(source), `${js} calls eval(); UXP refuses it without allowCodeGenerationFromStrings`);
    need(!/new\s+Function\s*\(/.test(source), `${js} uses new Function(); UXP refuses it without allowCodeGenerationFromStrings`);
  }
  return { problems, files: names, manifest: m };
}
