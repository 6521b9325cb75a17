/**
 * The registry entries of the four GPU adapters. Each reads its section of the server
 * configuration (key, base URL, result hosts), its adapter-only variables and the provider map
 * (BRANDLOCK_PROVIDER_MAP) from the environment it is given, and uses the registry's fetch.
 */
import type { JobKind } from '@brandlock/core/api';
import { buildProvider, type GpuProviderName } from './configured-providers';
import { providerSettings } from './provider-env';
import { loadProviderMapSync } from './provider-map';
import type { ProviderContext, ProviderRegistration } from './registry';

const KINDS: Record<GpuProviderName, readonly JobKind[]> = {
  fal: ['generate', 'moodboard', 'video'],
  replicate: ['generate', 'moodboard', 'video'],
  runway: ['generate', 'video'],
  comfyui: ['generate', 'moodboard'],
};

const NOTES: Record<GpuProviderName, string> = {
  fal: 'fal.ai queue API: FLUX with the lock\'s LoRAs, image-to-video; ED25519-signed webhooks.',
  replicate: 'Replicate predictions: FLUX LoRA models, video models; HMAC-signed webhooks; outputs kept only an hour, copied at once.',
  runway: 'Runway tasks: gen4 stills (LoRAs only as mapped reference images, one image per task) and image-to-video; polling only.',
  comfyui: 'Your own ComfyUI worker: the workflow template filled from the recipe with a LoRA chain; polling.',
};

export function remoteProviderRegistrations(env: Record<string, string | undefined> = process.env): Record<GpuProviderName, ProviderRegistration> {
  const registration = (name: GpuProviderName): ProviderRegistration => ({
    kinds: KINDS[name],
    note: NOTES[name],
    create(ctx: ProviderContext) {
      const settings = providerSettings(ctx.config.providers, env);
      const loaded = settings.mapFile ? loadProviderMapSync(settings.mapFile) : undefined;
      const provider = buildProvider(name, settings, loaded, { fetch: ctx.fetch });
      if (!provider) throw new Error(`${name} is enabled in the configuration but has no settings`);
      if (!loaded) ctx.log.warn('no provider map (BRANDLOCK_PROVIDER_MAP): jobs on this provider fail until its models and LoRAs are mapped', { provider: name });
      return provider;
    },
  });
  return { fal: registration('fal'), replicate: registration('replicate'), runway: registration('runway'), comfyui: registration('comfyui') };
}
