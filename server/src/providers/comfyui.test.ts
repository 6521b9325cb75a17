import sharp from 'sharp';
import { afterEach, describe, expect, it } from 'vitest';
import { comfyPromptId, createComfyProvider } from './comfyui';
import { DEFAULT_WORKFLOW } from './comfyui-workflow';
import { readProviderEnv } from './provider-env';
import type { Provider } from './provider';
import { ComfySimulator, type ComfySimulatorOptions } from '../../test-support/simulators/comfyui-simulator';
import { FaultPlan } from '../../test-support/simulators/fault-plan';
import { pollUntilDone, TEST_MAP, TEST_POLICY, testRequest, testSource } from '../../test-support/simulators/provider-fixtures';
import { expectedColour, readSimulatedImage } from '../../test-support/simulators/synthetic-image';

let sim: ComfySimulator;
afterEach(async () => sim?.close());

async function setUp(options: ComfySimulatorOptions = {}, workflow?: unknown, env: Record<string, string> = {}): Promise<Provider> {
  sim = await ComfySimulator.start({ runMs: 30, ...options });
  return createComfyProvider({
    settings: readProviderEnv({ ...sim.env(), COMFYUI_POLL_INTERVAL_MS: '15', ...env }).comfyui!,
    map: TEST_MAP.comfyui,
    mapSource: 'test map',
    workflow,
    policy: TEST_POLICY,
    maxOutputBytes: 1 << 20,
  });
}

function capturePrompts(): { graphs: Record<string, { class_type: string; inputs: Record<string, unknown> }>[]; restore(): void } {
  const graphs: Record<string, { class_type: string; inputs: Record<string, unknown> }>[] = [];
  const original = globalThis.fetch;
  globalThis.fetch = async (input, init) => {
    if (String(input).endsWith('/prompt') && typeof init?.body === 'string') graphs.push(JSON.parse(init.body).prompt);
    return original(input, init);
  };
  return { graphs, restore: () => void (globalThis.fetch = original) };
}

describe('comfyui provider against the loopback server', () => {
  it('fills the workflow with a LoRA chain, queues it under our prompt id and downloads the saved image', async () => {
    const comfy = await setUp();
    const capture = capturePrompts();
    const submitted = await comfy.submit(testRequest({ count: 2 })).finally(capture.restore);
    expect(submitted.providerJobId).toBe(comfyPromptId('job-0001', 0));
    const graph = capture.graphs[0];
    expect(graph['4'].inputs.ckpt_name).toBe('flux1-dev-fp8.safetensors');
    expect(graph['10'].inputs).toMatchObject({ lora_name: 'northfold/ava-v3.safetensors', strength_model: 0.85, strength_clip: 0.85, model: ['4', 0], clip: ['4', 1] });
    expect(graph['10_1'].inputs).toMatchObject({ lora_name: 'northfold/poplin-v1.safetensors', strength_model: 0.4, model: ['10', 0], clip: ['10', 1] });
    expect(graph['3'].inputs).toMatchObject({ model: ['10_1', 0], seed: 424242, steps: 24, cfg: 3.5 });
    expect(graph['6'].inputs).toEqual({ text: testRequest().recipe.prompt, clip: ['10_1', 1] });
    expect(graph['5'].inputs).toEqual({ width: 1024, height: 1536, batch_size: 2 });
    expect(graph['9'].inputs.filename_prefix).toBe('brandlock/job-0001');
    // The audit trail records the LoRA files the workflow loads, as it does for fal and Replicate.
    expect(submitted.loras).toEqual([
      { ref: 'northfold/models/ava-v3', weights: 'northfold/ava-v3.safetensors', sha256: null, via: 'provider-map' },
      { ref: 'northfold/styles/poplin-v1', weights: 'northfold/poplin-v1.safetensors', sha256: null, via: 'provider-map' },
    ]);

    const done = await pollUntilDone(comfy, submitted.providerJobId);
    expect(done.state).toBe('succeeded');
    expect(done.outputs).toHaveLength(2);
    expect(done.outputs![0]).toMatchObject({ seed: 424242 });
    expect(new URL(done.outputs![0].url!).pathname).toBe('/view');
    const image = await readSimulatedImage((await comfy.fetchOutput(done.outputs![1])).bytes);
    expect(image.colour).toEqual(expectedColour(testRequest().recipe.prompt, 424242, 1));
  });

  it('removes the LoRA loader when the recipe has no LoRAs', async () => {
    const comfy = await setUp();
    const capture = capturePrompts();
    await comfy.submit(testRequest({}, { loras: [] })).finally(capture.restore);
    const graph = capture.graphs[0];
    expect(graph['10']).toBeUndefined();
    expect(graph['3'].inputs.model).toEqual(['4', 0]);
    expect(graph['6'].inputs.clip).toEqual(['4', 1]);
  });

  it('uploads the source image for a template that loads one', async () => {
    const template = structuredClone(DEFAULT_WORKFLOW) as Record<string, { class_type: string; inputs: Record<string, unknown> }>;
    template['11'] = { class_type: 'LoadImage', inputs: { image: '$source_image' } };
    template['12'] = { class_type: 'VAEEncode', inputs: { pixels: ['11', 0], vae: ['4', 2] } };
    template['3'].inputs.latent_image = ['12', 0];
    template['3'].inputs.denoise = 0.6;
    delete template['5'];
    const comfy = await setUp({}, template);
    await expect(comfy.submit(testRequest())).rejects.toMatchObject({ error: { code: 'missing_source' } });
    const flatLay = await sharp({ create: { width: 24, height: 36, channels: 3, background: '#b4a58c' } }).png().toBuffer();
    const submitted = await comfy.submit(testRequest({ sources: [testSource(flatLay)] }));
    expect(sim.requests.some((r) => r.path === '/upload/image')).toBe(true);
    expect(sim.files.get(`input/brandlock/${'a'.repeat(40)}.png`)?.bytes).toEqual(new Uint8Array(flatLay));
    expect((await pollUntilDone(comfy, submitted.providerJobId)).state).toBe('succeeded');
  });

  it('refuses templates that are broken or cannot take the recipe', async () => {
    await expect(setUp({}, { '1': { class_type: 'VAEDecode', inputs: { samples: ['99', 0] } } })).rejects.toThrow(/node 1 input samples links to missing node 99/);
    await sim.close();
    const noLora = structuredClone(DEFAULT_WORKFLOW);
    delete noLora['10'];
    noLora['3'].inputs.model = ['4', 0];
    noLora['6'].inputs.clip = ['4', 1];
    noLora['7'].inputs.clip = ['4', 1];
    const comfy = await setUp({}, noLora);
    await expect(comfy.submit(testRequest())).rejects.toMatchObject({ error: { code: 'unsupported_recipe' } });
    await expect(comfy.submit(testRequest({}, { baseModel: 'sdxl' }))).rejects.toMatchObject({ error: { code: 'unmapped_model' } });
    expect(sim.promptIds).toHaveLength(0);
  });

  it('runs one prompt at a time and cancels a pending one and the running one', async () => {
    const comfy = await setUp({ runMs: 400 });
    const first = await comfy.submit(testRequest({ jobId: 'a' }));
    const second = await comfy.submit(testRequest({ jobId: 'b' }));
    expect((await comfy.status(first.providerJobId)).state).toBe('running');
    expect((await comfy.status(second.providerJobId)).state).toBe('queued');
    await comfy.cancel(second.providerJobId);
    expect((await comfy.status(second.providerJobId)).error?.code).toBe('not_found');
    await comfy.cancel(first.providerJobId);
    expect((await comfy.status(first.providerJobId)).state).toBe('canceled');
  });
});

describe('comfyui never queues a job twice', () => {
  it('finds the prompt again instead of queueing it twice', async () => {
    const comfy = await setUp({ runMs: 200 });
    const a = await comfy.submit(testRequest());
    const b = await comfy.submit(testRequest());
    expect(b.providerJobId).toBe(a.providerJobId);
    // Found again, it still reports what the workflow loads.
    expect(b.loras?.map((l) => l.weights)).toEqual(a.loras?.map((l) => l.weights));
    expect(b.loras).toHaveLength(2);
    expect(b.status.state).toBe('running');
    expect(sim.promptIds).toHaveLength(1);
  });

  it('recovers a prompt whose answer was lost or malformed, and retries one that never arrived', async () => {
    const faults = new FaultPlan().script('create', { kind: 'lost_answer' }, { kind: 'malformed' }, { kind: 'timeout' }, { kind: 'server_error', status: 500 });
    const comfy = await setUp({ faults });
    const lost = await comfy.submit(testRequest({ jobId: 'lost' }, { prompt: 'lost answer' }));
    const garbled = await comfy.submit(testRequest({ jobId: 'garbled' }, { prompt: 'garbled answer' }));
    expect([lost.providerJobId, garbled.providerJobId]).toEqual([comfyPromptId('lost', 0), comfyPromptId('garbled', 0)]);
    await expect(comfy.submit(testRequest({ jobId: 'held' }, { prompt: 'held' }))).rejects.toMatchObject({ error: { code: 'transport', retryable: true } });
    await expect(comfy.submit(testRequest({ jobId: 'held' }, { prompt: 'held' }))).rejects.toMatchObject({ error: { code: 'http_500', retryable: true } });
    const held = await comfy.submit(testRequest({ jobId: 'held' }, { prompt: 'held' }));
    expect(held.providerJobId).toBe(comfyPromptId('held', 0));
    expect(sim.ledger.duplicates()).toEqual([]);
    expect(sim.promptIds).toEqual([comfyPromptId('lost', 0), comfyPromptId('garbled', 0), comfyPromptId('held', 0)]);
    for (const s of [lost, garbled, held]) expect((await pollUntilDone(comfy, s.providerJobId)).state).toBe('succeeded');
  });

  it('gives a failed attempt a new prompt id when the job is submitted again', async () => {
    let failures = 1;
    const comfy = await setUp({ fails: () => failures-- > 0 });
    const first = await comfy.submit(testRequest());
    const failed = await pollUntilDone(comfy, first.providerJobId);
    expect(failed.error).toMatchObject({ code: 'execution_error' });
    expect(failed.error!.message).toContain('KSampler: Allocation on device: CUDA out of memory');
    const again = await comfy.submit(testRequest());
    expect(again.providerJobId).toBe(comfyPromptId('job-0001', 1));
    expect((await pollUntilDone(comfy, again.providerJobId)).state).toBe('succeeded');
  });

  it('polls through read faults and retries downloads', async () => {
    const faults = new FaultPlan({ rate: 0.4, seed: 3, kinds: { read: ['timeout', 'malformed', 'server_error', 'reset', 'rate_limit'], download: ['server_error', 'reset'] }, retryAfterSeconds: 0 });
    const comfy = await setUp({ faults });
    const submitted = await comfy.submit(testRequest()).catch(() => comfy.submit(testRequest()));
    const done = await pollUntilDone(comfy, submitted.providerJobId);
    expect((await comfy.fetchOutput(done.outputs![0])).contentType).toBe('image/png');
    expect(sim.promptIds).toHaveLength(1);
  });
});

describe('comfyui security', () => {
  it('downloads only from the configured ComfyUI origin', async () => {
    const comfy = await setUp();
    const done = await pollUntilDone(comfy, (await comfy.submit(testRequest())).providerJobId);
    const other = await ComfySimulator.start();
    try {
      const elsewhere = new URL(done.outputs![0].url!);
      elsewhere.port = new URL(other.url).port;
      await expect(comfy.fetchOutput({ url: elsewhere.toString() })).rejects.toMatchObject({ error: { code: 'url_not_allowed' } });
      expect(other.requests).toHaveLength(0);
    } finally {
      await other.close();
    }
  });

  it('keeps the proxy token out of errors', async () => {
    sim = await ComfySimulator.start({ token: 'comfy-proxy-token-RIGHT' });
    const comfy = createComfyProvider({ settings: readProviderEnv({ ...sim.env(), COMFYUI_TOKEN: 'comfy-proxy-token-WRONG' }).comfyui!, map: TEST_MAP.comfyui, mapSource: 'test map', policy: TEST_POLICY, maxOutputBytes: 1 << 20 });
    const err = await comfy.submit(testRequest()).catch((e) => e);
    expect(err.error.code).toBe('http_401');
    expect(`${err.message}${err.stack}${JSON.stringify(err)}`).not.toContain('token-WRONG');
  });

  it('works behind a proxy that wants HTTP Basic credentials given in COMFYUI_URL, and keeps the password out of errors', async () => {
    // fetch refuses a URL with credentials in it (and says so, quoting the URL with the password).
    const comfy = await setUp({ basicAuth: { user: 'brandlock', password: 'Pw:9f3/A1c@basic' } });
    expect(sim.env().COMFYUI_URL).toContain('@127.0.0.1');
    const done = await pollUntilDone(comfy, (await comfy.submit(testRequest())).providerJobId);
    expect(done.state).toBe('succeeded');
    expect((await comfy.fetchOutput(done.outputs![0])).bytes.byteLength).toBeGreaterThan(0);
    expect(sim.requests.every((r) => String(r.headers.authorization).startsWith('Basic '))).toBe(true);

    const wrong = createComfyProvider({ settings: readProviderEnv({ COMFYUI_URL: sim.env().COMFYUI_URL.replace('Pw%3A9f3', 'Xx%3A9f3'), COMFYUI_POLL_INTERVAL_MS: '15' }).comfyui!, map: TEST_MAP.comfyui, mapSource: 'test map', policy: TEST_POLICY, maxOutputBytes: 1 << 20 });
    const err = await wrong.submit(testRequest()).catch((e) => e);
    expect(err.error.code).toBe('http_401');
    expect(`${err.message}${err.stack}${JSON.stringify(err)}`).not.toMatch(/9f3/);
  });
});
