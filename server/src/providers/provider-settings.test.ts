import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createConfiguredProviders } from './configured-providers';
import { readProviderEnv } from './provider-env';
import { loadProviderMap, parseProviderMap } from './provider-map';

describe('readProviderEnv', () => {
  it('takes keys, base URLs and result hosts from the server configuration and adds the adapter settings', () => {
    const env = readProviderEnv({ FAL_KEY: 'k-123456', COMFYUI_URL: 'http://gpu-box:8188/', FAL_USER_ID: 'acct' });
    expect(env.fal).toMatchObject({ queueUrl: 'https://queue.fal.run', userId: 'acct', pollIntervalMs: 1000, mediaExpirySeconds: 3600 });
    expect(env.fal!.allowedHosts.map((h) => h.host)).toContain('fal.media');
    expect(env.fal!.key.reveal()).toBe('k-123456');
    expect(JSON.stringify(env)).not.toContain('k-123456');
    expect(env.comfyui).toMatchObject({ baseUrl: 'http://gpu-box:8188', allowedHosts: [{ scheme: 'http', host: 'gpu-box', port: 8188, wildcard: false }] });
    expect(env.replicate).toBeUndefined();
    expect(readProviderEnv({ RUNWAYML_API_SECRET: 's' }).runway).toMatchObject({ version: '2024-11-06', pollIntervalMs: 5000 });
  });

  it('names the variable that is wrong', () => {
    expect(() => readProviderEnv({ BRANDLOCK_PROVIDER_RETRIES: 'many' })).toThrow('BRANDLOCK_PROVIDER_RETRIES: expected a whole number >= 0, found "many"');
    expect(() => readProviderEnv({ FAL_KEY: 'k', FAL_BASE_URL: 'ftp://x' })).toThrow(/FAL_BASE_URL/);
    expect(() => readProviderEnv({ FAL_KEY: 'k', FAL_JWKS_URL: 'jwks' })).toThrow(/FAL_JWKS_URL: expected an http\(s\) URL/);
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
