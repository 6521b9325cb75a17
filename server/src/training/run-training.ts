/**
 * Runs one LoRA training to its end, resumably: the training set is zipped, the submission's provider
 * id is written to the state file (temp name + rename) before anything waits, and a run started
 * again with the same state file polls that training instead of submitting (and paying for) another.
 * On success the weights are downloaded from the provider's allowed hosts to hash them, and the
 * training record the lock pins is returned.
 */
import { readFile, rename, writeFile } from 'node:fs/promises';
import type { LoraTraining } from '@brandlock/core';
import type { HostRule } from '../config/host-allowlist';
import { DEFAULT_RETRY_POLICY } from '../providers/http-retry';
import { fetchAllowedOutput } from '../providers/safe-fetch';
import { createHash } from 'node:crypto';
import { buildTrainingZip, type TrainingImage } from './training-zip';
import type { Trainer, TrainingStatus } from './trainer';

export interface TrainingState {
  provider: string;
  trainer: string;
  providerJobId: string;
  zipSha256: string;
  images: string[];
  triggerWord: string;
  steps: number;
  submittedAt: string;
  state: string;
}

export interface RunTrainingOptions {
  trainer: Trainer;
  allowed: readonly HostRule[];
  images: readonly TrainingImage[];
  triggerWord: string;
  steps: number;
  statePath: string;
  pollMs: number;
  signal: AbortSignal;
  onStatus?: (s: TrainingStatus) => void;
  fetch?: typeof fetch;
}

export type TrainingOutcome = { kind: 'succeeded'; training: LoraTraining; resumed: boolean } | { kind: 'failed' | 'canceled'; message: string; providerJobId: string } | { kind: 'interrupted'; providerJobId: string };

async function readState(path: string): Promise<TrainingState | null> {
  try {
    return JSON.parse(await readFile(path, 'utf8')) as TrainingState;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new Error(`${path}: cannot read the training state (${(e as Error).message})`);
  }
}

async function writeState(path: string, state: TrainingState): Promise<void> {
  const tmp = `${path}.${process.pid}.tmp`;
  await writeFile(tmp, `${JSON.stringify(state, null, 2)}\n`);
  await rename(tmp, path);
}

export async function runTraining(o: RunTrainingOptions): Promise<TrainingOutcome> {
  const { zip, sha256 } = buildTrainingZip(o.images);
  let state = await readState(o.statePath);
  const resumed = Boolean(state);
  if (state && (state.zipSha256 !== sha256 || state.provider !== o.trainer.name || state.triggerWord !== o.triggerWord || state.steps !== o.steps)) {
    throw new Error(`${o.statePath} belongs to another training (${state.provider} ${state.providerJobId}, training set ${state.zipSha256.slice(0, 12)}); use another --state file`);
  }
  if (!state) {
    const submitted = await o.trainer.submit({ zip, zipSha256: sha256, triggerWord: o.triggerWord, steps: o.steps }, o.signal);
    state = { provider: o.trainer.name, trainer: o.trainer.trainer, providerJobId: submitted.providerJobId, zipSha256: sha256, images: [...o.images].map((i) => i.sha256).sort(), triggerWord: o.triggerWord, steps: o.steps, submittedAt: new Date().toISOString(), state: submitted.status.state };
    await writeState(o.statePath, state);
  }
  let status: TrainingStatus;
  for (;;) {
    status = await o.trainer.status(state.providerJobId, o.signal);
    o.onStatus?.(status);
    if (status.state !== state.state) await writeState(o.statePath, (state = { ...state, state: status.state }));
    if (status.state === 'succeeded' || status.state === 'failed' || status.state === 'canceled') break;
    if (o.signal.aborted) return { kind: 'interrupted', providerJobId: state.providerJobId };
    await new Promise((r) => setTimeout(r, o.pollMs));
    if (o.signal.aborted) return { kind: 'interrupted', providerJobId: state.providerJobId };
  }
  if (status.state !== 'succeeded' || !status.result) return { kind: status.state === 'canceled' ? 'canceled' : 'failed', message: status.error?.message ?? `the training was ${status.state}`, providerJobId: state.providerJobId };
  const training = await trainingRecord({ trainer: o.trainer, allowed: o.allowed, status, providerJobId: state.providerJobId, trainerModel: state.trainer, steps: o.steps, zipSha256: sha256, images: state.images, signal: o.signal, fetch: o.fetch });
  return { kind: 'succeeded', training, resumed };
}

/** The record a lock pins for a finished training: the weights downloaded (allowed hosts only) and hashed, the cost worked out. */
export async function trainingRecord(i: { trainer: Trainer; allowed: readonly HostRule[]; status: TrainingStatus; providerJobId: string; trainerModel: string; steps: number; zipSha256: string; images: string[]; signal?: AbortSignal; fetch?: typeof fetch }): Promise<LoraTraining> {
  const result = i.status.result!;
  const weights = await fetchAllowedOutput(result.weightsUrl, { provider: i.trainer.name, allowed: i.allowed, accept: ['application/', 'binary/'], maxBytes: 2 * 1024 * 1024 * 1024, policy: DEFAULT_RETRY_POLICY, signal: i.signal, fetch: i.fetch });
  return {
    provider: i.trainer.name,
    trainer: i.trainerModel,
    jobId: i.providerJobId,
    ...(result.version ? { version: result.version } : {}),
    weightsUrl: result.weightsUrl,
    weightsSha256: createHash('sha256').update(weights.bytes).digest('hex'),
    ...(result.configUrl ? { configUrl: result.configUrl } : {}),
    steps: i.steps,
    trainingSet: { zipSha256: i.zipSha256, images: [...i.images].sort() },
    cost: i.trainer.cost(i.status, i.steps),
    trainedAt: new Date().toISOString(),
  };
}
