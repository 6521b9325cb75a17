/**
 * The composition root: opens the database and blob store, builds the provider registry, starts the
 * step queue's workers (per provider, as many as configured), the dead-letter handler and the
 * reconciler, and returns the Hono app with everything it needs. Used by `npm start`, `brandlock
 * serve`, the CLI's in-process runs and the tests.
 */
import type { Hono } from 'hono';
import { configSecrets, type ServerConfig } from '../config/server-config';
import { createSecretRedactor } from '../secrets/secret-redactor';
import type { Database } from '../store/database';
import { openDatabase } from '../store/open-database';
import { migrate } from '../store/migrate';
import type { BlobStore } from '../assets/blob-store';
import { folderBlobStore } from '../assets/folder-blob-store';
import { createLogger, type Logger } from '../log/logger';
import { createProviderRegistry, type ProviderRegistration, type ProviderRegistry, type RemoteProviderName } from '../providers/registry';
import type { Provider } from '../providers/provider';
import { createStepQueue, type StepQueue } from '../jobs/step-queue';
import { createTrainingService } from '../training/training-service';
import { createStepRunner, type StepRunner } from '../jobs/step-runner';
import { createJobService, type JobService } from '../jobs/job-service';
import { createJobNotifier } from '../jobs/job-notifier';
import { createReconciler, type Reconciler } from '../jobs/reconciler';
import type { InspectOutput } from '../jobs/inspect-output';
import { automatedQc } from '../jobs/inspect-with-qc';
import { masterPostProcess, type PostProcessOutput } from '../jobs/post-process-output';
import { createToken } from '../store/tokens';
import { recordBlob } from '../store/blobs';
import { recordEvent, SYSTEM_ACTOR } from '../store/audit-events';
import { createApp } from '../app';
import { requireVideoTools } from '../pipeline/video/video-tools';
import type { AppEnv } from '../routes/route-deps';

export const SERVER_VERSION = '0.1.0';

export interface BrandlockServerOptions {
  config: ServerConfig;
  log?: Logger;
  /** An open, migrated database (tests); otherwise the configured one is opened. */
  db?: Database;
  blobs?: BlobStore;
  remotes?: Partial<Record<RemoteProviderName, ProviderRegistration>>;
  local?: Provider;
  /** Automated QC of each output (default: the QC rules against the lock's thresholds). */
  inspect?: InspectOutput;
  /** Post-production of masters (default: LUT, white balance, exposure, backdrop from the lock). */
  postProcess?: PostProcessOutput;
  fetch?: typeof fetch;
  /** Run job workers in this process (default: the configuration's `workers`). */
  workers?: boolean;
  /** Where LoRA trainers read their keys and URLs (default: process.env). */
  trainerEnv?: Record<string, string | undefined>;
}

export interface BrandlockServer {
  app: Hono<AppEnv>;
  db: Database;
  blobs: BlobStore;
  registry: ProviderRegistry;
  queue: StepQueue;
  runner: StepRunner;
  jobs: JobService;
  reconciler: Reconciler;
  /** The admin token made on the very first start (no tokens existed); shown once. */
  firstAdminToken: string | null;
  stop(): Promise<void>;
}

export async function startBrandlockServer(options: BrandlockServerOptions): Promise<BrandlockServer> {
  const { config } = options;
  const log = options.log ?? createLogger();
  const db = options.db ?? (await openDatabase({ dataDir: config.dataDir, databaseUrl: config.databaseUrl }));
  if (options.db) await migrate(db);
  const blobs = options.blobs ?? folderBlobStore(config.blobDir);
  const registry = createProviderRegistry(config, { log, fetch: options.fetch, remotes: options.remotes, local: options.local });
  requireVideoTools(config.videoTools).catch((e: Error) => log.warn('product video is unavailable on this server', { error: e.message }));
  const notifier = createJobNotifier();
  const queue = createStepQueue(db, { stepTimeoutSeconds: config.stepTimeoutSeconds, retryLimit: config.stepRetries });
  queue.boss.on('error', (e) => log.error('queue error', { error: e }));
  await queue.start();
  const runner = createStepRunner({
    db,
    blobs,
    registry,
    queue,
    config,
    log,
    notifier,
    inspect:
      options.inspect ??
      automatedQc({
        maxPixels: config.maxUploadPixels,
        videoTools: config.videoTools,
        saveThumbnail: async (jpeg, size) => {
          const { sha256 } = await blobs.put(jpeg);
          await recordBlob(db, { sha256, contentType: 'image/jpeg', format: 'jpeg', bytes: jpeg.byteLength, width: size.width, height: size.height });
          return sha256;
        },
      }),
    postProcess: options.postProcess ?? masterPostProcess(blobs, config.maxUploadPixels, config.videoTools),
  });
  const jobs = createJobService({ db, registry, queue, notifier });
  const reconciler = createReconciler(db, queue, log);
  const trainings = createTrainingService({ db, blobs, boss: queue.boss, env: options.trainerEnv ?? process.env, log, pollMs: config.pollMinMs, fetch: options.fetch });

  let firstAdminToken: string | null = null;
  const [{ n }] = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM tokens');
  if (n === 0) {
    const created = await createToken(db, { name: 'first-admin', role: 'admin' });
    await recordEvent(db, SYSTEM_ACTOR, 'token.create', created.id, { name: created.name, role: created.role, note: 'created on first start' });
    firstAdminToken = created.token;
  }

  if (options.workers ?? config.workers) {
    if (db.dialect === 'pglite') {
      // This process owns the embedded database: any lease or running step belongs to a process that is gone.
      const orphans = await db.query<{ provider: Parameters<StepQueue['schedule']>[1]; step_id: string }>(
        "SELECT provider, step_id FROM jobs WHERE state IN ('queued', 'running') AND step_id IS NOT NULL",
      );
      await db.query('UPDATE jobs SET lease_owner = NULL, lease_until = NULL WHERE lease_owner IS NOT NULL');
      await queue.retryOrphans(orphans.map((o) => ({ provider: o.provider, stepId: o.step_id })));
    }
    for (const provider of registry.describe()) {
      await queue.work(provider.name, config.concurrency[provider.name], (data, stepId) =>
        runner.runStep(data.jobId, stepId).catch((e: unknown) => {
          log.error('job step failed inside the server; the queue retries it', { jobId: data.jobId, stepId, error: e });
          throw e;
        }),
      );
    }
    await queue.onDeadLetter((data) => runner.onDeadStep(data.jobId));
    await trainings.start();
    await reconciler.reconcile();
    reconciler.start(config.reconcileIntervalMs);
  }

  const app = createApp({ config, db, blobs, registry, jobs, runner, queue, notifier, log, redactor: createSecretRedactor(configSecrets(config)), version: SERVER_VERSION, trainings });
  let stopped = false;
  return {
    app,
    db,
    blobs,
    registry,
    queue,
    runner,
    jobs,
    reconciler,
    firstAdminToken,
    async stop() {
      if (stopped) return;
      stopped = true;
      reconciler.stop();
      await queue.stop().catch((e) => log.warn('queue did not stop cleanly', { error: e }));
      if (!options.db) await db.close();
    },
  };
}
