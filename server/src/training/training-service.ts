/**
 * LoRA trainings on the server's queue (pg-boss queue `brandlock-train`): a training row is written,
 * then each step either submits it (the training set zipped from the library's blobs, the provider's
 * job id stored in the same step before anything waits) or polls it, and schedules the next poll;
 * when the provider says it is done, the weights are downloaded and hashed and the record the lock
 * will pin is stored. A step that dies is retried by pg-boss; a stored provider job id is never
 * submitted again. Provider keys come from the server's environment only.
 */
import { randomUUID } from 'node:crypto';
import type PgBoss from 'pg-boss';
import type { LibraryAsset, Training } from '@brandlock/core/api';
import type { BlobStore } from '../assets/blob-store';
import type { Database } from '../store/database';
import type { Logger } from '../log/logger';
import { getLibraryAsset } from '../store/library';
import { recordEvent, type Actor } from '../store/audit-events';
import { iso } from '../store/time';
import { buildTrainingZip } from './training-zip';
import { trainingRecord } from './run-training';
import { trainerFromEnv } from './trainer-env';
import type { TrainerName } from './trainer';

export const TRAIN_QUEUE = 'brandlock-train';
const EXT: Record<string, string> = { 'image/jpeg': 'jpg', 'image/png': 'png', 'image/webp': 'webp' };

interface Row {
  id: string;
  provider: TrainerName;
  model_profile: string;
  trigger_word: string;
  steps: number;
  images: string[];
  state: Training['state'];
  provider_job_id: string | null;
  zip_sha256: string | null;
  result: Training['result'];
  error: string | null;
  requested_by: string;
  created_at: Date;
  updated_at: Date;
}

const toTraining = (r: Row): Training => ({ id: r.id, provider: r.provider, modelProfile: r.model_profile, triggerWord: r.trigger_word, steps: r.steps, images: r.images, state: r.state, providerJobId: r.provider_job_id, result: r.result, error: r.error, requestedBy: r.requested_by, createdAt: iso(r.created_at), updatedAt: iso(r.updated_at) });

export interface TrainingService {
  start(): Promise<void>;
  create(input: { provider: TrainerName; modelProfile: string; triggerWord: string; steps: number; assets: LibraryAsset[] }, actor: Actor): Promise<Training>;
  get(id: string): Promise<Training | null>;
  /** Checks the provider is configured before anything is queued (throws with the variable named). */
  check(provider: TrainerName): void;
}

export function createTrainingService(o: { db: Database; blobs: BlobStore; boss: PgBoss; env: Record<string, string | undefined>; log: Logger; pollMs: number; fetch?: typeof fetch }): TrainingService {
  const { db } = o;
  const get = async (id: string) => {
    const rows = await db.query<Row>('SELECT * FROM trainings WHERE id = $1', [id]);
    return rows[0] ?? null;
  };
  const update = (id: string, set: Record<string, unknown>) => {
    const keys = Object.keys(set);
    return db.query(`UPDATE trainings SET ${keys.map((k, i) => `${k} = $${i + 2}`).join(', ')}, updated_at = now() WHERE id = $1`, [id, ...keys.map((k) => (k === 'result' ? JSON.stringify(set[k]) : set[k]))]);
  };

  async function step(id: string): Promise<void> {
    const row = await get(id);
    if (!row || ['succeeded', 'failed', 'canceled'].includes(row.state)) return;
    const { trainer, allowed } = trainerFromEnv(row.provider, o.env, o.fetch);
    if (!row.provider_job_id) {
      const images = await Promise.all(row.images.map(async (sha) => {
        const [asset, bytes] = await Promise.all([getLibraryAsset(db, sha), o.blobs.get(sha)]);
        if (!asset || !bytes) throw new Error(`library asset ${sha.slice(0, 12)} is gone`);
        return { sha256: sha, bytes, ext: EXT[asset.contentType] ?? 'jpg', caption: `${row.trigger_word}, ${asset.kind} photo of ${asset.category ?? 'a garment'}` };
      }));
      const { zip, sha256 } = buildTrainingZip(images);
      const submitted = await trainer.submit({ zip, zipSha256: sha256, triggerWord: row.trigger_word, steps: row.steps });
      await update(id, { provider_job_id: submitted.providerJobId, zip_sha256: sha256, state: submitted.status.state });
      await o.boss.send(TRAIN_QUEUE, { id }, { startAfter: new Date(Date.now() + o.pollMs) });
      return;
    }
    const status = await trainer.status(row.provider_job_id);
    if (status.state === 'succeeded' && status.result) {
      const record = await trainingRecord({ trainer, allowed, status, providerJobId: row.provider_job_id, trainerModel: trainer.trainer, steps: row.steps, zipSha256: row.zip_sha256!, images: row.images, fetch: o.fetch });
      await update(id, { state: 'succeeded', result: record });
      await recordEvent(db, { name: 'system', tokenId: null }, 'training.finish', id, { provider: row.provider, jobId: row.provider_job_id, weightsSha256: record.weightsSha256, cost: record.cost });
      return;
    }
    if (status.state === 'failed' || status.state === 'canceled' || status.state === 'succeeded') {
      await update(id, { state: status.state === 'succeeded' ? 'failed' : status.state, error: status.error?.message ?? `the training was ${status.state}` });
      return;
    }
    if (status.state !== row.state) await update(id, { state: status.state });
    await o.boss.send(TRAIN_QUEUE, { id }, { startAfter: new Date(Date.now() + o.pollMs) });
  }

  return {
    async start() {
      await o.boss.createQueue(TRAIN_QUEUE, { name: TRAIN_QUEUE, policy: 'standard', retryLimit: 5, retryDelay: 5, retryBackoff: true, expireInSeconds: 900 });
      await o.boss.work<{ id: string }>(TRAIN_QUEUE, { batchSize: 1, pollingIntervalSeconds: 2 }, async ([job]) => {
        await step(job.data.id).catch((e: unknown) => {
          o.log.error('training step failed; the queue retries it', { trainingId: job.data.id, error: e });
          throw e;
        });
      });
    },
    check(provider) {
      trainerFromEnv(provider, o.env, o.fetch);
    },
    async create(input, actor) {
      const id = `trn_${randomUUID().replace(/-/g, '').slice(0, 20)}`;
      await db.transaction(async (tx) => {
        await tx.query('INSERT INTO trainings (id, provider, model_profile, trigger_word, steps, images, state, requested_by) VALUES ($1,$2,$3,$4,$5,$6,$7,$8)', [id, input.provider, input.modelProfile, input.triggerWord, input.steps, input.assets.map((a) => a.id).sort(), 'queued', actor.name]);
        await recordEvent(tx, actor, 'training.create', id, { provider: input.provider, modelProfile: input.modelProfile, images: input.assets.map((a) => a.id), steps: input.steps });
      });
      await o.boss.send(TRAIN_QUEUE, { id });
      return toTraining((await get(id))!);
    },
    async get(id) {
      const row = await get(id);
      return row ? toTraining(row) : null;
    },
  };
}
