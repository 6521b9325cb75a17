/**
 * Provider settings from environment variables: keys, base URLs, webhook secrets, the hosts result
 * URLs may come from, poll intervals and the shared retry policy. A provider whose key is absent is
 * simply not configured. Values are checked here so a typo fails at start-up with the variable's name.
 */
import { DEFAULT_RETRY_POLICY, type RetryPolicy } from './http-retry';

type Env = Record<string, string | undefined>;

export interface FalSettings {
  key: string;
  queueUrl: string;
  jwksUrl: string;
  /** Our fal account id: webhooks for any other account are refused. Webhooks are off without it. */
  userId?: string;
  mediaHosts: string[];
  pollIntervalMs: number;
  /** How long fal keeps our outputs on its public CDN. */
  mediaExpirySeconds: number;
  startTimeoutSeconds?: number;
}

export interface ReplicateSettings {
  token: string;
  baseUrl: string;
  webhookSecret?: string;
  mediaHosts: string[];
  pollIntervalMs: number;
  /** Replicate's Cancel-After deadline ("30m"), so a stuck prediction stops costing money. */
  cancelAfter?: string;
}

export interface RunwaySettings {
  secret: string;
  baseUrl: string;
  version: string;
  mediaHosts: string[];
  pollIntervalMs: number;
}

export interface ComfySettings {
  baseUrl: string;
  /** Bearer token for a proxy in front of ComfyUI (ComfyUI itself has no auth). */
  token?: string;
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

export function readProviderEnv(env: Env = process.env): ProviderEnv {
  const policy: RetryPolicy = {
    maxRetries: int(env, 'BRANDLOCK_PROVIDER_RETRIES', DEFAULT_RETRY_POLICY.maxRetries, 0),
    baseDelayMs: int(env, 'BRANDLOCK_PROVIDER_RETRY_BASE_MS', DEFAULT_RETRY_POLICY.baseDelayMs, 1),
    maxDelayMs: int(env, 'BRANDLOCK_PROVIDER_RETRY_MAX_MS', DEFAULT_RETRY_POLICY.maxDelayMs, 1),
    maxRetryAfterSeconds: int(env, 'BRANDLOCK_PROVIDER_MAX_RETRY_AFTER_S', DEFAULT_RETRY_POLICY.maxRetryAfterSeconds, 0),
    requestTimeoutMs: int(env, 'BRANDLOCK_PROVIDER_TIMEOUT_MS', DEFAULT_RETRY_POLICY.requestTimeoutMs, 100),
  };
  const out: ProviderEnv = {
    policy,
    maxOutputBytes: int(env, 'BRANDLOCK_PROVIDER_MAX_OUTPUT_MB', 200, 1) * 1024 * 1024,
    mapFile: env.BRANDLOCK_PROVIDER_MAP || undefined,
  };
  if (env.FAL_KEY) {
    out.fal = {
      key: env.FAL_KEY,
      queueUrl: url(env, 'FAL_QUEUE_URL', 'https://queue.fal.run'),
      jwksUrl: url(env, 'FAL_JWKS_URL', 'https://rest.alpha.fal.ai/.well-known/jwks.json'),
      userId: env.FAL_USER_ID || undefined,
      mediaHosts: list(env, 'FAL_MEDIA_HOSTS', ['https://fal.media', 'https://*.fal.media']),
      pollIntervalMs: int(env, 'FAL_POLL_INTERVAL_MS', 1000, 10),
      mediaExpirySeconds: int(env, 'FAL_MEDIA_EXPIRY_SECONDS', 3600, 60),
      startTimeoutSeconds: env.FAL_START_TIMEOUT_SECONDS ? int(env, 'FAL_START_TIMEOUT_SECONDS', 0, 1) : undefined,
    };
  }
  if (env.REPLICATE_API_TOKEN) {
    out.replicate = {
      token: env.REPLICATE_API_TOKEN,
      baseUrl: url(env, 'REPLICATE_BASE_URL', 'https://api.replicate.com/v1'),
      webhookSecret: env.REPLICATE_WEBHOOK_SECRET || undefined,
      mediaHosts: list(env, 'REPLICATE_MEDIA_HOSTS', ['https://replicate.delivery', 'https://*.replicate.delivery']),
      pollIntervalMs: int(env, 'REPLICATE_POLL_INTERVAL_MS', 1000, 10),
      cancelAfter: env.REPLICATE_CANCEL_AFTER ? duration(env, 'REPLICATE_CANCEL_AFTER') : undefined,
    };
  }
  if (env.RUNWAYML_API_SECRET) {
    out.runway = {
      secret: env.RUNWAYML_API_SECRET,
      baseUrl: url(env, 'RUNWAYML_BASE_URL', 'https://api.dev.runwayml.com'),
      version: env.RUNWAY_VERSION || '2024-11-06',
      mediaHosts: list(env, 'RUNWAY_MEDIA_HOSTS', []),
      pollIntervalMs: int(env, 'RUNWAY_POLL_INTERVAL_MS', 5000, 10),
    };
  }
  if (env.COMFYUI_URL) {
    out.comfyui = {
      baseUrl: url(env, 'COMFYUI_URL', ''),
      token: env.COMFYUI_TOKEN || undefined,
      pollIntervalMs: int(env, 'COMFYUI_POLL_INTERVAL_MS', 1000, 10),
    };
  }
  return out;
}

function int(env: Env, name: string, fallback: number, min: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw.trim()) || Number(raw) < min) throw new Error(`${name}: expected a whole number >= ${min}, found "${raw}"`);
  return Number(raw);
}

function url(env: Env, name: string, fallback: string): string {
  const raw = env[name] || fallback;
  let parsed: URL;
  try {
    parsed = new URL(raw);
  } catch {
    throw new Error(`${name}: expected an http(s) URL, found "${raw}"`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new Error(`${name}: expected an http(s) URL, found "${raw}"`);
  if (parsed.username || parsed.password) throw new Error(`${name}: put credentials in the key variable, not in the URL`);
  return raw.replace(/\/+$/, '');
}

function list(env: Env, name: string, fallback: string[]): string[] {
  const raw = env[name];
  return raw === undefined ? fallback : raw.split(',').map((s) => s.trim()).filter(Boolean);
}

function duration(env: Env, name: string): string {
  const raw = env[name] ?? '';
  if (!/^(\d+h)?(\d+m)?(\d+s?)?$/.test(raw) || !raw) throw new Error(`${name}: expected a duration such as "30m" or "1h30m", found "${raw}"`);
  return raw;
}
