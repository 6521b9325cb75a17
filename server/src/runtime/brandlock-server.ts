/**
 * The composition root: opens the database and blob store, builds the provider registry, starts the
 * step queue's workers (per provider, as many as configured), the dead-letter handler and the
 * reconciler, and returns the Hono app with everything it needs. Used by `npm start`, `brandlock
 * serve`, the CLI's in-process runs and the tests.
 */
import type { Hono } from 'hono';
import { configSecrets, type ServerConfig } from '../config/server-config';
import { createSecretRedactor } from '../secrets/secret-redactor';
import { createRequestLimits } from '../limits/request-limits';
import type { Database } from '../store/database';
import { openDatabase } from '../store/open-database';
import { migrate } from '../store/migrate';
import type { BlobStore } from '../assets/blob-store';
import { folderBlobStore } from '../assets/folder-blob-store';
import { createLogger, type Logger } from '../log/logger';
import { createProviderRegistry, type ProviderRegistration, type ProviderRegistry, type RemoteProviderName } from '../providers/registry';
import type { Provider } from '../providers/provider';
import { createTableStatistics } from '../store/table-statistics';
import { createStepQueue, type StepQueue } from '../jobs/step-queue';
import { createTrainingService } from '../training/training-service';
import { createStepRunner, type StepRunner, type StepRunnerDeps } from '../jobs/step-runner';
import { createJobService, type JobService } from '../jobs/job-service';
import { createJobNotifier } from '../jobs/job-notifier';
import { createJobStreamHub } from '../jobs/job-stream-hub';
import { createReconciler, type Reconciler } from '../jobs/reconciler';
import { createToken } from '../store/tokens';
import { createTokenAuthenticator } from '../middleware/auth/token-authenticator';
import { createLocalProvider } from '../providers/local';
import type { Renderer } from '../render/renderer';
import { inlineRenderer } from '../render/renderer';
import { createRenderPool } from '../render/render-pool';
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
  inspect?: StepRunnerDeps['inspect'];
  /** Post-production of masters (default: LUT, white balance, exposure, backdrop from the lock). */
  postProcess?: StepRunnerDeps['postProcess'];
  fetch?: typeof fetch;
  /** Run job workers in this process (default: the configuration's `workers`). */
  workers?: boolean;
  /** Where LoRA trainers read their keys and URLs (default: process.env). */
  trainerEnv?: Record<string, string | undefined>;
  /**
   * Where image work runs (default: the configuration's render processes; in this thread when
   * BRANDLOCK_RENDER_PROCESSES=0 or a custom blob store is given, which render processes cannot open).
   */
  renderer?: Renderer;
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
  const renderer =
    options.renderer ??
    (config.renderProcesses > 0 && !options.blobs
      ? createRenderPool({ processes: config.renderProcesses, nice: config.renderNice, blobDir: config.blobDir, maxPixels: config.maxUploadPixels, videoTools: config.videoTools, taskTimeoutMs: config.stepTimeoutSeconds * 1000, log })
      : inlineRenderer({ blobs, maxPixels: config.maxUploadPixels, videoTools: config.videoTools }));
  const local = options.local ?? createLocalProvider({ maxPixels: config.maxUploadPixels, videoTools: config.videoTools, render: (job) => renderer.renderLocal(job) });
  const registry = createProviderRegistry(config, { log, fetch: options.fetch, remotes: options.remotes, local });
  requireVideoTools(config.videoTools).catch((e: Error) => log.warn('product video is unavailable on this server', { error: e.message }));
  const notifier = createJobNotifier();
  await notifier.listenTo(db);
  const streams = createJobStreamHub(db, notifier);
  const queue = createStepQueue(db, { stepTimeoutSeconds: config.stepTimeoutSeconds, retryLimit: config.stepRetries });
  queue.boss.on('error', (e) => log.error('queue error', { error: e }));
  await queue.start();
  // PGlite has no autovacuum: keep the planner's statistics current here (a Postgres server does it itself).
  const statistics = db.dialect === 'pglite' ? createTableStatistics(db, log) : null;
  await statistics?.refresh();
  statistics?.start(60_000);
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
      (async (input) => {
        const { outcome, thumbnails } = await renderer.inspect(input);
        for (const thumbnail of thumbnails) await recordBlob(db, thumbnail);
        return outcome;
      }),
    postProcess: options.postProcess ?? ((input) => renderer.postProcess(input)),
  });
  const limits = createRequestLimits(config.limits, db);
  const jobs = createJobService({ db, registry, queue, notifier, admit: (token, n) => limits.admitJobs(token, n) });
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

  const tokens = await createTokenAuthenticator(db);
  const app = createApp({ config, db, tokens, blobs, registry, jobs, runner, queue, notifier, log, redactor: createSecretRedactor(configSecrets(config)), limits, streams, version: SERVER_VERSION, trainings });
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
      streams.close();
      reconciler.stop();
      statistics?.stop();
      await queue.stop().catch((e) => log.warn('queue did not stop cleanly', { error: e }));
      await notifier.close();
      await tokens.close();
      await renderer.stop();
      if (!options.db) await db.close();
    },
  };
}
