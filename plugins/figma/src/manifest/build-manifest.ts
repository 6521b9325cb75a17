/**
 * Builds the plugin's manifest.json. The brandlock server the UI may call is fixed at build time: its
 * origin goes into `networkAccess.allowedDomains` (Figma blocks every other host with a CSP error);
 * localhost is allowed only in `devAllowedDomains`, which applies to development plugins only.
 */
import { PLUGIN_COMMANDS, type FigmaManifest, type PluginCommand } from './manifest-types';

export interface ManifestOptions {
  /** The production server, e.g. "https://brandlock.example.com". Empty: no production network access. */
  serverUrl?: string;
  /** Local server ports for development. */
  devPorts?: number[];
  /** Figma assigns the id when the plugin is first published; any stable string works for development. */
  pluginId?: string;
}

export type BuildManifestResult = { success: true; manifest: FigmaManifest; warnings: string[] } | { success: false; message: string };

export const DEFAULT_DEV_PORTS = [8787];
const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * @example buildManifest({ serverUrl: 'https://brandlock.example.com' }).manifest.networkAccess.allowedDomains
 * // ['https://brandlock.example.com']
 */
export function buildManifest(options: ManifestOptions = {}): BuildManifestResult {
  const warnings: string[] = [];
  const allowed = serverDomain(options.serverUrl?.trim() ?? '');
  if (!allowed.success) return allowed;
  if (allowed.domain === null) {
    warnings.push('BRANDLOCK_SERVER_URL is not set: the plugin can reach only a local development server (devAllowedDomains).');
  } else if (!options.pluginId?.trim()) {
    // Records on the canvas are shared plugin data and survive a new id; Figma's client storage (the
    // designer's saved connection and lock files) is per id and does not.
    warnings.push('BRANDLOCK_FIGMA_PLUGIN_ID is not set: this production build uses the development id; set the id Figma assigned when the plugin was published, or designers lose their saved connection with the next build.');
  }
  const devPorts = options.devPorts ?? DEFAULT_DEV_PORTS;
  const commands = Object.entries(PLUGIN_COMMANDS) as [PluginCommand, string][];
  const manifest: FigmaManifest = {
    name: 'brandlock',
    id: options.pluginId?.trim() || 'brandlock-figma-dev',
    api: '1.0.0',
    main: 'code.js',
    ui: 'ui.html',
    editorType: ['figma', 'figjam'],
    documentAccess: 'dynamic-page',
    networkAccess: {
      allowedDomains: allowed.domain ? [allowed.domain] : ['none'],
      reasoning: 'brandlock talks only to your brand\'s own brandlock server, which runs the image jobs and serves the Brand Lock.',
      devAllowedDomains: devPorts.flatMap((p) => [`http://localhost:${p}`, `http://127.0.0.1:${p}`]),
    },
    menu: commands.map(([command, name]) => ({ name, command })),
    relaunchButtons: [
      { command: 'variants', name: 'Channel variants', multipleSelection: true },
      { command: 'palette', name: 'Palette check', multipleSelection: true },
      { command: 'moodboard', name: 'Moodboard' },
    ],
  };
  return { success: true, manifest, warnings };
}

function serverDomain(url: string): { success: true; domain: string | null } | { success: false; message: string } {
  if (!url) return { success: true, domain: null };
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { success: false, message: `BRANDLOCK_SERVER_URL "${url}" is not a URL; expected something like https://brandlock.example.com` };
  }
  if (parsed.username || parsed.password) {
    return { success: false, message: 'BRANDLOCK_SERVER_URL must not contain a user name or password; the plugin signs in with a token' };
  }
  if (LOCAL_HOSTS.has(parsed.hostname)) {
    return { success: false, message: `BRANDLOCK_SERVER_URL "${url}" is a local address; local servers are allowed for development already (devAllowedDomains), set the production server here` };
  }
  if (parsed.protocol !== 'https:') {
    return { success: false, message: `BRANDLOCK_SERVER_URL "${url}" uses ${parsed.protocol.replace(':', '')}; expected https` };
  }
  if (parsed.search || parsed.hash) {
    return { success: false, message: `BRANDLOCK_SERVER_URL "${url}" has a query or fragment; expected the server's base URL` };
  }
  const path = parsed.pathname === '/' ? '' : parsed.pathname.replace(/\/?$/, '/');
  return { success: true, domain: `${parsed.origin}${path}` };
}
