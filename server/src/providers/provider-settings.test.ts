import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createConfiguredProviders } from './configured-providers';
import { readProviderEnv } from './provider-env';
import { loadProviderMap, parseProviderMap } from './provider-map';

describe('readProviderEnv', () => {
  it('configures only the providers whose key or URL is set, with documented defaults', () => {
    const env = readProviderEnv({ FAL_KEY: 'k', COMFYUI_URL: 'http://gpu-box:8188/' });
    expect(env.fal).toMatchObject({ queueUrl: 'https://queue.fal.run', mediaHosts: ['https://fal.media', 'https://*.fal.media'], pollIntervalMs: 1000, mediaExpirySeconds: 3600 });
    expect(env.comfyui).toMatchObject({ baseUrl: 'http://gpu-box:8188' });
    expect(env.replicate).toBeUndefined();
    expect(env.runway).toBeUndefined();
    expect(readProviderEnv({ RUNWAYML_API_SECRET: 's' }).runway).toMatchObject({ version: '2024-11-06', pollIntervalMs: 5000, mediaHosts: [] });
  });

  it('names the variable that is wrong', () => {
    expect(() => readProviderEnv({ BRANDLOCK_PROVIDER_RETRIES: 'many' })).toThrow('BRANDLOCK_PROVIDER_RETRIES: expected a whole number >= 0, found "many"');
    expect(() => readProviderEnv({ FAL_KEY: 'k', FAL_QUEUE_URL: 'ftp://x' })).toThrow(/FAL_QUEUE_URL: expected an http\(s\) URL/);
    expect(() => readProviderEnv({ REPLICATE_API_TOKEN: 't', REPLICATE_BASE_URL: 'https://me:pw@api.replicate.com/v1' })).toThrow(/REPLICATE_BASE_URL: put credentials in the key variable/);
    expect(() => readProviderEnv({ REPLICATE_API_TOKEN: 't', REPLICATE_CANCEL_AFTER: 'soon' })).toThrow(/REPLICATE_CANCEL_AFTER/);
  });
});

describe('provider map', () => {
  it('names the field that is wrong', () => {
    expect(() => parseProviderMap({ fal: { models: { 'flux-1-dev': { id: 'fal-ai/flux-lora', ratios: ['tall'] } } } }, 'providers.json')).toThrow(
      'providers.json: fal.models.flux-1-dev.ratios.0: expected "width:height"',
    );
    expect(() => parseProviderMap({ midjourney: {} }, 'providers.json')).toThrow(/providers\.json: \(top level\): Unrecognized key/);
  });

  it('loads the map and the ComfyUI workflow beside it, and builds the configured providers', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'brandlock-map-'));
    await writeFile(join(dir, 'providers.json'), JSON.stringify({ comfyui: { models: { 'flux-1-dev': 'flux.safetensors' }, workflow: 'wf.json' } }));
    await writeFile(join(dir, 'wf.json'), JSON.stringify({ '1': { class_type: 'SaveImage', inputs: {} } }));
    const loaded = await loadProviderMap(join(dir, 'providers.json'));
    expect(loaded.comfyWorkflow).toEqual({ '1': { class_type: 'SaveImage', inputs: {} } });
    const providers = await createConfiguredProviders({ BRANDLOCK_PROVIDER_MAP: join(dir, 'providers.json'), COMFYUI_URL: 'http://127.0.0.1:8188', FAL_KEY: 'k' });
    expect(providers.map((p) => p.name)).toEqual(['fal', 'comfyui']);
    await writeFile(join(dir, 'wf.json'), '{"1": ');
    await expect(loadProviderMap(join(dir, 'providers.json'))).rejects.toThrow(/wf\.json(:\d+:\d+)?: invalid JSON/);
  });
});
