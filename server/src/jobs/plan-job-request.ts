/**
 * Turns a job request into a job with its recipe resolved from the lock: the planned job of a stored
 * brief's SKU and view, an inline brief row planned on the spot, or (for post, variants and
 * moodboards) a category. The client chooses only what the lock leaves open. Problems come back as
 * data with the field named.
 */
import { contentHash, labToSrgb, parseBrief, parseColor, planBrief, type BrandLock, type ChannelSpec, type PlannedJob, type ResolvedRecipe } from '@brandlock/core';
import type { ApiIssue, JobCreateRequest, JobKind } from '@brandlock/core/api';
import type { z } from 'zod';
import type { Queryable } from '../store/database';
import type { NewJob } from '../store/jobs';
import { plannedJobs } from '../store/briefs';
import { findBlob } from '../store/blobs';
import { findLock, type StoredLock } from '../store/locks';
import type { ProviderRegistry } from '../providers/registry';
import type { ProviderName } from '../providers/provider';
import type { LocalParams } from '../providers/local';
import { planMoodboardCells } from './plan-moodboard-cells';
import { cellRecipe, cellStudies } from './moodboard-cell-jobs';
import { planVideoJob } from './plan-video-job';

type Request = z.output<typeof JobCreateRequest>;

export type PlanJobResult =
  | { success: true; job: Omit<NewJob, 'id' | 'requested_by' | 'token_id'>; lock: StoredLock }
  | { success: false; status: 404 | 422; code: string; message: string; issues?: ApiIssue[] };

const issue = (path: string, message: string, extra: Partial<ApiIssue> = {}): ApiIssue => ({ code: 'invalid_value', path, message, ...extra });
const reject = (message: string, issues: ApiIssue[] = [], status: 404 | 422 = 422, code = 'invalid_request'): PlanJobResult => ({ success: false, status, code, message, issues });

/** A lock colour (hex or lab()) as hex, for backgrounds. */
export function colorHex(color: string): string {
  const parsed = parseColor(color);
  if (!parsed.success) return '#ffffff';
  return parsed.hex ?? `#${labToSrgb(parsed.lab).map((v) => Math.round(v * 255).toString(16).padStart(2, '0')).join('')}`;
}

function withSeedVariation(recipe: ResolvedRecipe, variation: number): ResolvedRecipe {
  if (!variation || recipe.seed === null) return recipe;
  return { ...recipe, seed: (recipe.seed + variation) % 4294967296 };
}

/** The plan of one inline brief row. */
function planItem(lock: BrandLock, lockHash: string, item: Record<string, unknown>): { jobs: PlannedJob[]; issues: ApiIssue[] } {
  const parsed = parseBrief(JSON.stringify([item]), 'json');
  const plan = planBrief(parsed.brief, lock, lockHash);
  const issues = [...parsed.issues, ...plan.issues]
    .filter((i) => i.severity === 'error')
    .map((i) => issue(`item${i.column ? `.${i.column}` : ''}`, i.message, { code: i.code, found: i.found, expected: i.expected }));
  return { jobs: plan.jobs, issues };
}

/** A category-level recipe for jobs without a SKU: no garment attributes, so no prompt and no seed. */
function categoryRecipe(lock: BrandLock, lockHash: string, category: string, view: string | undefined): { job: PlannedJob | null; issues: ApiIssue[] } {
  const res = planItem(lock, lockHash, { sku: `category:${category}`, colorway: '-', category, fabric: '-', silhouette: '-', swatch: '#808080', ...(view ? { views: view } : {}) });
  const job = res.jobs[0] ?? null;
  return { job: job && { ...job, recipe: { ...job.recipe, prompt: '', seed: null } }, issues: res.issues.map((i) => ({ ...i, path: i.path?.replace(/^item\.(category|views)$/, (_, c) => (c === 'views' ? 'view' : 'category')) })) };
}

export async function planJobRequest(db: Queryable, registry: ProviderRegistry, req: Request): Promise<PlanJobResult> {
  const provider = (req.provider ?? registry.defaultName) as ProviderName;
  if (!registry.get(provider)) return reject(`provider "${provider}" is not configured on this server`, [issue('provider', 'not configured', { found: provider, expected: registry.describe().map((p) => p.name).join(', ') })]);
  if (!registry.kinds(provider).includes(req.kind)) {
    return reject(`provider "${provider}" cannot make ${req.kind} jobs`, [issue('kind', `${provider} runs ${registry.kinds(provider).join(', ')}`, { found: req.kind })]);
  }
  for (const [i, ref] of req.sources.entries()) {
    if (req.kind === 'video') break; // a video's source is a stored still, checked against the SKU below
    if (!(await findBlob(db, ref.slice(7)))) return reject(`source ${ref} was never uploaded`, [issue(`sources[${i}]`, 'no upload with this reference; PUT the image to /v1/uploads first', { found: ref })]);
  }
  if (req.count !== undefined && req.kind !== 'generate') return reject('count applies to generate jobs', [issue('count', req.kind === 'moodboard' ? 'a moodboard takes moodboard.count' : `a ${req.kind} job makes one output per source or channel`)]);
  if (req.moodboard && req.kind !== 'moodboard') return reject('moodboard settings apply to moodboard jobs', [issue('moodboard', `not used by ${req.kind} jobs`)]);
  if (req.kind === 'moodboard' && !req.moodboard) return reject('a moodboard job needs its settings', [issue('moodboard', 'missing', { expected: '{ count: 6..50, environment, lightingPresets, ... }' })]);
  if (req.channels && req.kind !== 'variants') return reject('channels apply to variants jobs', [issue('channels', `not used by ${req.kind} jobs`)]);

  let lock: StoredLock | null;
  let planned: PlannedJob | null = null;
  let briefId: string | null = null;
  if (req.brief) {
    const brief = (await db.query<{ id: string; lock_hash: string }>('SELECT id, lock_hash FROM briefs WHERE id = $1', [req.brief]))[0];
    if (!brief) return reject(`no brief "${req.brief}"`, [issue('brief', 'no such brief', { found: req.brief })], 404, 'not_found');
    briefId = brief.id;
    lock = await findLock(db, brief.lock_hash);
    if (req.lock && req.lock !== 'current' && (await findLock(db, req.lock))?.summary.hash !== brief.lock_hash) {
      return reject('the brief was planned against another lock version', [issue('lock', 'a brief job uses its brief\'s lock', { found: req.lock, expected: brief.lock_hash })]);
    }
    if (!req.sku && req.row === undefined) return reject('a brief job names its SKU', [issue('sku', 'missing', { expected: 'sku (and colorway when the SKU has several), or row' })]);
    const candidates = await plannedJobs(db, brief.id, { skus: req.sku ? [req.sku] : undefined, colorway: req.colorway, row: req.row });
    const rows = [...new Set(candidates.map((c) => c.row))];
    if (!candidates.length) return reject(`brief ${brief.id} has no planned ${req.sku ? `SKU ${req.sku}${req.colorway ? ` in ${req.colorway}` : ''}` : `row ${req.row}`}`, [issue(req.sku ? 'sku' : 'row', 'not in the brief', { found: String(req.sku ?? req.row) })], 404, 'not_found');
    if (rows.length > 1) return reject(`SKU ${req.sku} has several colourways in the brief`, [issue('colorway', 'say which colourway', { expected: [...new Set(candidates.map((c) => c.colorway))].join(', ') })]);
    planned = req.view ? (candidates.find((c) => c.view === req.view) ?? null) : candidates[0];
    if (!planned) return reject(`view "${req.view}" is not planned for this SKU`, [issue('view', 'not planned', { found: req.view, expected: candidates.map((c) => c.view).join(', ') })]);
  } else {
    lock = await findLock(db, req.lock ?? 'current');
    if (!lock) return reject(req.lock ? `no lock version "${req.lock}"` : 'no lock is published yet; an admin publishes one with POST /v1/locks', [issue('lock', 'not found', { found: req.lock ?? 'current' })], 404, 'not_found');
    if (req.item) {
      const res = planItem(lock.lock, lock.summary.hash, { ...req.item, ...(req.view ? { views: req.view } : {}) });
      if (res.issues.length) return reject('the inline brief row does not plan against the lock', res.issues);
      planned = res.jobs[0];
    } else if (req.sku || req.row !== undefined) {
      return reject('a SKU without a brief needs its brief row', [issue('item', 'missing', { expected: 'brief (a stored brief id) or item (an inline brief row)' })]);
    }
  }
  if (!lock) return reject('the lock of this brief is missing', [], 404, 'not_found');

  if (!planned && (req.kind === 'generate' || req.kind === 'video')) return reject(`a ${req.kind} job needs a SKU`, [issue('sku', 'missing', { expected: 'brief + sku, or item (an inline brief row)' })]);
  if (!planned) {
    const categoryId = req.category ?? (req.kind === 'moodboard' ? lock.lock.categories[0].id : undefined);
    if (!categoryId) return reject(`a ${req.kind} job without a SKU needs a category`, [issue('category', 'missing', { expected: lock.lock.categories.map((c) => c.id).join(', ') })]);
    const res = categoryRecipe(lock.lock, lock.summary.hash, categoryId, req.view);
    if (!res.job) return reject('the category does not resolve against the lock', res.issues);
    planned = res.job;
  }
  if ((req.kind === 'post' || req.kind === 'variants') && req.sources.length !== 1) return reject(`a ${req.kind} job takes exactly one source image`, [issue('sources', `found ${req.sources.length}`, { expected: 'one uploaded image reference' })]);

  const category = lock.lock.categories.find((c) => c.id === planned!.category)!;
  const lighting = lock.lock.lighting.find((l) => l.id === planned!.recipe.lightingPreset)!;
  const params: LocalParams & Record<string, unknown> = {};
  let channels: string[] = [];
  let count = req.count ?? 1;
  const kind: JobKind = req.kind;
  if (kind === 'generate' || kind === 'post') params.background = colorHex(lighting.background);
  // The SKU's target colour travels with the job: post anchors exposure on it and QC measures against it.
  if ((briefId || req.item) && kind !== 'moodboard') params.swatch = planned.swatch;
  if (kind === 'variants') {
    channels = req.channels ?? planned.channels;
    const unknown = channels.filter((id) => !lock!.lock.channels.some((c) => c.id === id));
    if (unknown.length) return reject('unknown channel', unknown.map((id) => issue('channels', `no channel "${id}" in the lock`, { found: id, expected: lock!.lock.channels.map((c) => c.id).join(', ') })));
    if (!channels.length) return reject('no channels to render', [issue('channels', 'empty')]);
    params.channels = channels.map((id) => lock!.lock.channels.find((c) => c.id === id) as ChannelSpec);
    count = channels.length;
  }
  let recipe = withSeedVariation(planned.recipe, req.seedVariation ?? 0);
  let sources = req.sources.map((s) => s.slice(7));
  if (kind === 'moodboard') {
    const mb = req.moodboard!;
    const check = (path: string, ids: string[] | undefined, known: { id: string }[]) => (ids ?? []).filter((id) => !known.some((k) => k.id === id)).map((id) => issue(path, `"${id}" is not in the lock`, { found: id, expected: known.map((k) => k.id).join(', ') }));
    const problems = [...check('moodboard.lightingPresets', mb.lightingPresets, lock.lock.lighting), ...check('moodboard.modelProfiles', mb.modelProfiles, lock.lock.models), ...check('moodboard.swatches', mb.swatches, lock.lock.palette.swatches)];
    if (problems.length) return reject('the moodboard names things the lock does not have', problems);
    // One request for many images would give the provider one prompt and one seed for all of them.
    if (provider !== 'local') return reject(`a moodboard on ${provider} is one request per image: create it with POST /v1/moodboards`, [issue('kind', 'moodboards on a GPU provider are made cell by cell', { found: 'moodboard', expected: 'POST /v1/moodboards' })]);
    const plan = planMoodboardCells(lock.lock, category, mb, contentHash(req));
    const studies = await cellStudies(db, lock, plan.cells);
    count = plan.cells.length;
    sources = studies.sources;
    params.moodboard = { cells: studies.specs };
    recipe = { ...cellRecipe(category, plan.cells[0]), prompt: `moodboard studies: ${plan.cells.map((c) => c.caption).join('; ')}`.slice(0, 4000), seed: null, seedPolicy: 'random' };
  }

  if (kind === 'video') {
    const video = await planVideoJob(db, planned, req.sources, req.seedVariation ?? 0);
    if (!video.success) return reject(video.message, video.issues, video.status, video.code);
    return {
      success: true,
      lock,
      job: {
        kind, provider, lock_hash: lock.summary.hash, brief_id: briefId, planned_job_id: video.plannedJobId, row: planned.row, sku: planned.sku, colorway: planned.colorway,
        category: category.id, view: planned.view, recipe: video.recipe, recipe_hash: video.recipeHash, human_review: category.qc.humanReview,
        qc_thresholds: category.qc as unknown as Record<string, unknown>, count: 1, seed_variation: req.seedVariation ?? 0, sources: [video.source], channels: [], params: video.params as unknown as Record<string, unknown>,
      },
    };
  }

  return {
    success: true,
    lock,
    job: {
      kind,
      provider,
      lock_hash: lock.summary.hash,
      brief_id: briefId,
      planned_job_id: briefId ? planned.id : null,
      row: briefId || req.item ? planned.row : null,
      sku: briefId || req.item ? planned.sku : null,
      colorway: briefId || req.item ? planned.colorway : null,
      category: category.id,
      view: planned.view,
      recipe,
      recipe_hash: contentHash(recipe),
      human_review: category.qc.humanReview,
      qc_thresholds: category.qc as unknown as Record<string, unknown>,
      count,
      seed_variation: req.seedVariation ?? 0,
      sources,
      channels,
      params,
    },
  };
}
