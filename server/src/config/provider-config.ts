/**
 * Provider settings from the environment. A remote provider is enabled when its key (or, for ComfyUI,
 * its URL) is set; base URLs and result-host allowlists have defaults that follow each provider's
 * published API and can be overridden. The providers' adapters read their section from here.
 */
import { Secret } from './secret';
import { parseHostAllowlist, type HostRule } from './host-allowlist';

export interface FalConfig {
  key: Secret;
  baseUrl: string;
  allowedHosts: HostRule[];
}

export interface ReplicateConfig {
  token: Secret;
  baseUrl: string;
  webhookSecret: Secret | null;
  allowedHosts: HostRule[];
}

export interface RunwayConfig {
  secret: Secret;
  baseUrl: string;
  allowedHosts: HostRule[];
}

export interface ComfyUiConfig {
  url: string;
  /** COMFYUI_TOKEN: a bearer token for a proxy in front of ComfyUI, when it has one. */
  token: Secret | null;
  allowedHosts: HostRule[];
}

export interface ProvidersConfig {
  fal: FalConfig | null;
  replicate: ReplicateConfig | null;
  runway: RunwayConfig | null;
  comfyui: ComfyUiConfig | null;
}

/** Defaults for where results may be downloaded from, per provider (override with *_ALLOWED_HOSTS). */
export const DEFAULT_ALLOWED_HOSTS = {
  fal: 'fal.media,*.fal.media,queue.fal.run,fal.run',
  replicate: 'replicate.delivery,*.replicate.delivery,api.replicate.com',
  runway: '*.runwayml.com',
} as const;

export const DEFAULT_BASE_URLS = {
  fal: 'https://queue.fal.run',
  replicate: 'https://api.replicate.com/v1',
  runway: 'https://api.dev.runwayml.com',
} as const;

type Env = Record<string, string | undefined>;

/** Reads every provider section; problems are pushed to `problems` with the variable named. */
export function readProvidersConfig(env: Env, problems: string[]): ProvidersConfig {
  const url = (name: string, fallback?: string): string => {
    const value = env[name]?.trim() || fallback || '';
    // A URL may carry a password (COMFYUI_URL behind Basic auth): the message never shows it.
    if (value && !/^https?:\/\/[^\s]+$/i.test(value)) problems.push(`${name}: "${value.replace(/(\/\/[^/@\s:]*):[^/@\s]*@/, '$1:[redacted]@')}" is not an http(s) URL`);
    return value.replace(/\/+$/, '');
  };
  const hosts = (name: string, fallback: string): HostRule[] => {
    try {
      return parseHostAllowlist(env[name]?.trim() || fallback, name);
    } catch (e) {
      problems.push((e as Error).message);
      return [];
    }
  };
  const secret = (name: string): Secret | null => (env[name]?.trim() ? new Secret(env[name]!.trim()) : null);

  const falKey = secret('FAL_KEY');
  const replicateToken = secret('REPLICATE_API_TOKEN');
  const runwaySecret = secret('RUNWAYML_API_SECRET');
  const comfyUrl = env.COMFYUI_URL?.trim() ? url('COMFYUI_URL') : '';
  return {
    fal: falKey ? { key: falKey, baseUrl: url('FAL_BASE_URL', DEFAULT_BASE_URLS.fal), allowedHosts: hosts('FAL_ALLOWED_HOSTS', DEFAULT_ALLOWED_HOSTS.fal) } : null,
    replicate: replicateToken
      ? { token: replicateToken, baseUrl: url('REPLICATE_BASE_URL', DEFAULT_BASE_URLS.replicate), webhookSecret: secret('REPLICATE_WEBHOOK_SECRET'), allowedHosts: hosts('REPLICATE_ALLOWED_HOSTS', DEFAULT_ALLOWED_HOSTS.replicate) }
      : null,
    runway: runwaySecret ? { secret: runwaySecret, baseUrl: url('RUNWAY_BASE_URL', DEFAULT_BASE_URLS.runway), allowedHosts: hosts('RUNWAY_ALLOWED_HOSTS', DEFAULT_ALLOWED_HOSTS.runway) } : null,
    comfyui: comfyUrl ? { url: comfyUrl, token: secret('COMFYUI_TOKEN'), allowedHosts: hosts('COMFYUI_ALLOWED_HOSTS', hostOf(comfyUrl)) } : null,
  };
}

/** The allowlist entry for a URL's own origin, e.g. "http://10.0.0.5:8188". */
function hostOf(url: string): string {
  try {
    const u = new URL(url);
    return `${u.protocol}//${u.host}`;
  } catch {
    return '';
  }
}

/** Every secret value in the config, so the logger can scrub them from any line. */
export function providerSecrets(config: ProvidersConfig): string[] {
  const out = [config.fal?.key, config.replicate?.token, config.replicate?.webhookSecret, config.runway?.secret, config.comfyui?.token]
    .filter((s): s is Secret => s instanceof Secret)
    .map((s) => s.reveal());
  if (config.comfyui) {
    try {
      const password = decodeURIComponent(new URL(config.comfyui.url).password);
      if (password) out.push(password);
    } catch {
      // COMFYUI_URL was checked when read; nothing else to scrub
    }
  }
  return out;
}
