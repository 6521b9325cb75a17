import sharp from 'sharp';
import { afterEach, describe, expect, it } from 'vitest';
import { createRunwayProvider } from './runway';
import { readProviderEnv } from './provider-env';
import type { Provider } from './provider';
import { FaultPlan } from '../../test-support/simulators/fault-plan';
import { pollUntilDone, TEST_MAP, TEST_POLICY, testRequest, testVideoRequest } from '../../test-support/simulators/provider-fixtures';
import { RunwaySimulator, type RunwaySimulatorOptions } from '../../test-support/simulators/runway-simulator';
import { expectedColour, readSimulatedImage } from '../../test-support/simulators/synthetic-image';

let sim: RunwaySimulator;
afterEach(async () => sim?.close());

async function setUp(options: RunwaySimulatorOptions = {}, env: Record<string, string> = {}): Promise<Provider> {
  sim = await RunwaySimulator.start({ queueMs: 20, runMs: 40, videoScale: 0.1, ...options });
  return createRunwayProvider({
    settings: readProviderEnv({ ...sim.env(), RUNWAY_POLL_INTERVAL_MS: '15', ...env }).runway!,
    map: TEST_MAP.runway,
    mapSource: 'test map',
    policy: TEST_POLICY,
    maxOutputBytes: 1 << 20,
  });
}

function captureBodies(): { bodies: Record<string, unknown>[]; restore(): void } {
  const bodies: Record<string, unknown>[] = [];
  const original = globalThis.fetch;
  globalThis.fetch = async (input, init) => {
    if (init?.method === 'POST' && typeof init.body === 'string') bodies.push(JSON.parse(init.body));
    return original(input, init);
  };
  return { bodies, restore: () => void (globalThis.fetch = original) };
}

describe('runway provider against the loopback task API', () => {
  it('creates a text_to_image task with the version header, polls to SUCCEEDED and downloads its image', async () => {
    const runway = await setUp({ throttle: true, queueMs: 300, runMs: 2500 });
    expect(runway.supportsWebhooks).toBe(false);
    expect(runway.verifyWebhook).toBeUndefined();
    const capture = captureBodies();
    const submitted = await runway.submit(testRequest()).finally(capture.restore);
    const post = sim.requests.find((r) => r.method === 'POST')!;
    expect(post.path).toBe('/v1/text_to_image');
    expect(post.headers['x-runway-version']).toBe('2024-11-06');
    expect(capture.bodies[0]).toEqual({
      model: 'gen4_image',
      promptText: testRequest().recipe.prompt,
      ratio: '1080:1440',
      seed: 424242,
      referenceImages: [
        { uri: 'https://refs.example/ava-front.jpg', tag: 'nfava' },
        { uri: 'https://refs.example/poplin.jpg', tag: 'ref2' },
      ],
    });
    expect(submitted.notes).toEqual([
      'runway gen4_image: the negative prompt was not sent (the model input has no field for it)',
      'runway gen4_image: LoRAs sent as reference images (nfava, ref2); LoRA strengths do not apply',
    ]);
    expect((await runway.status(submitted.providerJobId)).state).toBe('queued');
    // Wait for the task to leave the queue (however slow the machine), then it runs for 2.5 s.
    // Runway reports progress 0 at the very start of RUNNING, as the simulator does; wait past it.
    let running = await runway.status(submitted.providerJobId);
    for (let i = 0; (running.state === 'queued' || (running.state === 'running' && !running.progress)) && i < 100; i++) {
      await new Promise((r) => setTimeout(r, 50));
      running = await runway.status(submitted.providerJobId);
    }
    expect(running.state).toBe('running');
    expect(running.progress).toBeGreaterThan(0);

    const done = await pollUntilDone(runway, submitted.providerJobId);
    expect(done.state).toBe('succeeded');
    const image = await readSimulatedImage((await runway.fetchOutput(done.outputs![0])).bytes);
    expect(image.colour).toEqual(expectedColour(testRequest().recipe.prompt, 424242, 0));
    expect(image.width / image.height).toBeCloseTo(1080 / 1440, 1);
    expect(sim.ledger.total).toBe(1);
  });

  it('makes a video from the source image with image_to_video', async () => {
    const runway = await setUp();
    const still = await sharp({ create: { width: 32, height: 48, channels: 3, background: '#d9cbb3' } }).jpeg().toBuffer();
    await expect(runway.submit(testRequest({ kind: 'video' }))).rejects.toMatchObject({ error: { code: 'missing_source' } });
    const capture = captureBodies();
    const submitted = await runway.submit(testVideoRequest(still, {}, 'image/jpeg')).finally(capture.restore);
    expect(sim.requests.find((r) => r.method === 'POST' && r.path === '/v1/image_to_video')).toBeDefined();
    // The cuts include 9:16, which a 720:1280 master fills with the least enlargement.
    // A 5 s loop: gen4_turbo takes no last frame, so a second more is asked for, to be crossfaded into the start.
    expect(capture.bodies[0]).toMatchObject({ model: 'gen4_turbo', ratio: '720:1280', duration: 6 });
    expect(String(capture.bodies[0].promptImage)).toMatch(/^data:image\/jpeg;base64,/);
    const done = await pollUntilDone(runway, submitted.providerJobId);
    const video = await runway.fetchOutput(done.outputs![0]);
    expect(video.contentType).toBe('video/mp4');
    expect(Buffer.from(video.bytes.subarray(4, 8)).toString('ascii')).toBe('ftyp');
  });

  it('re-reads the task for a fresh URL when the signed one has expired', async () => {
    const runway = await setUp({ urlTtlMs: 30 });
    const done = await pollUntilDone(runway, (await runway.submit(testRequest())).providerJobId);
    await new Promise((r) => setTimeout(r, 60));
    const taskReads = sim.requests.filter((r) => r.method === 'GET').length;
    const { bytes } = await runway.fetchOutput(done.outputs![0]);
    expect((await readSimulatedImage(bytes)).seed).toBe(424242);
    // The expired URL was refused, the task read once more, and the freshly signed URL downloaded.
    expect(sim.downloads).toHaveLength(2);
    expect(sim.requests.filter((r) => r.method === 'GET').length).toBe(taskReads + 1);
  });

  it('asks to be tried again later when the freshly signed URL fails too', async () => {
    const runway = await setUp({ faults: new FaultPlan().script('download', { kind: 'expired' }, { kind: 'expired' }) });
    const done = await pollUntilDone(runway, (await runway.submit(testRequest())).providerJobId);
    await expect(runway.fetchOutput(done.outputs![0])).rejects.toMatchObject({ error: { code: 'output_expired', retryable: true } });
    expect((await runway.fetchOutput(done.outputs![0])).contentType).toBe('image/png');
  });

  it('refuses what Runway cannot do instead of rendering off-brand', async () => {
    const runway = await setUp();
    await expect(runway.submit(testRequest({ count: 4 }))).rejects.toMatchObject({ error: { code: 'unsupported_recipe' } });
    await expect(runway.submit(testRequest({}, { prompt: 'x'.repeat(1001) }))).rejects.toMatchObject({ error: { code: 'prompt_too_long' } });
    await expect(runway.submit(testRequest({}, { loras: [{ ref: 'northfold/models/kofi-v2', strength: 0.8 }] }))).rejects.toMatchObject({ error: { code: 'unmapped_lora' } });
    expect(sim.ledger.total).toBe(0);
  });

  it('cancels a pending task, deletes a finished one, and reports failures with their code', async () => {
    const runway = await setUp({ queueMs: 2_000, fails: (input) => String(input.promptText).includes('blocked') });
    const pending = await runway.submit(testRequest());
    await runway.cancel(pending.providerJobId);
    expect((await runway.status(pending.providerJobId)).state).toBe('canceled');
    await runway.cancel(pending.providerJobId);
    expect((await runway.status(pending.providerJobId)).error?.code).toBe('not_found');
    await sim.close();
    const fast = await setUp({ fails: (input) => String(input.promptText).includes('blocked') });
    const failed = await pollUntilDone(fast, (await fast.submit(testRequest({}, { prompt: 'blocked prompt' }))).providerJobId);
    expect(failed.error).toMatchObject({ code: 'SAFETY.INPUT.TEXT', retryable: false });
  });
});

describe('runway faults', () => {
  it('retries a 429 create, never a 503 create, and polls through read faults', async () => {
    const faults = new FaultPlan()
      .script('create', { kind: 'rate_limit', retryAfterSeconds: 0 }, { kind: 'server_error', status: 503 })
      .script('read', { kind: 'malformed' }, { kind: 'timeout' }, { kind: 'server_error', status: 500 })
      .script('download', { kind: 'expired' });
    const runway = await setUp({ faults });
    await expect(runway.submit(testRequest({ jobId: 'a' }, { prompt: 'first' }))).rejects.toMatchObject({ error: { code: 'http_503', retryable: true } });
    expect(sim.ledger.total).toBe(0);
    const submitted = await runway.submit(testRequest({ jobId: 'b' }, { prompt: 'second' }));
    const done = await pollUntilDone(runway, submitted.providerJobId);
    expect((await readSimulatedImage((await runway.fetchOutput(done.outputs![0])).bytes)).colour).toEqual(expectedColour('second', 424242, 0));
    expect(sim.ledger.total).toBe(1);
    expect(faults.total()).toBe(6);
  });
});

describe('runway security', () => {
  it('downloads only from RUNWAY_ALLOWED_HOSTS, and names the variable when it refuses', async () => {
    const runway = await setUp();
    const done = await pollUntilDone(runway, (await runway.submit(testRequest())).providerJobId);
    const wrongPort = new URL(done.outputs![0].url!);
    wrongPort.port = new URL(sim.baseUrl).port;
    await expect(runway.fetchOutput({ url: wrongPort.toString() })).rejects.toMatchObject({ error: { code: 'url_not_allowed' } });
    const defaults = createRunwayProvider({ settings: readProviderEnv({ ...sim.env(), RUNWAY_ALLOWED_HOSTS: '' }).runway!, map: TEST_MAP.runway, mapSource: 'test map', policy: TEST_POLICY, maxOutputBytes: 1 << 20 });
    await expect(defaults.fetchOutput(done.outputs![0])).rejects.toThrow(/not an allowed host for runway \(RUNWAY_ALLOWED_HOSTS\)/);
  });

  it('keeps the API secret out of errors', async () => {
    sim = await RunwaySimulator.start();
    const wrong = 'key_WRONGsecretThatMustNotLeak';
    const runway = createRunwayProvider({ settings: readProviderEnv({ ...sim.env(), RUNWAYML_API_SECRET: wrong }).runway!, map: TEST_MAP.runway, mapSource: 'test map', policy: TEST_POLICY, maxOutputBytes: 1 << 20 });
    const err = await runway.submit(testRequest()).catch((e) => e);
    expect(err.error.code).toBe('http_401');
    expect(err.message).toContain('Invalid API key [redacted]');
    expect(`${err.message}${err.stack}${JSON.stringify(err)}`).not.toContain('WRONGsecret');
  });
});
