/**
 * What each GPU adapter needs to run: the server configuration's provider section (keys, base URLs,
 * result-host allowlists: `FAL_KEY`, `FAL_BASE_URL`, `FAL_ALLOWED_HOSTS`, …, read by
 * config/provider-config.ts) plus the adapter-only settings read here: fal's webhook account and
 * JWKS, poll intervals, Replicate's deadline, Runway's API version, a ComfyUI proxy token, the
 * provider map file and the in-call retry policy. A typo fails at start-up naming the variable.
 */
import type { HostRule } from '../config/host-allowlist';
import { readProvidersConfig, type ProvidersConfig } from '../config/provider-config';
import { Secret } from '../config/secret';
import { DEFAULT_RETRY_POLICY, type RetryPolicy } from './http-retry';

type Env = Record<string, string | undefined>;

export interface FalSettings {
  key: Secret;
  queueUrl: string;
  jwksUrl: string;
  /** Our fal account id: webhooks for any other account are refused. Webhooks are off without it. */
  userId?: string;
  allowedHosts: HostRule[];
  pollIntervalMs: number;
  /** How long fal keeps our outputs on its public CDN. */
  mediaExpirySeconds: number;
  startTimeoutSeconds?: number;
}

export interface ReplicateSettings {
  token: Secret;
  baseUrl: string;
  webhookSecret?: Secret;
  allowedHosts: HostRule[];
  pollIntervalMs: number;
  /** Replicate's Cancel-After deadline ("30m"), so a stuck prediction stops costing money. */
  cancelAfter?: string;
}

export interface RunwaySettings {
  secret: Secret;
  baseUrl: string;
  version: string;
  allowedHosts: HostRule[];
  pollIntervalMs: number;
}

export interface ComfySettings {
  baseUrl: string;
  /** Bearer token for a proxy in front of ComfyUI (ComfyUI itself has no auth). */
  token?: Secret;
  /** `user:password` from COMFYUI_URL, for a proxy that wants HTTP Basic auth (sent as a header). */
  basicAuth?: Secret;
  allowedHosts: HostRule[];
  pollIntervalMs: number;
}

export interface ProviderEnv {
  policy: RetryPolicy;
  maxOutputBytes: number;
  mapFile?: string;
  fal?: FalSettings;
  replicate?: ReplicateSettings;
  runway?: RunwaySettings;
  comfyui?: ComfySettings;
}

/** Combines the server's provider section with the adapter-only variables. */
export function providerSettings(config: ProvidersConfig, env: Env): ProviderEnv {
  const policy: RetryPolicy = {
    maxRetries: int(env, 'BRANDLOCK_PROVIDER_RETRIES', DEFAULT_RETRY_POLICY.maxRetries, 0),
    baseDelayMs: int(env, 'BRANDLOCK_PROVIDER_RETRY_BASE_MS', DEFAULT_RETRY_POLICY.baseDelayMs, 1),
    maxDelayMs: int(env, 'BRANDLOCK_PROVIDER_RETRY_MAX_MS', DEFAULT_RETRY_POLICY.maxDelayMs, 1),
    maxRetryAfterSeconds: int(env, 'BRANDLOCK_PROVIDER_MAX_RETRY_AFTER_S', DEFAULT_RETRY_POLICY.maxRetryAfterSeconds, 0),
    requestTimeoutMs: int(env, 'BRANDLOCK_PROVIDER_TIMEOUT_MS', DEFAULT_RETRY_POLICY.requestTimeoutMs, 100),
  };
  const out: ProviderEnv = { policy, maxOutputBytes: int(env, 'BRANDLOCK_PROVIDER_MAX_OUTPUT_MB', 200, 1) * 1024 * 1024, mapFile: env.BRANDLOCK_PROVIDER_MAP?.trim() || undefined };
  const { fal, replicate, runway, comfyui } = config;
  if (fal) {
    out.fal = {
      key: fal.key,
      queueUrl: fal.baseUrl,
      jwksUrl: url(env, 'FAL_JWKS_URL', 'https://rest.alpha.fal.ai/.well-known/jwks.json'),
      userId: env.FAL_USER_ID?.trim() || undefined,
      allowedHosts: fal.allowedHosts,
      pollIntervalMs: int(env, 'FAL_POLL_INTERVAL_MS', 1000, 10),
      mediaExpirySeconds: int(env, 'FAL_MEDIA_EXPIRY_SECONDS', 3600, 60),
      startTimeoutSeconds: env.FAL_START_TIMEOUT_SECONDS ? int(env, 'FAL_START_TIMEOUT_SECONDS', 0, 2) : undefined,
    };
  }
  if (replicate) {
    out.replicate = {
      token: replicate.token,
      baseUrl: replicate.baseUrl,
      webhookSecret: replicate.webhookSecret ?? undefined,
      allowedHosts: replicate.allowedHosts,
      pollIntervalMs: int(env, 'REPLICATE_POLL_INTERVAL_MS', 1000, 10),
      cancelAfter: env.REPLICATE_CANCEL_AFTER ? duration(env, 'REPLICATE_CANCEL_AFTER') : undefined,
    };
  }
  if (runway) {
    out.runway = { secret: runway.secret, baseUrl: runway.baseUrl, version: env.RUNWAY_VERSION?.trim() || '2024-11-06', allowedHosts: runway.allowedHosts, pollIntervalMs: int(env, 'RUNWAY_POLL_INTERVAL_MS', 5000, 10) };
  }
  if (comfyui) {
    const { url: baseUrl, userinfo } = withoutUserinfo(comfyui.url);
    out.comfyui = {
      baseUrl,
      token: comfyui.token ?? undefined,
      basicAuth: userinfo ? new Secret(userinfo) : undefined,
      allowedHosts: comfyui.allowedHosts,
      pollIntervalMs: int(env, 'COMFYUI_POLL_INTERVAL_MS', 1000, 10),
    };
  }
  return out;
}

/**
 * A URL's credentials taken out of it (fetch refuses URLs that carry them), percent-decoded as
 * `user:password`; the URL without them.
 */
function withoutUserinfo(raw: string): { url: string; userinfo: string | null } {
  const u = new URL(raw);
  if (!u.username && !u.password) return { url: raw, userinfo: null };
  const userinfo = `${decodeURIComponent(u.username)}:${decodeURIComponent(u.password)}`;
  u.username = '';
  u.password = '';
  return { url: u.toString().replace(/\/+$/, ''), userinfo };
}

/** The same, reading the provider section from `env` too (tests and tools outside the server). */
export function readProviderEnv(env: Env): ProviderEnv {
  const problems: string[] = [];
  const config = readProvidersConfig(env, problems);
  if (problems.length) throw new Error(problems.join('\n'));
  return providerSettings(config, env);
}

function int(env: Env, name: string, fallback: number, min: number): number {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) < min) throw new Error(`${name}: expected a whole number >= ${min}, found "${raw}"`);
  return Number(raw);
}

function url(env: Env, name: string, fallback: string): string {
  const raw = env[name]?.trim() || fallback;
  let parsed: URL | undefined;
  try {
    parsed = new URL(raw);
  } catch {
    parsed = undefined;
  }
  if (!parsed || (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')) throw new Error(`${name}: expected an http(s) URL, found "${raw}"`);
  return raw.replace(/\/+$/, '');
}

function duration(env: Env, name: string): string {
  const raw = env[name]?.trim() ?? '';
  if (!raw || !/^(\d+h)?(\d+m)?(\d+s?)?$/.test(raw)) throw new Error(`${name}: expected a duration such as "30m" or "1h30m", found "${raw}"`);
  return raw;
}
