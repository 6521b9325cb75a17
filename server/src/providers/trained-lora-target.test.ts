// Which weights fal and Replicate are told to load for a LoRA brandlock trained and the lock pins,
// when the provider map has no entry for it: fal gets the trained .safetensors URL, Replicate's
// flux-dev-lora the trained version ("owner/model/hash") or a fal-trained .safetensors URL; fal
// refuses a Replicate .tar by name; a map entry still wins; every submit says what was loaded.
import { describe, expect, it } from 'vitest';
import type { LoraTraining } from '@brandlock/core';
import { mapLoras } from './hosted-model';
import { ProviderCallError } from './provider';
import { testRequest } from '../../test-support/simulators/provider-fixtures';

const sha = 'c'.repeat(64);
const training = (provider: 'fal' | 'replicate', extra: Partial<LoraTraining> = {}): LoraTraining => ({
  provider,
  trainer: provider === 'fal' ? 'fal-ai/flux-lora-fast-training' : 'ostris/flux-dev-lora-trainer:abc',
  jobId: 'job-1',
  weightsUrl: provider === 'fal' ? 'https://v3.fal.media/files/x/pytorch_lora_weights.safetensors' : 'https://replicate.delivery/x/trained_model.tar',
  weightsSha256: sha,
  steps: 800,
  trainingSet: { zipSha256: 'd'.repeat(64), images: ['e'.repeat(64)] },
  cost: { usd: null, basis: 'test' },
  trainedAt: '2026-12-06T00:00:00Z',
  ...extra,
});
const request = (t: LoraTraining) => testRequest({}, { loras: [{ ref: t.weightsUrl, triggerWord: 'nfava', strength: 0.85, training: t }] });

describe('trained LoRA targets', () => {
  it('fal loads the trained .safetensors URL and records its sha256', () => {
    const t = training('fal');
    expect(mapLoras('fal', request(t), { loras: {} }, 'map.json')).toEqual([{ ref: t.weightsUrl, target: t.weightsUrl, strength: 0.85, via: 'trained', sha256: sha }]);
  });

  it('Replicate loads its own trained version, or a fal-trained .safetensors URL', () => {
    const rep = training('replicate', { version: `northfold/ava-lora:${'f'.repeat(64)}` });
    expect(mapLoras('replicate', request(rep), { loras: {} }, 'map.json')[0]).toMatchObject({ target: `northfold/ava-lora/${'f'.repeat(64)}`, via: 'trained', sha256: sha });
    const fal = training('fal');
    expect(mapLoras('replicate', request(fal), { loras: {} }, 'map.json')[0]).toMatchObject({ target: fal.weightsUrl, via: 'trained' });
  });

  it('fal refuses Replicate-trained weights by name; a map entry wins; other providers keep to the map', () => {
    const rep = training('replicate', { version: `northfold/ava-lora:${'f'.repeat(64)}` });
    let err: unknown;
    try {
      mapLoras('fal', request(rep), { loras: {} }, 'map.json');
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ProviderCallError);
    expect((err as ProviderCallError).error).toMatchObject({ code: 'unmapped_lora', retryable: false, message: expect.stringMatching(/Replicate trained it .*\.tar.*fal\.loras in map\.json/) });
    expect(mapLoras('fal', request(rep), { loras: { [rep.weightsUrl]: 'https://weights.example/converted.safetensors' } }, 'map.json')[0]).toMatchObject({ target: 'https://weights.example/converted.safetensors', via: 'provider-map', sha256: null });
    expect(() => mapLoras('comfyui', request(training('fal')), { loras: {} }, 'map.json')).toThrow(/comfyui has no mapping for LoRA/);
  });
});
