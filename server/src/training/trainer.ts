/**
 * A LoRA trainer at a provider, mapped onto the provider states brandlock uses everywhere (queued,
 * running, succeeded, failed, canceled). The caller persists `providerJobId` before it waits and
 * never submits twice for a training whose id is stored.
 */
import type { ProviderError, ProviderState } from '../providers/provider';

export type TrainerName = 'fal' | 'replicate';

export interface TrainingRequest {
  /** The training set as a zip (images plus a caption .txt each). */
  zip: Uint8Array;
  zipSha256: string;
  triggerWord: string;
  steps: number;
  webhookUrl?: string;
}

export interface TrainingResult {
  weightsUrl: string;
  configUrl?: string;
  /** The provider's model version of the result (Replicate's destination version). */
  version?: string;
}

export interface TrainingStatus {
  state: ProviderState;
  logs?: string[];
  result?: TrainingResult;
  error?: ProviderError;
  /** Seconds the provider billed or reported as run time, when it says. */
  billedSeconds?: number;
}

export interface Trainer {
  readonly name: TrainerName;
  /** The trainer model, e.g. "fal-ai/flux-lora-fast-training" or "ostris/flux-dev-lora-trainer:<version>". */
  readonly trainer: string;
  submit(request: TrainingRequest, signal?: AbortSignal): Promise<{ providerJobId: string; status: TrainingStatus }>;
  status(providerJobId: string, signal?: AbortSignal): Promise<TrainingStatus>;
  cancel(providerJobId: string, signal?: AbortSignal): Promise<void>;
  /** The cost of a finished training in USD, and how it was worked out (providers do not all report one). */
  cost(status: TrainingStatus, steps: number): { usd: number | null; basis: string };
}
