/**
 * Looks up, in the provider map, the model a request runs on (the recipe's base model, or the
 * provider's video model) and the provider's identifier for each of the recipe's LoRAs. A missing
 * entry is a clear, non-retryable error that names the map file and the key to add.
 */
import { resolveModelEntry, type HostedProviderMap, type ResolvedModel } from './provider-map';
import { ProviderCallError, type JobKind, type ProviderName, type ProviderRequest } from './provider';
import type { RetryPolicy } from './http-retry';

/** What every remote adapter is made with: its settings and model map, retries, limits, and I/O. */
export interface RemoteProviderOptions<Settings, Map = HostedProviderMap> {
  settings: Settings;
  map?: Map;
  mapSource: string;
  policy: RetryPolicy;
  maxOutputBytes: number;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** The fetch every call goes through; the global fetch by default. */
  fetch?: typeof fetch;
}

export interface MappedLora {
  ref: string;
  /** The provider's own identifier: a weights URL, a Hugging Face id, a file name. */
  target: string;
  strength: number;
}

const IMAGE_KINDS: readonly JobKind[] = ['generate', 'moodboard'];

export function pickModel(provider: ProviderName, request: ProviderRequest, map: HostedProviderMap | undefined, source: string): ResolvedModel {
  if (request.kind === 'video') {
    if (map?.video) return resolveModelEntry(map.video);
    throw unmapped(provider, `${provider} has no video model; set ${provider}.video in ${source}`);
  }
  if (!IMAGE_KINDS.includes(request.kind)) {
    throw new ProviderCallError(provider, { code: 'unsupported_kind', message: `${provider} does not run "${request.kind}" jobs (the local provider does)`, retryable: false });
  }
  const entry = map?.models[request.recipe.baseModel];
  if (!entry) throw unmapped(provider, `${provider} has no mapping for base model "${request.recipe.baseModel}"; add it under ${provider}.models in ${source}`);
  return resolveModelEntry(entry);
}

export function mapLoras(provider: ProviderName, request: ProviderRequest, map: { loras: Record<string, string> } | undefined, source: string): MappedLora[] {
  return request.recipe.loras.map((lora) => {
    const target = map?.loras[lora.ref];
    if (!target) throw unmapped(provider, `${provider} has no mapping for LoRA "${lora.ref}"; add it under ${provider}.loras in ${source}`, 'unmapped_lora');
    return { ref: lora.ref, target, strength: lora.strength };
  });
}

/** Refuses a recipe whose LoRAs the model's input would silently drop: that image would be off-brand. */
export function requireLorasUsed(provider: ProviderName, model: string, request: ProviderRequest, used: Set<string>, placeholder: string): void {
  if (request.recipe.loras.length && !used.has(placeholder)) {
    throw new ProviderCallError(provider, {
      code: 'unsupported_recipe',
      message: `${provider} ${model}: the recipe needs LoRAs (${request.recipe.loras.map((l) => l.ref).join(', ')}) but the model input has no $${placeholder}`,
      retryable: false,
    });
  }
}

function unmapped(provider: ProviderName, message: string, code = 'unmapped_model'): ProviderCallError {
  return new ProviderCallError(provider, { code, message, retryable: false });
}
