/**
 * Looks up, in the provider map, the model a request runs on (the recipe's base model, or the
 * provider's video model) and the provider's identifier for each of the recipe's LoRAs. A LoRA that
 * brandlock trained carries its own weights (pinned in the lock with their sha256), so fal and
 * Replicate use those when the map has no entry for it. A missing entry is a clear, non-retryable
 * error that names the map file and the key to add.
 */
import { resolveModelEntry, type HostedProviderMap, type ResolvedModel } from './provider-map';
import { ProviderCallError, type AppliedLora, type JobKind, type ProviderName, type ProviderRequest } from './provider';
import type { LoraRef } from '@brandlock/core';
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
  /** Where the target came from and, for trained weights, their sha256: what the audit records. */
  via: AppliedLora['via'];
  sha256: string | null;
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
    const mapped = map?.loras[lora.ref];
    if (mapped) return { ref: lora.ref, target: mapped, strength: lora.strength, via: 'provider-map', sha256: null };
    const trained = trainedTarget(provider, lora, source);
    if (trained) return { ref: lora.ref, target: trained, strength: lora.strength, via: 'trained', sha256: lora.training?.weightsSha256 ?? null };
    throw unmapped(provider, `${provider} has no mapping for LoRA "${lora.ref}"; add it under ${provider}.loras in ${source}`, 'unmapped_lora');
  });
}

/**
 * What fal or Replicate loads for a LoRA trained by brandlock. fal takes a .safetensors URL, which
 * fal's trainer gives; Replicate's trainer gives a version of the destination model ("owner/model:
 * hash", which flux-dev-lora's lora_weights takes as "owner/model/hash") and a .tar of weights that
 * fal cannot load. Other providers need the weights where they run (ComfyUI's models/loras, a Runway
 * reference image), so they keep to the map.
 */
function trainedTarget(provider: ProviderName, lora: LoraRef, source: string): string | null {
  const training = lora.training;
  if (!training) return null;
  if (provider === 'fal') {
    if (training.provider === 'fal') return training.weightsUrl;
    throw unmapped(provider, `fal cannot load LoRA "${lora.ref}": Replicate trained it and its weights are a Replicate .tar, not a .safetensors file; convert it and add it under fal.loras in ${source}`, 'unmapped_lora');
  }
  if (provider === 'replicate') return training.provider === 'replicate' && training.version ? training.version.replace(':', '/') : training.weightsUrl;
  return null;
}

/** The LoRAs as sent, for the audit trail. */
export function appliedLoras(loras: readonly MappedLora[]): AppliedLora[] {
  return loras.map((l) => ({ ref: l.ref, weights: l.target, sha256: l.sha256, via: l.via }));
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
