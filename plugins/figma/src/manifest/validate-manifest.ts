/**
 * Checks a manifest against the fields Figma documents for plugins (developers.figma.com/docs/plugins/
 * manifest): unknown keys, required fields, value types, editor types, `documentAccess`, and the shape of
 * every `networkAccess` domain pattern. Returns every problem at once, each with its JSON path.
 */

export interface ManifestIssue {
  path: string;
  message: string;
}

const TOP_LEVEL = new Set([
  'name', 'id', 'api', 'main', 'ui', 'editorType', 'documentAccess', 'networkAccess', 'parameters', 'parameterOnly',
  'menu', 'relaunchButtons', 'permissions', 'capabilities', 'enableProposedApi', 'enablePrivatePluginApi', 'build',
  'codegenLanguages', 'codegenPreferences',
]);
const EDITOR_TYPES = ['figma', 'figjam', 'slides', 'dev'];
const PERMISSIONS = ['currentuser', 'activeusers', 'fileusers', 'payments', 'teamlibrary'];
const CAPABILITIES = ['textreview', 'codegen', 'inspect', 'vscode'];
const NETWORK_KEYS = new Set(['allowedDomains', 'reasoning', 'devAllowedDomains']);
/** Scheme optional; a host, `*.` wildcard subdomain or IP; optional port; optional path prefix. */
const DOMAIN = /^(?:(?:https?|wss?):\/\/)?(?:\*\.)?(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)*[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?::\d{1,5})?(?:\/[^\s?#]*)?$/i;
const LOCAL = /^(?:https?:\/\/)?(?:localhost|127\.0\.0\.1|\[::1\])(?::\d+)?(?:\/|$)/i;

export function validateManifest(doc: unknown): ManifestIssue[] {
  const issues: ManifestIssue[] = [];
  const add = (path: string, message: string) => issues.push({ path, message });
  if (!isObject(doc)) return [{ path: '$', message: 'expected a JSON object' }];

  for (const key of Object.keys(doc)) if (!TOP_LEVEL.has(key)) add(key, 'unknown manifest field; Figma documents no such key');
  for (const key of ['name', 'id', 'api', 'main'] as const) {
    if (typeof doc[key] !== 'string' || !(doc[key] as string).trim()) add(key, 'missing: expected a non-empty string');
  }
  if (typeof doc.api === 'string' && !/^\d+\.\d+\.\d+$/.test(doc.api)) add('api', `expected a version like "1.0.0", found "${doc.api}"`);
  if (typeof doc.main === 'string' && !isRelativeFile(doc.main, '.js')) add('main', `expected a relative path to a .js file, found "${doc.main}"`);
  checkUi(doc.ui, add);
  checkEditorTypes(doc.editorType, add);
  if (doc.documentAccess !== 'dynamic-page') add('documentAccess', 'expected "dynamic-page" (required for new plugins)');
  if (doc.networkAccess === undefined) add('networkAccess', 'missing: expected { allowedDomains: [...] } so Figma can show and enforce the domains');
  else checkNetwork(doc.networkAccess, add);
  if (doc.menu !== undefined) checkMenu(doc.menu, 'menu', add);
  if (doc.relaunchButtons !== undefined) checkRelaunch(doc.relaunchButtons, add);
  checkEnumList(doc.permissions, 'permissions', PERMISSIONS, add);
  checkEnumList(doc.capabilities, 'capabilities', CAPABILITIES, add);
  for (const key of ['enableProposedApi', 'enablePrivatePluginApi', 'parameterOnly'] as const) {
    if (doc[key] !== undefined && typeof doc[key] !== 'boolean') add(key, 'expected true or false');
  }
  return issues;
}

type Add = (path: string, message: string) => void;

function checkUi(ui: unknown, add: Add) {
  if (ui === undefined) return;
  if (typeof ui === 'string') {
    if (!isRelativeFile(ui, '.html')) add('ui', `expected a relative path to an .html file, found "${ui}"`);
    return;
  }
  if (!isObject(ui)) return add('ui', 'expected a file name or a map of names to .html files');
  for (const [k, v] of Object.entries(ui)) if (typeof v !== 'string' || !isRelativeFile(v, '.html')) add(`ui.${k}`, 'expected a relative path to an .html file');
}

function checkEditorTypes(value: unknown, add: Add) {
  if (!Array.isArray(value) || value.length === 0) return add('editorType', `expected a non-empty array of ${EDITOR_TYPES.join(', ')}`);
  value.forEach((v, i) => {
    if (!EDITOR_TYPES.includes(v as string)) add(`editorType[${i}]`, `expected one of ${EDITOR_TYPES.join(', ')}, found ${JSON.stringify(v)}`);
  });
  if (new Set(value).size !== value.length) add('editorType', 'lists an editor twice');
  if (value.includes('dev') && (value.includes('figjam') || value.includes('slides'))) add('editorType', '"dev" cannot be combined with "figjam" or "slides"');
}

function checkNetwork(net: unknown, add: Add) {
  if (!isObject(net)) return add('networkAccess', 'expected an object');
  for (const key of Object.keys(net)) if (!NETWORK_KEYS.has(key)) add(`networkAccess.${key}`, 'unknown field; expected allowedDomains, reasoning, devAllowedDomains');
  const allowed = net.allowedDomains;
  if (!Array.isArray(allowed) || allowed.length === 0) {
    add('networkAccess.allowedDomains', 'missing: expected a non-empty array (["none"] for no network access)');
  } else {
    checkDomains(allowed, 'networkAccess.allowedDomains', add);
    if (allowed.includes('none') && allowed.length > 1) add('networkAccess.allowedDomains', '"none" must be the only entry');
    if (allowed.includes('*') && !(typeof net.reasoning === 'string' && net.reasoning.trim())) {
      add('networkAccess.reasoning', 'required when allowedDomains is "*"');
    }
    allowed.forEach((d, i) => {
      if (typeof d === 'string' && LOCAL.test(d)) add(`networkAccess.allowedDomains[${i}]`, `"${d}" is a local address; put it in devAllowedDomains`);
      if (typeof d === 'string' && /^http:\/\//i.test(d)) add(`networkAccess.allowedDomains[${i}]`, `"${d}" is plain http; a published plugin must use https`);
    });
  }
  if (net.reasoning !== undefined && typeof net.reasoning !== 'string') add('networkAccess.reasoning', 'expected a string');
  if (net.devAllowedDomains !== undefined) {
    if (!Array.isArray(net.devAllowedDomains)) add('networkAccess.devAllowedDomains', 'expected an array of domains');
    else checkDomains(net.devAllowedDomains, 'networkAccess.devAllowedDomains', add);
  }
}

function checkDomains(list: unknown[], path: string, add: Add) {
  list.forEach((d, i) => {
    if (typeof d !== 'string') return add(`${path}[${i}]`, 'expected a string');
    if (d === 'none' || d === '*') return;
    if (!DOMAIN.test(d)) add(`${path}[${i}]`, `"${d}" is not a domain pattern; expected e.g. "https://api.example.com", "*.example.com" or "example.com/api/"`);
  });
}

function checkMenu(menu: unknown, path: string, add: Add) {
  if (!Array.isArray(menu)) return add(path, 'expected an array of menu items');
  menu.forEach((item, i) => {
    const p = `${path}[${i}]`;
    if (!isObject(item)) return add(p, 'expected an object');
    if (item.separator === true) return;
    if (typeof item.name !== 'string' || !item.name) add(`${p}.name`, 'expected a non-empty string');
    if (item.menu !== undefined) checkMenu(item.menu, `${p}.menu`, add);
    else if (typeof item.command !== 'string' || !item.command) add(`${p}.command`, 'expected a command string (or a submenu)');
  });
}

function checkRelaunch(buttons: unknown, add: Add) {
  if (!Array.isArray(buttons)) return add('relaunchButtons', 'expected an array');
  buttons.forEach((b, i) => {
    const p = `relaunchButtons[${i}]`;
    if (!isObject(b)) return add(p, 'expected an object');
    if (typeof b.command !== 'string' || !b.command) add(`${p}.command`, 'expected a command string');
    if (typeof b.name !== 'string' || !b.name) add(`${p}.name`, 'expected a non-empty string');
    if (b.multipleSelection !== undefined && typeof b.multipleSelection !== 'boolean') add(`${p}.multipleSelection`, 'expected true or false');
  });
}

function checkEnumList(value: unknown, path: string, allowed: string[], add: Add) {
  if (value === undefined) return;
  if (!Array.isArray(value)) return add(path, `expected an array of ${allowed.join(', ')}`);
  value.forEach((v, i) => {
    if (!allowed.includes(v as string)) add(`${path}[${i}]`, `expected one of ${allowed.join(', ')}, found ${JSON.stringify(v)}`);
  });
}

function isRelativeFile(path: string, ext: string): boolean {
  return path.toLowerCase().endsWith(ext) && !/^([a-z]:)?[\\/]/i.test(path) && !path.split(/[\\/]/).includes('..') && !/^[a-z]+:/i.test(path);
}

function isObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}
