/**
 * Job rows: what was asked (kind, SKU, resolved recipe, sources), where it is (state, stage, the
 * provider's job id), and what came of it (outputs are asset rows). The runner moves a job forward
 * with conditional updates, so two workers can never both finish it.
 */
import type { Job, JobKind, JobState, ProviderName } from '@brandlock/core/api';
import type { ResolvedRecipe } from '@brandlock/core';
import type { AppliedLora } from '../providers/provider';
import type { Database, Queryable } from './database';
import { decodeCursor, encodeCursor } from './cursor';
import { iso, isoOrNull } from './time';
import { OUTPUTS_OF_JOB_ROW, outputsOfJobs, toJobOutput, type OutputRow } from './assets';

/** What an adapter reported when it submitted the job (migration 002). */
export interface SubmitDetails {
  seed: number | null;
  notes: string[];
  /** The provider's model the adapter submitted to (Runway's task status does not name it again). */
  model?: string | null;
  /** The LoRA weights the adapter sent (older rows have none). */
  loras?: AppliedLora[];
}

export interface JobRow {
  id: string;
  kind: JobKind;
  state: JobState;
  stage: string;
  progress: number | null;
  provider: ProviderName;
  provider_job_id: string | null;
  lock_hash: string;
  brief_id: string | null;
  planned_job_id: string | null;
  row: number | null;
  sku: string | null;
  colorway: string | null;
  category: string | null;
  view: string | null;
  recipe: ResolvedRecipe;
  recipe_hash: string;
  human_review: 'always' | 'on-flag';
  qc_thresholds: Record<string, unknown> | null;
  count: number;
  seed_variation: number;
  sources: string[];
  channels: string[];
  params: Record<string, unknown>;
  attempts: number;
  submissions: number;
  polls: number;
  provider_history: { providerJobId: string; error: unknown }[];
  /** The seed the adapter sent and what it could not send as asked (null before the first submission). */
  submit_details: SubmitDetails | null;
  step_id: string | null;
  next_step_at: Date | null;
  lease_owner: string | null;
  lease_until: Date | null;
  error: { code: string; message: string; retryable: boolean } | null;
  note: string | null;
  model: string | null;
  model_version: string | null;
  cost_usd: number | null;
  cancel_requested: boolean;
  requested_by: string;
  token_id: string;
  created_at: Date;
  updated_at: Date;
  submitted_at: Date | null;
  finished_at: Date | null;
}

export type NewJob = Pick<
  JobRow,
  | 'id' | 'kind' | 'provider' | 'lock_hash' | 'brief_id' | 'planned_job_id' | 'row' | 'sku' | 'colorway' | 'category' | 'view' | 'recipe' | 'recipe_hash'
  | 'human_review' | 'qc_thresholds' | 'count' | 'seed_variation' | 'sources' | 'channels' | 'params' | 'requested_by' | 'token_id'
>;

const COLUMNS: (keyof NewJob)[] = [
  'id', 'kind', 'provider', 'lock_hash', 'brief_id', 'planned_job_id', 'row', 'sku', 'colorway', 'category', 'view', 'recipe', 'recipe_hash',
  'human_review', 'qc_thresholds', 'count', 'seed_variation', 'sources', 'channels', 'params', 'requested_by', 'token_id',
];
const JSON_COLUMNS = new Set<keyof NewJob>(['recipe', 'qc_thresholds', 'sources', 'channels', 'params']);

/**
 * Inserts a queued job and its first event in one statement; with `stepId`, the job already names the
 * queue step that will run it (scheduled in the same transaction). Returns the row as stored.
 */
export async function insertJob(db: Queryable, job: NewJob, stage: string, options: { stepId?: string } = {}): Promise<JobRow> {
  return (await insertJobs(db, [{ job, stepId: options.stepId }], stage))[0];
}

/** Rows per INSERT statement: 23 parameters a row stays well under Postgres's 65,535. */
const ROWS_PER_INSERT = 500;

/**
 * Inserts queued jobs and their first events, many rows a statement (each statement is a round trip
 * on the API's thread with PGlite); returns the rows as stored, in the order given.
 */
export async function insertJobs(db: Queryable, jobs: readonly { job: NewJob; stepId?: string }[], stage: string): Promise<JobRow[]> {
  const byId = new Map<string, JobRow>();
  const n = COLUMNS.length + 1;
  for (let at = 0; at < jobs.length; at += ROWS_PER_INSERT) {
    const chunk = jobs.slice(at, at + ROWS_PER_INSERT);
    const params: unknown[] = [stage];
    const rows = chunk.map(({ job, stepId }, r) => {
      params.push(...COLUMNS.map((c) => (JSON_COLUMNS.has(c) && job[c] !== null ? JSON.stringify(job[c]) : job[c])), stepId ?? null);
      const p = (i: number) => `$${2 + r * n + i}`;
      return `(${COLUMNS.map((_, i) => p(i)).join(', ')}, 'queued', $1, ${p(n - 1)}::text, CASE WHEN ${p(n - 1)}::text IS NULL THEN NULL ELSE now() END)`;
    });
    const inserted = await db.query<JobRow>(
      `WITH inserted AS (
         INSERT INTO jobs (${COLUMNS.join(', ')}, state, stage, step_id, next_step_at)
         VALUES ${rows.join(',\n')}
         RETURNING *),
       event AS (INSERT INTO job_events (job_id, state, stage) SELECT id, 'queued', stage FROM inserted)
       SELECT * FROM inserted`,
      params,
    );
    for (const row of inserted) byId.set(row.id, row);
  }
  return jobs.map(({ job }) => byId.get(job.id)!);
}

export async function getJobRow(db: Queryable, id: string): Promise<JobRow | null> {
  return (await db.query<JobRow>('SELECT * FROM jobs WHERE id = $1', [id]))[0] ?? null;
}

/** Changes state and stage, appending a job event; returns false when `from` did not match (someone else moved it). */
export async function moveJob(db: Queryable, id: string, change: { from?: readonly JobState[]; state: JobState; stage: string; set?: Record<string, unknown>; message?: string }): Promise<boolean> {
  const sets = ['state = $2', 'stage = $3', 'updated_at = now()'];
  const params: unknown[] = [id, change.state, change.stage];
  for (const [column, value] of Object.entries(change.set ?? {})) {
    params.push(value !== null && typeof value === 'object' && !(value instanceof Date) ? JSON.stringify(value) : value);
    sets.push(`${column} = $${params.length}`);
  }
  if (['succeeded', 'failed', 'canceled'].includes(change.state)) sets.push('finished_at = COALESCE(finished_at, now())');
  let guard = '';
  if (change.from) {
    params.push(change.from);
    guard = ` AND state = ANY($${params.length}::text[])`;
  }
  const rows = await db.query(`UPDATE jobs SET ${sets.join(', ')} WHERE id = $1${guard} RETURNING id`, params);
  if (!rows.length) return false;
  await db.query('INSERT INTO job_events (job_id, state, stage, message) VALUES ($1, $2, $3, $4)', [id, change.state, change.stage, change.message ?? '']);
  return true;
}

export function toApiJob(r: JobRow, outputs: Job['outputs']): Job {
  return {
    id: r.id,
    kind: r.kind,
    state: r.state,
    stage: r.stage,
    progress: r.progress,
    provider: r.provider,
    providerJobId: r.provider_job_id,
    lockHash: r.lock_hash,
    briefId: r.brief_id,
    plannedJobId: r.planned_job_id,
    row: r.row,
    sku: r.sku,
    colorway: r.colorway,
    category: r.category,
    view: r.view,
    recipe: r.recipe,
    recipeHash: r.recipe_hash,
    count: r.count,
    seedVariation: r.seed_variation,
    sources: r.sources.map((s) => `sha256:${s}`),
    channels: r.channels,
    attempts: r.attempts,
    outputs,
    error: r.error,
    note: r.note,
    cancelRequested: r.cancel_requested,
    requestedBy: r.requested_by,
    createdAt: iso(r.created_at),
    updatedAt: iso(r.updated_at),
    finishedAt: isoOrNull(r.finished_at),
  };
}

/** The columns a job shows (not the provider parameters, thresholds or leases). */
const API_COLUMNS = `id, kind, state, stage, progress, provider, provider_job_id, lock_hash, brief_id, planned_job_id, row, sku, colorway, category, view,
  recipe, recipe_hash, count, seed_variation, sources, channels, attempts, error, note, cancel_requested, requested_by, created_at, updated_at, finished_at`;

const GET_JOB = `SELECT ${API_COLUMNS}, ${OUTPUTS_OF_JOB_ROW} AS outputs FROM jobs WHERE id = $1`;

/** A job as the API shows it, with its outputs, in one query: prepared once where the database keeps statements (clients poll this). */
export async function getJob(db: Queryable | Database, id: string): Promise<Job | null> {
  const rows = 'queryPrepared' in db ? await db.queryPrepared<JobRow & { outputs: OutputRow[] }>('brandlock_get_job', GET_JOB, [id]) : await db.query<JobRow & { outputs: OutputRow[] }>(GET_JOB, [id]);
  return rows[0] ? toApiJob(rows[0], rows[0].outputs.map(toJobOutput)) : null;
}

export async function listJobs(db: Queryable, q: { state?: string; sku?: string; colorway?: string; brief?: string; limit: number; cursor?: string }): Promise<{ jobs: Job[]; nextCursor: string | null }> {
  const where: string[] = [];
  const params: unknown[] = [];
  const add = (sql: string, ...values: unknown[]) => {
    let text = sql;
    for (const v of values) {
      params.push(v);
      text = text.replace('?', `$${params.length}`);
    }
    where.push(text);
  };
  if (q.state) add('state = ?', q.state);
  if (q.sku) add('sku = ?', q.sku);
  if (q.colorway) add('lower(colorway) = lower(?)', q.colorway);
  if (q.brief) add('brief_id = ?', q.brief);
  const after = decodeCursor(q.cursor);
  if (after) add('(created_at, id) < (?, ?)', new Date(after.at), after.id);
  params.push(q.limit + 1);
  const rows = await db.query<JobRow>(`SELECT ${API_COLUMNS} FROM jobs ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY created_at DESC, id DESC LIMIT $${params.length}`, params);
  const page = rows.slice(0, q.limit);
  const outputs = await outputsOfJobs(db, page.map((r) => r.id));
  const last = page.at(-1);
  return {
    jobs: page.map((r) => toApiJob(r, outputs.get(r.id) ?? [])),
    nextCursor: rows.length > q.limit && last ? encodeCursor({ at: iso(last.created_at), id: last.id }) : null,
  };
}

/** The highest job event id, so an event stream can tell whether anything changed. */
export async function lastEventId(db: Queryable, jobId: string): Promise<number> {
  const rows = await db.query<{ id: number | null }>('SELECT max(id) AS id FROM job_events WHERE job_id = $1', [jobId]);
  return rows[0]?.id ?? 0;
}
