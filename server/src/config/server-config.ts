/**
 * The server's configuration, read once from environment variables. Every problem is reported at
 * once, naming the variable, what it held and what was expected. Defaults give a working server on
 * a fresh machine: PGlite in ./.brandlock, the local provider, loopback only.
 */
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { readProvidersConfig, providerSecrets, type ProvidersConfig } from './provider-config';
import { Secret } from './secret';
import { videoToolsFromEnv, type VideoTools } from '../pipeline/video/video-tools';

export type ProviderId = 'fal' | 'replicate' | 'runway' | 'comfyui' | 'local';
const PROVIDER_IDS: ProviderId[] = ['fal', 'replicate', 'runway', 'comfyui', 'local'];

/** The environment variable that switches each remote provider on. */
export const PROVIDER_SWITCH: Record<Exclude<ProviderId, 'local'>, string> = {
  fal: 'FAL_KEY',
  replicate: 'REPLICATE_API_TOKEN',
  runway: 'RUNWAYML_API_SECRET',
  comfyui: 'COMFYUI_URL',
};

export interface ServerConfig {
  host: string;
  port: number;
  /** The URL providers call back on (webhooks); null: poll only. */
  publicUrl: string | null;
  dataDir: string;
  /** Postgres server URL; null: embedded PGlite in `dataDir`. */
  databaseUrl: Secret | null;
  blobDir: string;
  maxUploadBytes: number;
  maxUploadPixels: number;
  /** Allowed CORS origins; "null" is the Figma plugin UI iframe. */
  corsOrigins: string[];
  defaultProvider: ProviderId;
  /** Run job workers in this process; false makes an API-only process (workers run elsewhere on the same Postgres). */
  workers: boolean;
  /** Jobs running at once per provider, per server process. */
  concurrency: Record<ProviderId, number>;
  /** Provider calls per job before it fails (retryable errors only). */
  maxAttempts: number;
  /** How long a queue step may run before another worker takes it over. */
  stepTimeoutSeconds: number;
  /** Retries of a step that throws inside the server before it goes to the dead-letter queue. */
  stepRetries: number;
  pollMinMs: number;
  pollMaxMs: number;
  reconcileIntervalMs: number;
  /**
   * How long a client may take to send a request's headers before the connection is closed (408): a
   * client trickling headers byte by byte holds a socket for no more than this (Node's default is 60 s).
   */
  headersTimeoutMs: number;
  slaHours: number;
  providers: ProvidersConfig;
  limits: LimitsConfig;
  /** FFmpeg and ffprobe for product video (BRANDLOCK_FFMPEG, BRANDLOCK_FFPROBE; else from PATH). */
  videoTools: VideoTools;
  /** Child processes for image work (renders, post-production, QC); 0 runs it in the server's own thread. */
  renderProcesses: number;
  /** How much lower the render processes' CPU priority is than the server's (nice 0..19). */
  renderNice: number;
}

/** Per-token and server-wide limits (over them: 429 or 503 with Retry-After). */
export interface LimitsConfig {
  /** Event streams one token may hold open at once, per process. */
  streamsPerToken: number;
  /** Event streams open at once in this process, all tokens together. */
  streams: number;
  /** Jobs a person's token may queue: a sustained rate per second and a burst. */
  submit: { perSecond: number; burst: number };
  /** The same for admin and service tokens (automation: produce, scripts, benchmarks). */
  submitAutomation: { perSecond: number; burst: number };
  /** Jobs queued or running on the whole server (every process on its database). */
  openJobs: number;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
  constructor(readonly problems: string[]) {
    super(`invalid configuration:\n  ${problems.join('\n  ')}`);
  }
}

type Env = Record<string, string | undefined>;

/**
 * @example const config = readServerConfig(process.env, process.cwd());
 */
export function readServerConfig(env: Env, cwd: string): ServerConfig {
  const problems: string[] = [];
  const int = (name: string, fallback: number, min: number, max: number): number => {
    const raw = env[name]?.trim();
    if (!raw) return fallback;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < min || n > max) {
      problems.push(`${name}: "${raw}" is not a whole number from ${min} to ${max}`);
      return fallback;
    }
    return n;
  };
  const bool = (name: string, fallback: boolean): boolean => {
    const raw = env[name]?.trim().toLowerCase();
    if (!raw) return fallback;
    if (['1', 'true', 'yes', 'on'].includes(raw)) return true;
    if (['0', 'false', 'no', 'off'].includes(raw)) return false;
    problems.push(`${name}: "${env[name]}" is not true or false (1/0, yes/no)`);
    return fallback;
  };
  const providers = readProvidersConfig(env, problems);
  const dataDir = resolve(cwd, env.BRANDLOCK_DATA?.trim() || '.brandlock');
  const defaultProvider = (env.BRANDLOCK_PROVIDER?.trim() || 'local') as ProviderId;
  if (!PROVIDER_IDS.includes(defaultProvider)) problems.push(`BRANDLOCK_PROVIDER: "${defaultProvider}" is not one of ${PROVIDER_IDS.join(', ')}`);
  else if (defaultProvider !== 'local' && !providers[defaultProvider]) problems.push(`BRANDLOCK_PROVIDER: "${defaultProvider}" is not configured on this server (set ${PROVIDER_SWITCH[defaultProvider]}; see the README's GPU providers section)`);
  const publicUrl = env.BRANDLOCK_PUBLIC_URL?.trim().replace(/\/+$/, '') || null;
  if (publicUrl && !/^https?:\/\/[^\s/]+/i.test(publicUrl)) problems.push(`BRANDLOCK_PUBLIC_URL: "${publicUrl}" is not an http(s) URL`);
  const databaseUrl = env.DATABASE_URL?.trim() || null;
  if (databaseUrl && !/^postgres(ql)?:\/\//i.test(databaseUrl)) problems.push('DATABASE_URL: expected a postgres:// or postgresql:// URL');
  const concurrency = Object.fromEntries(
    PROVIDER_IDS.map((p) => [p, int(`BRANDLOCK_CONCURRENCY_${p.toUpperCase()}`, p === 'local' ? 2 : 4, 1, 256)]),
  ) as Record<ProviderId, number>;
  const pollMinMs = int('BRANDLOCK_POLL_MIN_MS', 2000, 50, 600_000);
  const config: ServerConfig = {
    host: env.HOST?.trim() || '127.0.0.1',
    port: int('PORT', 8787, 0, 65535),
    publicUrl,
    dataDir,
    databaseUrl: databaseUrl ? new Secret(databaseUrl) : null,
    blobDir: resolve(cwd, env.BRANDLOCK_BLOBS?.trim() || resolve(dataDir, 'blobs')),
    maxUploadBytes: int('BRANDLOCK_MAX_UPLOAD_BYTES', 50 * 1024 * 1024, 1024, 2 * 1024 * 1024 * 1024),
    maxUploadPixels: int('BRANDLOCK_MAX_UPLOAD_PIXELS', 100_000_000, 1, 1_000_000_000),
    corsOrigins: (env.BRANDLOCK_CORS_ORIGINS ?? 'null,http://localhost,http://127.0.0.1').split(',').map((s) => s.trim()).filter(Boolean),
    defaultProvider,
    workers: bool('BRANDLOCK_WORKERS', true),
    concurrency,
    maxAttempts: int('BRANDLOCK_MAX_ATTEMPTS', 8, 1, 100),
    stepTimeoutSeconds: int('BRANDLOCK_STEP_TIMEOUT_SECONDS', 300, 1, 86_400),
    stepRetries: int('BRANDLOCK_STEP_RETRIES', 5, 0, 50),
    pollMinMs,
    pollMaxMs: int('BRANDLOCK_POLL_MAX_MS', Math.max(30_000, pollMinMs), pollMinMs, 3_600_000),
    reconcileIntervalMs: int('BRANDLOCK_RECONCILE_MS', 30_000, 100, 3_600_000),
    headersTimeoutMs: int('BRANDLOCK_HEADERS_TIMEOUT_MS', 10_000, 100, 600_000),
    slaHours: int('BRANDLOCK_SLA_HOURS', 48, 1, 10_000),
    providers,
    limits: {
      streamsPerToken: int('BRANDLOCK_MAX_STREAMS_PER_TOKEN', 50, 1, 100_000),
      streams: int('BRANDLOCK_MAX_STREAMS', 2000, 1, 1_000_000),
      submit: { perSecond: int('BRANDLOCK_SUBMIT_RATE', 5, 1, 1_000_000), burst: int('BRANDLOCK_SUBMIT_BURST', 200, 1, 10_000_000) },
      submitAutomation: { perSecond: int('BRANDLOCK_SUBMIT_RATE_AUTOMATION', 500, 1, 1_000_000), burst: int('BRANDLOCK_SUBMIT_BURST_AUTOMATION', 20_000, 1, 10_000_000) },
      openJobs: int('BRANDLOCK_MAX_OPEN_JOBS', 20_000, 1, 100_000_000),
    },
    videoTools: videoToolsFromEnv(env),
    renderProcesses: int('BRANDLOCK_RENDER_PROCESSES', availableParallelism(), 0, 64),
    renderNice: int('BRANDLOCK_RENDER_NICE', 10, 0, 19),
  };
  if (problems.length) throw new ConfigError(problems);
  return config;
}

/** Every secret the server holds, for the logger's scrubber. */
export function configSecrets(config: ServerConfig): string[] {
  const secrets = providerSecrets(config.providers);
  if (config.databaseUrl) {
    secrets.push(config.databaseUrl.reveal());
    try {
      const password = decodeURIComponent(new URL(config.databaseUrl.reveal()).password);
      if (password) secrets.push(password);
    } catch {
      // a URL that does not parse has no separate password to scrub
    }
  }
  return secrets.filter((s) => s.length >= 4);
}
