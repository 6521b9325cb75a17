import { randomBytes } from 'node:crypto';
import sharp from 'sharp';
import { afterEach, describe, expect, it } from 'vitest';
import { createReplicateProvider } from './replicate';
import { readProviderEnv } from './provider-env';
import type { HostedProviderMap } from './provider-map';
import type { Provider } from './provider';
import { FaultPlan } from '../../test-support/simulators/fault-plan';
import { pollUntilDone, startWebhookReceiver, TEST_MAP, TEST_POLICY, testRequest, testSource } from '../../test-support/simulators/provider-fixtures';
import { ReplicateSimulator, type ReplicateSimulatorOptions } from '../../test-support/simulators/replicate-simulator';
import { submissionKey } from '../../test-support/simulators/submission-ledger';
import { expectedColour, readSimulatedImage } from '../../test-support/simulators/synthetic-image';

let sim: ReplicateSimulator;
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(cleanups.splice(0).map((c) => c()));
  await sim?.close();
});

async function setUp(options: ReplicateSimulatorOptions = {}, env: Record<string, string> = {}, map: HostedProviderMap = TEST_MAP.replicate!): Promise<Provider> {
  sim = await ReplicateSimulator.start({ queueMs: 20, runMs: 30, ...options });
  return createReplicateProvider({
    settings: readProviderEnv({ ...sim.env(), REPLICATE_POLL_INTERVAL_MS: '15', ...env }).replicate!,
    map,
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

describe('replicate provider against the loopback API', () => {
  it('creates on the official model route, polls to succeeded and downloads the image of this request', async () => {
    const replicate = await setUp({}, { REPLICATE_CANCEL_AFTER: '30m' });
    const capture = captureBodies();
    const submitted = await replicate.submit(testRequest({ count: 2 })).finally(capture.restore);
    expect(submitted.status.state).toBe('queued');
    const post = sim.requests.find((r) => r.method === 'POST')!;
    expect(post.path).toBe('/v1/models/black-forest-labs/flux-dev-lora/predictions');
    expect(post.headers.authorization).toBe(`Bearer ${sim.token}`);
    expect(post.headers['cancel-after']).toBe('30m');
    expect(capture.bodies[0]).toMatchObject({
      input: {
        prompt: testRequest().recipe.prompt,
        lora_weights: 'https://weights.example/ava-v3.safetensors',
        lora_scale: 0.85,
        extra_lora: 'https://weights.example/poplin-v1.safetensors',
        extra_lora_scale: 0.4,
        num_outputs: 2,
        aspect_ratio: '2:3',
        seed: 424242,
      },
    });

    const done = await pollUntilDone(replicate, submitted.providerJobId);
    expect(done).toMatchObject({ state: 'succeeded', model: 'black-forest-labs/flux-dev-lora' });
    expect(done.outputs!.map((o) => o.seed)).toEqual([424242, 424242]);
    const image = await readSimulatedImage((await replicate.fetchOutput(done.outputs![1])).bytes);
    expect(image.colour).toEqual(expectedColour(testRequest().recipe.prompt, 424242, 1));
    expect(sim.ledger.count(submissionKey(testRequest().recipe.prompt, 424242))).toBe(1);
  });

  it('creates with a pinned version on /predictions', async () => {
    const version = 'owner/flux-brand:' + 'c'.repeat(64);
    const replicate = await setUp({}, {}, { ...TEST_MAP.replicate!, models: { 'flux-1-dev': version } });
    const submitted = await replicate.submit(testRequest());
    expect(sim.requests.find((r) => r.method === 'POST')!.path).toBe('/v1/predictions');
    expect((await pollUntilDone(replicate, submitted.providerJobId)).modelVersion).toBe('c'.repeat(64));
  });

  it('sends a small source inline and uploads a large one through /v1/files', async () => {
    const template = { prompt: '$prompt', image: '$source_image', lora_weights: '$lora_weights', extra_lora: '$extra_lora', seed: '$seed' };
    const replicate = await setUp({}, {}, { ...TEST_MAP.replicate!, models: { 'flux-1-dev': { id: 'black-forest-labs/flux-dev-lora', input: template } } });
    const small = await sharp({ create: { width: 16, height: 16, channels: 3, background: '#c8b89a' } }).png().toBuffer();
    const noise = randomBytes(400 * 400 * 3);
    const large = await sharp(noise, { raw: { width: 400, height: 400, channels: 3 } }).png().toBuffer();
    expect(large.length).toBeGreaterThan(256 * 1024);
    const capture = captureBodies();
    try {
      await replicate.submit(testRequest({ sources: [testSource(small)] }));
      await replicate.submit(testRequest({ jobId: 'job-2', sources: [testSource(large)] }, { prompt: 'second prompt' }));
    } finally {
      capture.restore();
    }
    expect(String((capture.bodies[0].input as { image: string }).image)).toMatch(/^data:image\/png;base64,/);
    const uploaded = String((capture.bodies[1].input as { image: string }).image);
    expect(uploaded).toMatch(new RegExp(`^${sim.baseUrl}/files/\\w+$`));
    const stored = [...sim.files.values()][0];
    expect(Buffer.from(stored.bytes).equals(large)).toBe(true);
  });

  it('reports failed and canceled predictions and refuses what it cannot map', async () => {
    const replicate = await setUp({ fails: (input) => String(input.prompt).includes('sequin'), queueMs: 200 });
    const failing = await replicate.submit(testRequest({}, { prompt: 'sequin gown' }));
    const cancelled = await replicate.submit(testRequest({ jobId: 'job-2' }));
    await replicate.cancel(cancelled.providerJobId);
    expect((await replicate.status(cancelled.providerJobId)).state).toBe('canceled');
    const failed = await pollUntilDone(replicate, failing.providerJobId);
    expect(failed.error).toMatchObject({ code: 'provider_error', retryable: false });
    expect(failed.error!.message).toContain('NSFW content detected');
    const threeLoras = [...testRequest().recipe.loras, { ref: 'northfold/models/ava-v3', strength: 0.2 }];
    await expect(replicate.submit(testRequest({}, { loras: threeLoras }))).rejects.toMatchObject({ error: { code: 'unsupported_recipe' } });
  });

  it('fails outputs Replicate has deleted with output_expired', async () => {
    const replicate = await setUp();
    const submitted = await replicate.submit(testRequest());
    const done = await pollUntilDone(replicate, submitted.providerJobId);
    sim.expireOutputs(submitted.providerJobId);
    const err = await replicate.fetchOutput(done.outputs![0]).catch((e) => e);
    expect(err.error.code).toBe('output_expired');
    expect(err.message).toMatch(/kept 1 hour/);
    expect((await replicate.status(submitted.providerJobId)).error?.code).toBe('output_expired');
  });
});

describe('replicate faults', () => {
  it('retries a throttled create and submits once', async () => {
    const replicate = await setUp({ faults: new FaultPlan().script('create', { kind: 'rate_limit', retryAfterSeconds: 0 }, { kind: 'rate_limit', retryAfterSeconds: 0 }) });
    const submitted = await replicate.submit(testRequest());
    expect(sim.requests.filter((r) => r.method === 'POST')).toHaveLength(3);
    expect(sim.ledger.total).toBe(1);
    expect((await pollUntilDone(replicate, submitted.providerJobId)).state).toBe('succeeded');
  });

  it('never repeats a create after a 5xx or a reset connection', async () => {
    const replicate = await setUp({ faults: new FaultPlan().script('create', { kind: 'server_error', status: 502 }, { kind: 'reset' }) });
    await expect(replicate.submit(testRequest())).rejects.toMatchObject({ error: { code: 'http_502', retryable: true } });
    await expect(replicate.submit(testRequest())).rejects.toMatchObject({ error: { code: 'transport', retryable: true } });
    expect(sim.requests.filter((r) => r.method === 'POST')).toHaveLength(2);
    expect(sim.ledger.total).toBe(0);
  });

  it('polls through timeouts, malformed JSON and 500s', async () => {
    const faults = new FaultPlan({ rate: 0.5, seed: 7, kinds: { read: ['timeout', 'malformed', 'server_error', 'reset'], download: ['server_error', 'reset'] } });
    const replicate = await setUp({ faults });
    const submitted = await replicate.submit(testRequest());
    const done = await pollUntilDone(replicate, submitted.providerJobId);
    expect(done.state).toBe('succeeded');
    expect((await replicate.fetchOutput(done.outputs![0])).contentType).toBe('image/png');
    expect(faults.total()).toBeGreaterThan(0);
  });
});

describe('replicate webhooks', () => {
  it('verifies start and completed deliveries, even out of order, once each', async () => {
    const receiver = await startWebhookReceiver();
    cleanups.push(receiver.close);
    const replicate = await setUp({ faults: new FaultPlan().script('webhook', { kind: 'out_of_order' }, { kind: 'duplicate' }) });
    const capture = captureBodies();
    const submitted = await replicate.submit(testRequest({ webhookUrl: receiver.url })).finally(capture.restore);
    expect(capture.bodies[0]).toMatchObject({ webhook: receiver.url, webhook_events_filter: ['start', 'completed'] });
    await pollUntilDone(replicate, submitted.providerJobId);
    await new Promise((r) => setTimeout(r, 60));
    await sim.outbox.settled();
    expect(receiver.received).toHaveLength(3);
    const events = [];
    for (const d of receiver.received) {
      events.push(await replicate.verifyWebhook!(d.body, d.headers).then((e) => e.status.state, (e) => e.code));
    }
    // completed, its byte-for-byte duplicate (a replay), then the late start event.
    expect(events).toEqual(['succeeded', 'replayed', 'running']);
  });

  it('refuses bad signatures, stale timestamps and missing headers', async () => {
    const replicate = await setUp();
    const body = Buffer.from(JSON.stringify({ id: 'abc', status: 'succeeded', output: [] }));
    const good = sim.signWebhook(body);
    expect((await replicate.verifyWebhook!(body, new Headers(good))).providerJobId).toBe('abc');
    const tampered = Buffer.from(body.toString().replace('abc', 'abd'));
    await expect(replicate.verifyWebhook!(tampered, new Headers(sim.signWebhook(body)))).rejects.toMatchObject({ code: 'bad_signature' });
    await expect(replicate.verifyWebhook!(body, new Headers(sim.signWebhook(body, 'msg_1', Math.floor(Date.now() / 1000) - 600)))).rejects.toMatchObject({ code: 'stale' });
    await expect(replicate.verifyWebhook!(body, new Headers({ 'webhook-id': 'x' }))).rejects.toMatchObject({ code: 'missing_signature' });
  });
});

describe('replicate security', () => {
  it('refuses a result URL on a loopback port that is not an allowed host', async () => {
    const replicate = await setUp();
    const other = await startWebhookReceiver();
    cleanups.push(other.close);
    await expect(replicate.fetchOutput({ url: other.url.replace('/v1/webhooks/test', '/out.png') })).rejects.toMatchObject({ error: { code: 'url_not_allowed' } });
    expect(other.received).toHaveLength(0);
  });

  it('keeps the token and webhook secret out of errors', async () => {
    sim = await ReplicateSimulator.start();
    const wrong = 'r8_WRONGtokenThatMustNotLeak00';
    const replicate = createReplicateProvider({ settings: readProviderEnv({ ...sim.env(), REPLICATE_API_TOKEN: wrong }).replicate!, map: TEST_MAP.replicate, mapSource: 'test map', policy: TEST_POLICY, maxOutputBytes: 1 << 20 });
    const err = await replicate.submit(testRequest()).catch((e) => e);
    expect(err.error.code).toBe('http_401');
    expect(err.message).toContain('Invalid token [redacted]');
    expect(`${err.message}${err.stack}${JSON.stringify(err)}`).not.toContain('WRONGtoken');
    const poll = await replicate.status('nope').catch((e) => e);
    expect(`${poll.message}`).not.toContain('WRONGtoken');
  });
});
