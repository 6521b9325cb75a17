/** What the route handlers use: the database, blob store, providers, job service and runner. */
import type { Hono } from 'hono';
import type { ServerConfig } from '../config/server-config';
import type { Database } from '../store/database';
import type { BlobStore } from '../assets/blob-store';
import type { ProviderRegistry } from '../providers/registry';
import type { JobService } from '../jobs/job-service';
import type { StepRunner } from '../jobs/step-runner';
import type { StepQueue } from '../jobs/step-queue';
import type { JobNotifier } from '../jobs/job-notifier';
import type { Logger } from '../log/logger';
import type { AuthVariables } from '../middleware/auth';
import type { TrainingService } from '../training/training-service';
import type { SecretRedactor } from '../secrets/secret-redactor';
import type { RequestLimits } from '../limits/request-limits';
import type { JobStreamHub } from '../jobs/job-stream-hub';
import type { TokenAuthenticator } from '../middleware/auth/token-authenticator';

export interface RouteDeps {
  config: ServerConfig;
  db: Database;
  /** Bearer token checks, remembering active tokens briefly; revocations forget them. */
  tokens: TokenAuthenticator;
  blobs: BlobStore;
  registry: ProviderRegistry;
  jobs: JobService;
  runner: StepRunner;
  queue: StepQueue;
  notifier: JobNotifier;
  log: Logger;
  /** Takes every configured secret out of text an answer carries (error messages). */
  redactor: SecretRedactor;
  /** Streams and submissions per token, open jobs per server. */
  limits: RequestLimits;
  /** Shared watches behind the job event streams. */
  streams: JobStreamHub;
  version: string;
  /** LoRA trainings on the queue (absent in apps built without a queue). */
  trainings?: TrainingService;
}

export type AppEnv = { Variables: AuthVariables };
export type RouteApp = Hono<AppEnv>;
