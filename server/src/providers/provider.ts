/**
 * The one interface every image provider implements (fal, Replicate, Runway, ComfyUI, local).
 * Each maps its own protocol onto these states and this result shape. The job queue persists
 * `providerJobId` before it waits, copies outputs to our storage at once, and never calls `submit`
 * twice for a job whose provider id is stored.
 */
import type { ResolvedRecipe } from '@brandlock/core';
import type { BlobMeta } from '../store/blobs';

export type ProviderName = 'fal' | 'replicate' | 'runway' | 'comfyui' | 'local';
export type ProviderState = 'queued' | 'running' | 'succeeded' | 'failed' | 'canceled';
export type JobKind = 'generate' | 'moodboard' | 'video' | 'post' | 'variants';

/** A source image the provider receives (a flat-lay, a packshot, a reference). */
export interface ProviderSource {
  sha256: string;
  contentType: string;
  /** Reads the bytes from our blob store; providers upload them in their own way. */
  read(): Promise<Uint8Array>;
}

export interface ProviderRequest {
  /** Our job id: providers that accept an idempotency key get it. */
  jobId: string;
  kind: JobKind;
  recipe: ResolvedRecipe;
  sources: ProviderSource[];
  /** Images wanted (moodboards ask for many). */
  count: number;
  /** Where the provider should call back, when it supports webhooks and the server is reachable. */
  webhookUrl?: string;
  /** Free-form, kind-specific parameters the server resolved from the lock (e.g. moodboard direction). */
  params?: Record<string, unknown>;
}

export interface ProviderOutput {
  /** Where to fetch the result (fetched only from the provider's allowed hosts). */
  url?: string;
  /** Inline bytes (local provider, ComfyUI /view reads). */
  bytes?: Uint8Array;
  /** Already in this server's blob store (the local provider's render processes write there directly). */
  stored?: BlobMeta;
  contentType?: string;
  seed?: number;
  /** Free text that must reach the audit trail, e.g. "local: lighting study, not a generated photo". */
  note?: string;
  /**
   * Lets `fetchOutput` ask the provider for a fresh URL when this one has expired (Runway signs its
   * result URLs for 24-48 h): the provider job and the output's position in it.
   */
  refresh?: { providerJobId: string; index: number };
}

export interface ProviderError {
  code: string;
  message: string;
  /** True for 429, 5xx and transport errors: the queue retries with backoff. */
  retryable: boolean;
  /** Seconds the provider asked us to wait (Retry-After). */
  retryAfterSeconds?: number;
  /**
   * A create was sent but no answer came back (timeout, dropped connection): the provider may have
   * accepted it, so submitting again may run (and bill) the job twice.
   */
  maybeCreated?: boolean;
}

export interface ProviderStatus {
  state: ProviderState;
  /** 0..1 when the provider reports it. */
  progress?: number;
  outputs?: ProviderOutput[];
  error?: ProviderError;
  /** The provider's model identifier and version, for the audit trail. */
  model?: string;
  modelVersion?: string;
  /** Provider-reported cost in USD, when it reports one. */
  costUsd?: number;
}

export interface SubmitResult {
  providerJobId: string;
  status: ProviderStatus;
  /**
   * The seed sent to the provider. When the recipe's seed is null (random policy) the adapter draws
   * one, so the audit trail can record it even for providers that never echo it back.
   */
  seed?: number;
  /** What the adapter could not send as asked (e.g. a negative prompt the model has no field for), for the audit trail. */
  notes?: string[];
  /** The LoRA weights the provider was told to load, for the audit trail. */
  loras?: AppliedLora[];
}

/** A LoRA as a provider received it: the lock's ref, the weights sent, their sha256 when known. */
export interface AppliedLora {
  ref: string;
  /** The URL, version or file name sent. */
  weights: string;
  /** Known for weights brandlock trained (pinned in the lock); null for provider-map entries. */
  sha256: string | null;
  /** "provider-map": an entry of BRANDLOCK_PROVIDER_MAP; "trained": the weights the lock pins. */
  via: 'provider-map' | 'trained';
}

/** A verified webhook delivery. */
export interface WebhookEvent {
  providerJobId: string;
  status: ProviderStatus;
  /** Unique per delivery, so replays are refused. */
  deliveryId: string;
}

export interface Provider {
  readonly name: ProviderName;
  /** True when results come back by webhook as well as by polling. */
  readonly supportsWebhooks: boolean;
  /** Smallest sensible delay between status polls, in ms (Runway: 5000). */
  readonly minPollIntervalMs: number;
  submit(request: ProviderRequest, signal?: AbortSignal): Promise<SubmitResult>;
  status(providerJobId: string, signal?: AbortSignal): Promise<ProviderStatus>;
  cancel(providerJobId: string, signal?: AbortSignal): Promise<void>;
  /** Downloads an output's bytes, refusing hosts not on this provider's allowlist. */
  fetchOutput(output: ProviderOutput, signal?: AbortSignal): Promise<{ bytes: Uint8Array; contentType: string }>;
  /** Verifies a webhook on its raw body and headers; throws ProviderWebhookError when the signature is bad. */
  verifyWebhook?(rawBody: Uint8Array, headers: Headers): Promise<WebhookEvent>;
}

/** A provider call failed; `error.retryable` tells the queue whether to try again. */
export class ProviderCallError extends Error {
  override name = 'ProviderCallError';
  constructor(
    readonly provider: ProviderName,
    readonly error: ProviderError,
  ) {
    super(`${provider}: ${error.message}`);
  }
}

export type WebhookRefusal = 'not_configured' | 'missing_signature' | 'bad_signature' | 'stale' | 'replayed' | 'wrong_account' | 'malformed';

/** A webhook that fails verification (bad or missing signature, stale timestamp, replay). */
export class ProviderWebhookError extends Error {
  override name = 'ProviderWebhookError';
  constructor(
    message: string,
    /** Why it was refused; `replayed` is a delivery already accepted once. */
    readonly code: WebhookRefusal = 'bad_signature',
  ) {
    super(message);
  }
}
