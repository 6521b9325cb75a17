/**
 * Which providers this server runs, built from the configuration. `local` is always there; a remote
 * provider is enabled when its key (or URL) is configured and its adapter is registered below. The
 * job queue reaches providers only through this registry and the Provider interface.
 */
import type { JobKind } from '@brandlock/core/api';
import type { Provider, ProviderName } from './provider';
import type { ServerConfig } from '../config/server-config';
import type { Logger } from '../log/logger';
import { createLocalProvider, LOCAL_KINDS } from './local';
import { remoteProviderRegistrations } from './remote-providers';

export type RemoteProviderName = Exclude<ProviderName, 'local'>;

/** What an adapter gets to build itself: the whole config (it reads its own section), fetch, a logger. */
export interface ProviderContext {
  config: ServerConfig;
  fetch: typeof fetch;
  log: Logger;
  /** Where this provider's webhooks arrive (`POST /v1/webhooks/<name>`); null when the server has no public URL. */
  webhookUrl: string | null;
}

export interface ProviderRegistration {
  create(ctx: ProviderContext): Provider;
  /** The job kinds the adapter runs. */
  kinds: readonly JobKind[];
  /** One line for people: what it is and what it is used for. */
  note: string;
}

/**
 * The remote adapters (fal, replicate, runway, comfyui). Each adapter file registers itself here with
 * one line, e.g. `fal: falRegistration`; a provider whose key is configured but whose adapter is
 * missing is reported at start-up and left disabled.
 */
export const REMOTE_PROVIDERS: Partial<Record<RemoteProviderName, ProviderRegistration>> = remoteProviderRegistrations();

export interface ProviderInfo {
  name: ProviderName;
  default: boolean;
  kinds: JobKind[];
  webhooks: boolean;
  note: string;
}

export interface ProviderRegistry {
  readonly defaultName: ProviderName;
  get(name: ProviderName): Provider | null;
  kinds(name: ProviderName): readonly JobKind[];
  describe(): ProviderInfo[];
}

export interface RegistryOptions {
  log: Logger;
  fetch?: typeof fetch;
  /** Adapters to use instead of REMOTE_PROVIDERS (tests). */
  remotes?: Partial<Record<RemoteProviderName, ProviderRegistration>>;
  /** A local provider to use instead of the default one. */
  local?: Provider;
}

export function createProviderRegistry(config: ServerConfig, options: RegistryOptions): ProviderRegistry {
  const remotes = options.remotes ?? REMOTE_PROVIDERS;
  const entries = new Map<ProviderName, { provider: Provider; kinds: readonly JobKind[]; note: string }>();
  entries.set('local', {
    provider: options.local ?? createLocalProvider({ maxPixels: config.maxUploadPixels, videoTools: config.videoTools }),
    kinds: LOCAL_KINDS,
    note: 'Offline default: the non-generative pipeline on the CPU (masters from source images, channel variants, lighting and palette studies, video as a camera move over the approved still). No generative model.',
  });
  for (const name of ['fal', 'replicate', 'runway', 'comfyui'] as const) {
    if (!config.providers[name]) continue;
    const registration = remotes[name];
    if (!registration) {
      options.log.warn('provider configured but this build has no adapter for it; it stays disabled', { provider: name });
      continue;
    }
    const webhookUrl = config.publicUrl ? `${config.publicUrl}/v1/webhooks/${name}` : null;
    entries.set(name, { provider: registration.create({ config, fetch: options.fetch ?? globalThis.fetch, log: options.log.child({ provider: name }), webhookUrl }), kinds: registration.kinds, note: registration.note });
  }
  const defaultName = entries.has(config.defaultProvider) ? config.defaultProvider : 'local';
  return {
    defaultName,
    get: (name) => entries.get(name)?.provider ?? null,
    kinds: (name) => entries.get(name)?.kinds ?? [],
    describe: () =>
      [...entries.entries()].map(([name, e]) => ({ name, default: name === defaultName, kinds: [...e.kinds], webhooks: e.provider.supportsWebhooks, note: e.note })),
  };
}
