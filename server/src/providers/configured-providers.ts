/**
 * Builds the GPU adapters from their settings and the provider map: one at a time for the
 * registry (`remote-providers.ts`), or every configured one at once for tools and tests.
 */
import { createComfyProvider } from './comfyui';
import { createFalProvider } from './fal';
import { loadProviderMap, type LoadedProviderMap } from './provider-map';
import { readProviderEnv, type ProviderEnv } from './provider-env';
import { createReplicateProvider } from './replicate';
import { createRunwayProvider } from './runway';
import type { Provider, ProviderName } from './provider';

export type GpuProviderName = Exclude<ProviderName, 'local'>;

export interface ProviderBuildOptions {
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  fetch?: typeof fetch;
}

/** The adapter for `name`, or null when its key (or URL) is not configured. */
export function buildProvider(name: GpuProviderName, settings: ProviderEnv, loaded?: LoadedProviderMap, build: ProviderBuildOptions = {}): Provider | null {
  const mapSource = loaded?.source ?? 'the provider map (BRANDLOCK_PROVIDER_MAP is not set)';
  const common = { mapSource, policy: settings.policy, maxOutputBytes: settings.maxOutputBytes, sleep: build.sleep, fetch: build.fetch };
  switch (name) {
    case 'fal':
      return settings.fal ? createFalProvider({ ...common, settings: settings.fal, map: loaded?.map.fal }) : null;
    case 'replicate':
      return settings.replicate ? createReplicateProvider({ ...common, settings: settings.replicate, map: loaded?.map.replicate }) : null;
    case 'runway':
      return settings.runway ? createRunwayProvider({ ...common, settings: settings.runway, map: loaded?.map.runway }) : null;
    case 'comfyui':
      return settings.comfyui ? createComfyProvider({ ...common, settings: settings.comfyui, map: loaded?.map.comfyui, workflow: loaded?.comfyWorkflow }) : null;
  }
}

export function createProvidersFromSettings(settings: ProviderEnv, loaded?: LoadedProviderMap, build: ProviderBuildOptions = {}): Provider[] {
  return (['fal', 'replicate', 'runway', 'comfyui'] as const).flatMap((name) => buildProvider(name, settings, loaded, build) ?? []);
}

/** Reads the environment and the provider map file; throws naming the variable or file that is wrong. */
export async function createConfiguredProviders(env: Record<string, string | undefined>, build: ProviderBuildOptions = {}): Promise<Provider[]> {
  const settings = readProviderEnv(env);
  const loaded = settings.mapFile ? await loadProviderMap(settings.mapFile) : undefined;
  return createProvidersFromSettings(settings, loaded, build);
}
