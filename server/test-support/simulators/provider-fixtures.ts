/**
 * Shared pieces for provider tests: a resolved recipe and request in the shape the planner makes,
 * a fast retry policy, a provider map naming the sample lock's base model and LoRAs, a loopback
 * webhook receiver that keeps raw bodies, and a poll loop.
 */
import { createServer, type IncomingHttpHeaders } from 'node:http';
import { SEED_MOTION_BRIEFS, type ResolvedRecipe } from '@brandlock/core';
import type { VideoParams } from '../../src/providers/video-params';
import type { RetryPolicy } from '../../src/providers/http-retry';
import type { ProviderMap } from '../../src/providers/provider-map';
import { ProviderCallError, type Provider, type ProviderRequest, type ProviderSource, type ProviderStatus } from '../../src/providers/provider';

export const TEST_POLICY: RetryPolicy = { maxRetries: 4, baseDelayMs: 5, maxDelayMs: 40, maxRetryAfterSeconds: 5, requestTimeoutMs: 400 };

export function testRecipe(overrides: Partial<ResolvedRecipe> = {}): ResolvedRecipe {
  return {
    prompt: 'studio photograph of nfava wearing a sand organic cotton poplin relaxed shirt, front view',
    negativePrompt: 'extra fingers, deformed hands, text, watermark',
    baseModel: 'flux-1-dev',
    loras: [
      { ref: 'northfold/models/ava-v3', triggerWord: 'nfava', strength: 0.85 },
      { ref: 'northfold/styles/poplin-v1', strength: 0.4 },
    ],
    width: 1024,
    height: 1536,
    steps: 24,
    guidance: 3.5,
    seedPolicy: 'fixed',
    seed: 424242,
    modelProfile: 'ava',
    lightingPreset: 'studio-warm',
    lut: 'warm-studio',
    poseSet: 'apparel-standard',
    view: 'front',
    textureNotes: '',
    drapeNotes: '',
    ...overrides,
  };
}

export function testRequest(overrides: Partial<ProviderRequest> = {}, recipe: Partial<ResolvedRecipe> = {}): ProviderRequest {
  return { jobId: 'job-0001', kind: 'generate', recipe: testRecipe(recipe), sources: [], count: 1, ...overrides };
}

/** What the server puts in a video job's params (see video-params): a 5 s loop cut for three channels. */
export function testVideoParams(overrides: Partial<VideoParams['motion']> = {}): VideoParams {
  return {
    motion: {
      fabric: { movement: 'soft', direction: 'left-to-right', notes: '' },
      camera: { path: 'push-in', amount: 0.06 },
      gesture: 'breathes in and relaxes',
      durationSeconds: 5,
      loop: true,
      aspectRatios: ['4:5', '9:16', '1:1'],
      prompt: 'the sand poplin shirt from the first frame, soft fabric movement, slow push-in, seamless loop',
      negativePrompt: 'morphing garment, colour shift, flicker',
      seed: 77,
      ...overrides,
    },
    qc: SEED_MOTION_BRIEFS.wovens.qc,
    cuts: [
      { id: 'pdp-loop', width: 1080, height: 1350 },
      { id: 'reels', width: 1080, height: 1920 },
      { id: 'square-loop', width: 1080, height: 1080 },
    ],
    still: { assetId: 'job-still-0', sha256: 'b'.repeat(64), width: 1024, height: 1536, subject: null, verdict: 'pass', reviewStatus: 'ready' },
    plannedVideoId: 'vid_test',
  };
}

/** A video request as the server makes it: the motion prompt in the recipe, no LoRAs, the still as source. */
export function testVideoRequest(still: Uint8Array, motion: Partial<VideoParams['motion']> = {}, contentType = 'image/png'): ProviderRequest {
  const params = testVideoParams(motion);
  return testRequest({ kind: 'video', sources: [testSource(still, contentType)], params: params as unknown as Record<string, unknown> }, { prompt: params.motion.prompt, negativePrompt: params.motion.negativePrompt, loras: [], seed: params.motion.seed });
}

export function testSource(bytes: Uint8Array, contentType = 'image/png'): ProviderSource {
  return { sha256: 'a'.repeat(64), contentType, read: async () => bytes };
}

export const TEST_MAP: ProviderMap = {
  fal: {
    models: { 'flux-1-dev': 'fal-ai/flux-lora' },
    video: 'fal-ai/kling-video/v2.1/pro/image-to-video',
    loras: { 'northfold/models/ava-v3': 'https://weights.example/ava-v3.safetensors', 'northfold/styles/poplin-v1': 'https://weights.example/poplin-v1.safetensors' },
  },
  replicate: {
    models: { 'flux-1-dev': 'black-forest-labs/flux-dev-lora' },
    loras: { 'northfold/models/ava-v3': 'https://weights.example/ava-v3.safetensors', 'northfold/styles/poplin-v1': 'https://weights.example/poplin-v1.safetensors' },
  },
  runway: {
    models: { 'flux-1-dev': 'gen4_image' },
    video: 'gen4_turbo',
    loras: { 'northfold/models/ava-v3': 'https://refs.example/ava-front.jpg', 'northfold/styles/poplin-v1': 'https://refs.example/poplin.jpg' },
  },
  comfyui: {
    models: { 'flux-1-dev': 'flux1-dev-fp8.safetensors' },
    loras: { 'northfold/models/ava-v3': 'northfold/ava-v3.safetensors', 'northfold/styles/poplin-v1': 'northfold/poplin-v1.safetensors' },
  },
};

export interface ReceivedWebhook {
  body: Buffer;
  headers: Headers;
}

/** A loopback server that records webhook deliveries with their raw bodies. */
export async function startWebhookReceiver(): Promise<{ url: string; received: ReceivedWebhook[]; close(): Promise<void> }> {
  const received: ReceivedWebhook[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push({ body: Buffer.concat(chunks), headers: toHeaders(req.headers) });
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  return {
    url: `http://127.0.0.1:${port}/v1/webhooks/test`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export function toHeaders(raw: IncomingHttpHeaders): Headers {
  const headers = new Headers();
  for (const [k, v] of Object.entries(raw)) if (typeof v === 'string') headers.set(k, v);
  return headers;
}

/**
 * Polls until the job is terminal, at the provider's own interval (tests configure a short one). A
 * retryable error is what the queue's reconciler would shrug off: it is counted and polling goes on.
 */
export async function pollUntilDone(provider: Provider, providerJobId: string, timeoutMs = 10_000, retryableErrors: ProviderCallError[] = []): Promise<ProviderStatus> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    let status: ProviderStatus = { state: 'running' };
    try {
      status = await provider.status(providerJobId);
    } catch (err) {
      if (!(err instanceof ProviderCallError) || !err.error.retryable) throw err;
      retryableErrors.push(err);
    }
    if (status.state === 'succeeded' || status.state === 'failed' || status.state === 'canceled') return status;
    if (Date.now() > deadline) throw new Error(`job ${providerJobId} still ${status.state} after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, provider.minPollIntervalMs));
  }
}
