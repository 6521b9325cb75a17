/**
 * Moodboards for the API: plan the board's cells from the brief and the lock, create one job per cell
 * (each its own provider request with its own prompt and seed) and the board that lists them, in one
 * transaction; read a board with every cell's state and image; cancel its open cells. Creation is
 * idempotent with an Idempotency-Key, as job creation is.
 */
import { randomUUID } from 'node:crypto';
import { contentHash } from '@brandlock/core';
import type { ApiIssue, Moodboard, MoodboardCreateRequest } from '@brandlock/core/api';
import type { z } from 'zod';
import type { Database } from '../store/database';
import type { AuthenticatedToken } from '../store/tokens';
import { findLock } from '../store/locks';
import { insertJob, type NewJob } from '../store/jobs';
import { getMoodboard, getMoodboardRow, insertMoodboard, type StoredCell } from '../store/moodboards';
import { recordEvent } from '../store/audit-events';
import { assertMayCancel } from './may-cancel';
import type { ProviderRegistry } from '../providers/registry';
import type { ProviderName } from '../providers/provider';
import { STUDY_SIZE } from '../providers/local';
import type { StepQueue } from './step-queue';
import type { JobService } from './job-service';
import { planMoodboardCells } from './plan-moodboard-cells';
import { cellJobStudy, cellRecipe, cellStudies } from './moodboard-cell-jobs';

type Request = z.output<typeof MoodboardCreateRequest>;

export type MoodboardResult =
  | { success: true; status: 200 | 202; board: Moodboard }
  | { success: false; status: 404 | 409 | 422; code: string; message: string; issues?: ApiIssue[] };

export interface MoodboardServiceDeps {
  db: Database;
  registry: ProviderRegistry;
  queue: StepQueue;
  jobs: JobService;
  /** Lets `jobs` new jobs in for the token, or throws (429/503): the request limits. */
  admit?: (token: AuthenticatedToken, jobs: number) => Promise<void>;
}

const issue = (path: string, message: string, extra: Partial<ApiIssue> = {}): ApiIssue => ({ code: 'invalid_value', path, message, ...extra });
const reject = (message: string, issues: ApiIssue[] = [], status: 404 | 422 = 422, code = 'invalid_request'): MoodboardResult => ({ success: false, status, code, message, issues });

export function createMoodboardService(deps: MoodboardServiceDeps) {
  const { db } = deps;
  const lockVersion = async (hash: string) => (await findLock(db, hash))?.summary.version ?? '';
  const read = (id: string) => getMoodboard(db, id, lockVersion);

  async function replay(token: AuthenticatedToken, key: string, requestHash: string): Promise<MoodboardResult | null> {
    const rows = await db.query<{ request_hash: string; moodboard_id: string }>('SELECT request_hash, moodboard_id FROM moodboard_idempotency WHERE token_id = $1 AND key = $2', [token.id, key]);
    if (!rows[0]) return null;
    if (rows[0].request_hash !== requestHash) return { success: false, status: 409, code: 'conflict', message: `Idempotency-Key "${key}" was already used with a different request` };
    return { success: true, status: 200, board: (await read(rows[0].moodboard_id))! };
  }

  async function create(body: Request, token: AuthenticatedToken, idempotencyKey?: string): Promise<MoodboardResult> {
    const requestHash = contentHash(body);
    if (idempotencyKey) {
      const previous = await replay(token, idempotencyKey, requestHash);
      if (previous) return previous;
    }
    const provider = (body.provider ?? deps.registry.defaultName) as ProviderName;
    if (!deps.registry.get(provider)) return reject(`provider "${provider}" is not configured on this server`, [issue('provider', 'not configured', { found: provider })]);
    if (!deps.registry.kinds(provider).includes('moodboard')) return reject(`provider "${provider}" cannot make moodboard images`, [issue('provider', `${provider} runs ${deps.registry.kinds(provider).join(', ')}`, { found: provider })]);
    const stored = await findLock(db, body.lock ?? 'current');
    if (!stored) return reject(body.lock ? `no lock version "${body.lock}"` : 'no lock is published yet; an admin publishes one with POST /v1/locks', [issue('lock', 'not found', { found: body.lock ?? 'current' })], 404, 'not_found');
    const { lock } = stored;
    const category = lock.categories.find((c) => c.id === (body.category ?? lock.categories[0].id));
    if (!category) return reject('unknown category', [issue('category', 'not in the lock', { found: body.category, expected: lock.categories.map((c) => c.id).join(', ') })]);
    const poseSet = lock.poseSets.find((p) => p.id === category.poseSet)!;
    const check = (path: string, ids: string[] | undefined, known: { id: string }[]) =>
      (ids ?? []).filter((id) => !known.some((k) => k.id === id)).map((id) => issue(path, `"${id}" is not in the lock`, { found: id, expected: known.map((k) => k.id).join(', ') }));
    const problems = [
      ...check('lightingPresets', body.lightingPresets, lock.lighting),
      ...check('modelProfiles', body.modelProfiles, lock.models),
      ...check('swatches', body.swatches, lock.palette.swatches),
      ...check('views', body.views, poseSet.views),
    ];
    if (problems.length) return reject('the moodboard names things the lock does not have', problems);

    const id = randomUUID();
    const plan = planMoodboardCells(lock, category, body, id);
    const studies = provider === 'local' ? await cellStudies(db, stored, plan.cells) : null;
    const jobs: NewJob[] = plan.cells.map((cell, i) => {
      const recipe = cellRecipe(category, cell);
      const study = studies ? cellJobStudy(studies.specs[i], studies.sources) : null;
      return {
        id: randomUUID(),
        kind: 'moodboard',
        provider,
        lock_hash: stored.summary.hash,
        brief_id: null,
        planned_job_id: null,
        row: null,
        sku: null,
        colorway: null,
        category: category.id,
        view: cell.view.id,
        recipe,
        recipe_hash: contentHash(recipe),
        human_review: category.qc.humanReview,
        qc_thresholds: category.qc as unknown as Record<string, unknown>,
        count: 1,
        seed_variation: 0,
        sources: study?.sources ?? [],
        channels: [],
        params: { moodboard: { board: id, cells: study ? [study.spec] : [] } },
        requested_by: token.name,
        token_id: token.id,
      };
    });
    const cells: StoredCell[] = plan.cells.map((c, i) => ({
      index: c.index, jobId: jobs[i].id, lightingPreset: c.lighting.id, modelProfile: c.model.id, view: c.view.id, take: c.take, caption: c.caption, varies: c.varies, prompt: c.prompt, seed: c.seed,
    }));
    const note = studies
      ? ['Studies rendered offline by the local provider from the lock (reference image, light, grade, pose, palette): not photographs.', studies.missing.length ? `Not on the server: ${studies.missing.join(', ')}.` : ''].filter(Boolean).join(' ')
      : null;
    const recipe = category.recipe;
    await deps.admit?.(token, jobs.length);
    try {
      await db.transaction(async (tx) => {
        for (const job of jobs) await insertJob(tx, job, 'queued');
        await insertMoodboard(tx, {
          id,
          lock_hash: stored.summary.hash,
          provider,
          category: category.id,
          title: [body.environment.trim(), body.garmentFocus.trim()].filter(Boolean).join(', ') || `${lock.brand.name} ${lock.season}`.trim(),
          request: { count: body.count, environment: body.environment, lightingPresets: body.lightingPresets, modelProfiles: body.modelProfiles, garmentFocus: body.garmentFocus, swatches: body.swatches, notes: body.notes, views: body.views },
          constants: plan.constants,
          note,
          image_width: studies ? STUDY_SIZE.width : recipe.width,
          image_height: studies ? STUDY_SIZE.height : recipe.height,
          cells,
          requested_by: token.name,
          token_id: token.id,
        });
        if (idempotencyKey) {
          const claimed = await tx.query('INSERT INTO moodboard_idempotency (token_id, key, request_hash, moodboard_id) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING RETURNING key', [token.id, idempotencyKey, requestHash, id]);
          if (!claimed.length) throw new IdempotencyRace();
        }
        await recordEvent(tx, { name: token.name, tokenId: token.id }, 'moodboard.create', id, { provider, lockHash: stored.summary.hash, cells: cells.length, jobs: jobs.map((j) => j.id) });
      });
    } catch (e) {
      if (e instanceof IdempotencyRace) return (await replay(token, idempotencyKey!, requestHash))!;
      throw e;
    }
    await deps.queue.scheduleMany(jobs.map((j) => ({ jobId: j.id, provider: j.provider })));
    return { success: true, status: 202, board: (await read(id))! };
  }

  async function cancel(id: string, token: AuthenticatedToken): Promise<Moodboard | null> {
    const row = await getMoodboardRow(db, id);
    if (!row) return null;
    assertMayCancel(token, { tokenId: row.token_id, requestedBy: row.requested_by }, `moodboard ${row.id}`);
    for (const cell of row.cells) await deps.jobs.cancel(cell.jobId, token);
    await recordEvent(db, { name: token.name, tokenId: token.id }, 'moodboard.cancel', id, {});
    return read(id);
  }

  return { create, get: read, cancel };
}

class IdempotencyRace extends Error {
  override name = 'IdempotencyRace';
}

export type MoodboardService = ReturnType<typeof createMoodboardService>;
