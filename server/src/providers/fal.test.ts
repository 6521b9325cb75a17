import { afterEach, describe, expect, it } from 'vitest';
import { createFalProvider } from './fal';
import { readProviderEnv } from './provider-env';
import { ProviderCallError, type Provider } from './provider';
import { FalSimulator, type FalSimulatorOptions } from '../../test-support/simulators/fal-simulator';
import { FaultPlan } from '../../test-support/simulators/fault-plan';
import { pollUntilDone, startWebhookReceiver, TEST_MAP, TEST_POLICY, testRequest } from '../../test-support/simulators/provider-fixtures';
import { submissionKey } from '../../test-support/simulators/submission-ledger';
import { expectedColour, readSimulatedImage } from '../../test-support/simulators/synthetic-image';

let sim: FalSimulator;
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(cleanups.splice(0).map((c) => c()));
  await sim?.close();
});

async function setUp(options: FalSimulatorOptions = {}, env: Record<string, string> = {}, sleeps: number[] = []): Promise<Provider> {
  sim = await FalSimulator.start({ queueMs: 20, runMs: 30, ...options });
  const settings = readProviderEnv({ ...sim.env(), FAL_POLL_INTERVAL_MS: '15', ...env }).fal!;
  return createFalProvider({
    settings,
    map: TEST_MAP.fal,
    mapSource: 'test map',
    policy: TEST_POLICY,
    maxOutputBytes: 1 << 20,
    sleep: async (ms) => {
      sleeps.push(ms);
      await new Promise((r) => setTimeout(r, Math.min(ms, 50)));
    },
  });
}

describe('fal provider against the loopback queue', () => {
  it('submits the mapped endpoint and LoRAs, polls to COMPLETED and downloads the image of this request', async () => {
    const fal = await setUp();
    const submitted = await fal.submit(testRequest({ count: 2 }));
    expect(submitted.status.state).toBe('queued');
    expect(submitted.seed).toBe(424242);
    const post = sim.requests.find((r) => r.method === 'POST')!;
    expect(post.path).toBe('/fal-ai/flux-lora');
    expect(post.headers.authorization).toBe(`Key ${sim.key}`);
    expect(post.headers['x-fal-runner-hint']).toBe('northfold/models/ava-v3');

    const done = await pollUntilDone(fal, submitted.providerJobId);
    expect(done.state).toBe('succeeded');
    expect(done.outputs).toHaveLength(2);
    expect(sim.requests.some((r) => r.path === `/fal-ai/flux-lora/requests/${submitted.providerJobId}/status`)).toBe(true);

    const { bytes, contentType } = await fal.fetchOutput(done.outputs![1]);
    expect(contentType).toBe('image/png');
    const image = await readSimulatedImage(bytes);
    expect(image.colour).toEqual(expectedColour(testRequest().recipe.prompt, 424242, 1));
    expect(image.seed).toBe(424242);
    expect(image.height).toBeGreaterThan(image.width);
    expect(sim.ledger.count(submissionKey(testRequest().recipe.prompt, 424242))).toBe(1);
  });

  it('sends the LoRA weights and size the provider map and recipe name', async () => {
    const fal = await setUp();
    const captured: unknown[] = [];
    const original = globalThis.fetch;
    globalThis.fetch = async (input, init) => {
      if (init?.method === 'POST') captured.push(JSON.parse(String(init.body)));
      return original(input, init);
    };
    try {
      const submitted = await fal.submit(testRequest());
      expect(submitted.notes).toEqual(['fal fal-ai/flux-lora: the negative prompt was not sent (the model input has no field for it)']);
    } finally {
      globalThis.fetch = original;
    }
    expect(captured[0]).toMatchObject({
      loras: [{ path: 'https://weights.example/ava-v3.safetensors', scale: 0.85 }, { path: 'https://weights.example/poplin-v1.safetensors', scale: 0.4 }],
      image_size: { width: 1024, height: 1536 },
      num_inference_steps: 24,
      guidance_scale: 3.5,
      seed: 424242,
    });
  });

  it('finds a request after a restart by asking the mapped apps', async () => {
    const fal = await setUp();
    const submitted = await fal.submit(testRequest());
    const restarted = createFalProvider({ settings: readProviderEnv({ ...sim.env(), FAL_POLL_INTERVAL_MS: '15' }).fal!, map: TEST_MAP.fal, mapSource: 'test map', policy: TEST_POLICY, maxOutputBytes: 1 << 20 });
    expect((await pollUntilDone(restarted, submitted.providerJobId)).state).toBe('succeeded');
  });

  it('reports a model failure from the result endpoint as failed, not as an error to retry', async () => {
    const fal = await setUp({ fails: () => true });
    const submitted = await fal.submit(testRequest());
    const done = await pollUntilDone(fal, submitted.providerJobId);
    expect(done.state).toBe('failed');
    expect(done.error).toMatchObject({ code: 'http_422', retryable: false });
    expect(done.error!.message).toContain('the model refused this prompt');
  });

  it("reads a 5xx result with an error type as fal's final verdict, retryable by resubmitting", async () => {
    const fal = await setUp({ infraFails: () => true });
    const { providerJobId } = await fal.submit(testRequest());
    const done = await pollUntilDone(fal, providerJobId);
    expect(done.state).toBe('failed');
    expect(done.error).toMatchObject({ code: 'runner_disconnected', retryable: true });
    expect(sim.requests.filter((r) => r.path === `/fal-ai/flux-lora/requests/${providerJobId}`)).toHaveLength(1);
  });

  it('sends the start timeout and reports its expiry as a failure that is not retried', async () => {
    const fal = await setUp({ queueMs: 10_000 }, { FAL_START_TIMEOUT_SECONDS: '2' });
    const { providerJobId } = await fal.submit(testRequest());
    expect(sim.requests.find((r) => r.method === 'POST')!.headers['x-fal-request-timeout']).toBe('2');
    const done = await pollUntilDone(fal, providerJobId);
    expect(done.error).toMatchObject({ code: 'start_timeout', retryable: false });
    expect(sim.requests.filter((r) => r.path === `/fal-ai/flux-lora/requests/${providerJobId}`)).toHaveLength(1);
  });

  it('cancels a queued request', async () => {
    const fal = await setUp({ queueMs: 5_000 });
    const submitted = await fal.submit(testRequest());
    await fal.cancel(submitted.providerJobId);
    expect((await fal.status(submitted.providerJobId)).state).toBe('canceled');
    await fal.cancel(submitted.providerJobId);
  });

  it('refuses to map what the provider map does not name', async () => {
    const fal = await setUp();
    await expect(fal.submit(testRequest({}, { baseModel: 'sdxl' }))).rejects.toMatchObject({ error: { code: 'unmapped_model', retryable: false } });
    await expect(fal.submit(testRequest({}, { loras: [{ ref: 'northfold/models/unknown', strength: 1 }] }))).rejects.toThrow(/no mapping for LoRA "northfold\/models\/unknown"/);
    await expect(fal.submit(testRequest({ kind: 'variants' }))).rejects.toMatchObject({ error: { code: 'unsupported_kind' } });
    expect(sim.ledger.total).toBe(0);
  });
});

describe('fal faults', () => {
  it('waits out a 429 for at least its Retry-After and submits once', async () => {
    const sleeps: number[] = [];
    const faults = new FaultPlan().script('create', { kind: 'rate_limit', retryAfterSeconds: 2 });
    const fal = await setUp({ faults }, {}, sleeps);
    const submitted = await fal.submit(testRequest());
    expect(sleeps[0]).toBeGreaterThanOrEqual(2000);
    expect(sim.requests.filter((r) => r.method === 'POST')).toHaveLength(2);
    expect(sim.ledger.total).toBe(1);
    expect((await pollUntilDone(fal, submitted.providerJobId)).state).toBe('succeeded');
  });

  it('does not repeat a create that got a 500, and tells the queue it may retry later', async () => {
    const fal = await setUp({ faults: new FaultPlan().script('create', { kind: 'server_error', status: 500 }) });
    const err = await fal.submit(testRequest()).catch((e) => e);
    expect(err).toBeInstanceOf(ProviderCallError);
    expect(err.error).toMatchObject({ code: 'http_500', retryable: true });
    expect(sim.requests.filter((r) => r.method === 'POST')).toHaveLength(1);
  });

  it('does not repeat a create whose answer timed out, and says the job may exist', async () => {
    const fal = await setUp({ faults: new FaultPlan().script('create', { kind: 'timeout' }) });
    const err = await fal.submit(testRequest()).catch((e) => e);
    expect(err.error).toMatchObject({ code: 'transport', retryable: true, maybeCreated: true });
    expect(err.message).toMatch(/timed out after the request was sent/);
    expect(sim.requests.filter((r) => r.method === 'POST')).toHaveLength(1);
  });

  it('does not resubmit a create whose answer was malformed', async () => {
    const fal = await setUp({ faults: new FaultPlan().script('create', { kind: 'malformed' }) });
    await expect(fal.submit(testRequest())).rejects.toMatchObject({ error: { code: 'submit_outcome_unknown', retryable: false } });
    expect(sim.ledger.total).toBe(1);
  });

  it('rides out 500s, 429s, timeouts, resets and malformed JSON while polling', async () => {
    const faults = new FaultPlan().script(
      'read',
      { kind: 'server_error', status: 503 },
      { kind: 'timeout' },
      { kind: 'malformed' },
      { kind: 'reset' },
      { kind: 'rate_limit', retryAfterSeconds: 0 },
      { kind: 'server_error', status: 500 },
    );
    const fal = await setUp({ faults });
    const submitted = await fal.submit(testRequest());
    const shrugged: ProviderCallError[] = [];
    const done = await pollUntilDone(fal, submitted.providerJobId, 10_000, shrugged);
    expect(done.state).toBe('succeeded');
    expect(faults.total()).toBe(6);
    // Five faults in a row use up one call's retries; that call fails retryably and the next poll goes on.
    expect(shrugged.map((e) => e.error.retryable)).toEqual([true]);
    expect(sim.ledger.total).toBe(1);
  });

  it('retries a failed download and refuses a removed file as expired', async () => {
    const faults = new FaultPlan().script('download', { kind: 'server_error', status: 502 }, { kind: 'expired' });
    const fal = await setUp({ faults });
    const done = await pollUntilDone(fal, (await fal.submit(testRequest())).providerJobId);
    await expect(fal.fetchOutput(done.outputs![0])).rejects.toMatchObject({ error: { code: 'output_expired' } });
    expect((await fal.fetchOutput(done.outputs![0])).contentType).toBe('image/png');
  });
});

describe('fal webhooks', () => {
  async function deliveredWebhook() {
    const receiver = await startWebhookReceiver();
    cleanups.push(receiver.close);
    const fal = await setUp();
    const submitted = await fal.submit(testRequest({ webhookUrl: receiver.url }));
    expect(sim.requests.find((r) => r.method === 'POST')!.path).toBe('/fal-ai/flux-lora');
    await pollUntilDone(fal, submitted.providerJobId);
    await sim.outbox.settled();
    return { fal, submitted, delivery: receiver.received[0] };
  }

  it('accepts a signed delivery once and reads its outputs', async () => {
    const { fal, submitted, delivery } = await deliveredWebhook();
    const event = await fal.verifyWebhook!(delivery.body, delivery.headers);
    expect(event.providerJobId).toBe(submitted.providerJobId);
    expect(event.status.state).toBe('succeeded');
    const { bytes } = await fal.fetchOutput(event.status.outputs![0]);
    expect((await readSimulatedImage(bytes)).colour).toEqual(expectedColour(testRequest().recipe.prompt, 424242, 0));
    await expect(fal.verifyWebhook!(delivery.body, delivery.headers)).rejects.toMatchObject({ name: 'ProviderWebhookError', code: 'replayed' });
  });

  it('refuses a tampered body, a stale timestamp, another account and missing headers', async () => {
    const { fal, submitted, delivery } = await deliveredWebhook();
    const tampered = Buffer.from(delivery.body.toString().replace('"OK"', '"ERROR"'));
    await expect(fal.verifyWebhook!(tampered, delivery.headers)).rejects.toMatchObject({ code: 'bad_signature' });
    const stale = sim.signWebhook(delivery.body, submitted.providerJobId, Math.floor(Date.now() / 1000) - 3600);
    await expect(fal.verifyWebhook!(delivery.body, new Headers(stale))).rejects.toMatchObject({ code: 'stale' });
    const foreign = sim.signWebhook(delivery.body, submitted.providerJobId, undefined, 'someone-else');
    await expect(fal.verifyWebhook!(delivery.body, new Headers(foreign))).rejects.toMatchObject({ code: 'wrong_account' });
    await expect(fal.verifyWebhook!(delivery.body, new Headers())).rejects.toMatchObject({ code: 'missing_signature' });
  });

  it('accepts a completion webhook that arrives before polling shows it', async () => {
    const receiver = await startWebhookReceiver();
    cleanups.push(receiver.close);
    const fal = await setUp({ faults: new FaultPlan().script('webhook', { kind: 'out_of_order' }), statusLagMs: 2_000 });
    const submitted = await fal.submit(testRequest({ webhookUrl: receiver.url }));
    while (!receiver.received.length) await new Promise((r) => setTimeout(r, 10));
    expect((await fal.status(submitted.providerJobId)).state).toBe('running');
    const event = await fal.verifyWebhook!(receiver.received[0].body, receiver.received[0].headers);
    expect(event.status.state).toBe('succeeded');
  });

  it('has webhooks off without FAL_USER_ID', async () => {
    sim = await FalSimulator.start();
    const env = { ...sim.env(), FAL_USER_ID: '' };
    const fal = createFalProvider({ settings: readProviderEnv(env).fal!, map: TEST_MAP.fal, mapSource: 'test map', policy: TEST_POLICY, maxOutputBytes: 1 << 20 });
    expect(fal.supportsWebhooks).toBe(false);
    await expect(fal.verifyWebhook!(Buffer.from('{}'), new Headers())).rejects.toMatchObject({ code: 'not_configured' });
  });
});

describe('fal security', () => {
  it('refuses a result URL on a loopback port that is not the configured media host', async () => {
    const fal = await setUp();
    const done = await pollUntilDone(fal, (await fal.submit(testRequest())).providerJobId);
    const elsewhere = new URL(done.outputs![0].url!);
    elsewhere.port = new URL(sim.queueUrl).port;
    await expect(fal.fetchOutput({ url: elsewhere.toString() })).rejects.toMatchObject({ error: { code: 'url_not_allowed' } });
    const downloadsBefore = sim.requests.length;
    await expect(fal.fetchOutput({ url: 'file:///etc/passwd' })).rejects.toMatchObject({ error: { code: 'url_not_allowed' } });
    expect(sim.requests.length).toBe(downloadsBefore);
  });

  it('never puts the key in an error message or a log line, even when fal echoes it', async () => {
    const lines: string[] = [];
    const saved = { log: console.log, warn: console.warn, error: console.error, info: console.info };
    for (const k of Object.keys(saved) as (keyof typeof saved)[]) console[k] = (...args: unknown[]) => void lines.push(args.map(String).join(' '));
    try {
      sim = await FalSimulator.start();
      const wrongKey = 'fal-key-id:WRONG-secret-that-must-not-leak';
      const fal = createFalProvider({ settings: readProviderEnv({ ...sim.env(), FAL_KEY: wrongKey }).fal!, map: TEST_MAP.fal, mapSource: 'test map', policy: TEST_POLICY, maxOutputBytes: 1 << 20 });
      const err = await fal.submit(testRequest()).catch((e) => e);
      expect(err.error.code).toBe('http_401');
      expect(err.message).toContain('[redacted]');
      expect(err.message).not.toContain('WRONG-secret');
      expect(JSON.stringify(err)).not.toContain('WRONG-secret');
      expect(String(err.stack)).not.toContain('WRONG-secret');
    } finally {
      Object.assign(console, saved);
    }
    expect(lines.join('\n')).not.toContain('WRONG-secret');
  });
});
