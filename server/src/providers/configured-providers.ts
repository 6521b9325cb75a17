/**
 * Builds the GPU providers that the environment configures (a key or URL set), with the provider
 * map from BRANDLOCK_PROVIDER_MAP. The registry adds these beside the always-present `local`.
 */
import { createComfyProvider } from './comfyui';
import { createFalProvider } from './fal';
import { loadProviderMap, type LoadedProviderMap } from './provider-map';
import { readProviderEnv, type ProviderEnv } from './provider-env';
import { createReplicateProvider } from './replicate';
import { createRunwayProvider } from './runway';
import type { Provider } from './provider';

export interface ProviderBuildOptions {
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  fetch?: typeof fetch;
}

export function createProvidersFromSettings(settings: ProviderEnv, loaded?: LoadedProviderMap, build: ProviderBuildOptions = {}): Provider[] {
  const mapSource = loaded?.source ?? 'the provider map (BRANDLOCK_PROVIDER_MAP is not set)';
  const common = { mapSource, policy: settings.policy, maxOutputBytes: settings.maxOutputBytes, sleep: build.sleep, fetch: build.fetch };
  const providers: Provider[] = [];
  if (settings.fal) providers.push(createFalProvider({ ...common, settings: settings.fal, map: loaded?.map.fal }));
  if (settings.replicate) providers.push(createReplicateProvider({ ...common, settings: settings.replicate, map: loaded?.map.replicate }));
  if (settings.runway) providers.push(createRunwayProvider({ ...common, settings: settings.runway, map: loaded?.map.runway }));
  if (settings.comfyui) providers.push(createComfyProvider({ ...common, settings: settings.comfyui, map: loaded?.map.comfyui, workflow: loaded?.comfyWorkflow }));
  return providers;
}

/** Reads the environment and the provider map file; throws naming the variable or file that is wrong. */
export async function createConfiguredProviders(env: Record<string, string | undefined> = process.env, build: ProviderBuildOptions = {}): Promise<Provider[]> {
  const settings = readProviderEnv(env);
  const loaded = settings.mapFile ? await loadProviderMap(settings.mapFile) : undefined;
  return createProvidersFromSettings(settings, loaded, build);
}
