/**
 * `brandlock produce`: a whole season in one run. Plan the brief against the lock, put lock, brief
 * and source images on the server (in this process, or a running one), queue every planned job,
 * and as each master comes back post-processed and QC'd, deliver it: channel variants for a pass,
 * flagged/ or rejected/ with reasons otherwise. Everything delivered is in a ledger, so a run that
 * was stopped (Ctrl-C or SIGKILL) continues where it was when started again, and nothing is
 * delivered twice. Bad rows, missing images and failed jobs are reported; the rest goes on.
 */
import { readFile } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { createHash } from 'node:crypto';
import { parseBrief, planBrief, type BrandLock, type PlannedJob, type ProductionRecord, type QcImageRecord, type RecipeApproval } from '@brandlock/core';
import { gateRecipes, type RecipeGate } from './gate-recipes';
import { writeRecipeGate } from './write-recipe-gate';
import type { Job } from '@brandlock/core/api';
import { readLockFile } from '../io/read-lock-file';
import type { QcThumbnail } from '../pipeline/qc/qc-thumbnail';
import type { ProductionFacts } from '../report/render-production-section';
import { connectForProduce } from './connect-server';
import { DeliveryLedger, type DeliveredFile } from './delivery-ledger';
import { deliverMaster } from './deliver-master';
import { ensureBrief, ensureLock, uploadSources, type InputProblem } from './upload-inputs';
import { readProduceState, writeProduceState, type ProduceState } from './produce-state';
import { ProgressDisplay, type ProgressOutput } from './progress-display';
import { masterLabel, writeDeliveryDocuments } from './write-delivery-files';
import { SeasonQueue } from './queue-season';
import { deliverVideo } from './deliver-video';
import { fetchVideoImages, startVideoJob, videoWaitReason, type VideoReportImages } from './video-jobs';
import { videoToolsFromEnv } from '../pipeline/video/video-tools';

export interface ProduceOptions {
  briefPath: string;
  lockPath: string;
  outDir: string;
  provider?: string;
  concurrency?: number;
  server?: string;
  token?: string;
  env: Record<string, string | undefined>;
  cwd: string;
  progress: ProgressOutput;
  signal: AbortSignal;
  /** How often job states are read from the server. Default 500 ms. */
  pollMs?: number;
  /** Make only N SKUs per category, for an art director to approve the recipes from. */
  pilot?: number;
  /** Produce categories whose recipe has no approval too. */
  skipApproval?: boolean;
  /** Recipe approvals (from the ledger beside the lock); with `server` they are read from the server. */
  approvals?: RecipeApproval[];
  /** Where `approvals` came from (the ledger's path), for the in-process server's audit trail. */
  approvalsSource?: string;
  /** The local asset library's blob folder, for brief sources that name library assets (`library:<sha256>`). */
  libraryBlobDir?: string;
}

export type ProduceOutcome =
  | { kind: 'invalid-lock'; issues: { path: string; message: string }[] }
  | { kind: 'other-run'; message: string }
  | {
      kind: 'done';
      interrupted: boolean;
      outDir: string;
      files: DeliveredFile[];
      problems: InputProblem[];
      masters: number;
      planned: number;
      skus: number;
      documents: { manifest: string; csv: string; audit: string; report: string };
      logFile: string | null;
      wallMs: number;
      gate: RecipeGate;
    };

const TERMINAL = new Set(['succeeded', 'failed', 'canceled']);
function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
  });
}

export async function produceSeason(o: ProduceOptions): Promise<ProduceOutcome> {
  const started = Date.now();
  const outDir = resolve(o.cwd, o.outDir);
  const lockRead = await readLockFile(resolve(o.cwd, o.lockPath));
  if (!lockRead.success) return { kind: 'invalid-lock', issues: lockRead.issues };
  const { lock, hash: lockHash } = lockRead;
  const briefPath = resolve(o.cwd, o.briefPath);
  const briefText = await readFile(briefPath, 'utf8').catch((e: NodeJS.ErrnoException) => {
    throw new Error(`${o.briefPath}: ${e.code === 'ENOENT' ? 'no such file' : `cannot read (${e.code ?? e.message})`}`);
  });
  const briefHash = `sha256:${createHash('sha256').update(briefText).digest('hex')}`;
  const parsed = parseBrief(briefText, briefPath.toLowerCase().endsWith('.json') ? 'json' : undefined);
  const plan = planBrief(parsed.brief, lock, lockHash);
  const problems: InputProblem[] = [...parsed.issues, ...plan.issues]
    .filter((i) => i.severity === 'error')
    .map((i) => ({ where: i.row !== null ? `row ${i.row}${i.sku ? ` (${i.sku})` : ''}${i.column ? `, ${i.column}` : ''}` : basename(briefPath), message: i.message }));

  const statePath = join(outDir, '.brandlock', 'produce.json');
  const previous = await readProduceState(statePath);
  if (previous && (previous.lockHash !== lockHash || previous.briefHash !== briefHash)) {
    return { kind: 'other-run', message: `${o.outDir} holds a run of ${previous.briefFile} with lock ${previous.lockHash.slice(0, 19)}; deliver this brief and lock into another folder (or remove that one)` };
  }
  const where = o.server ?? 'in-process';
  const state: ProduceState = previous ? { ...previous, runs: previous.runs + 1, server: where } : { version: 1, lockHash, briefHash, briefFile: o.briefPath, server: where, briefId: null, startedAt: new Date().toISOString(), runs: 1 };
  if (previous && previous.server !== where) state.briefId = null;
  await writeProduceState(statePath, state);
  const ledger = await DeliveryLedger.open(join(outDir, '.brandlock', 'delivered.jsonl'));

  const progress = new ProgressDisplay(o.progress);
  progress.stage('upload', 'upload', 0);
  progress.stage('generate', 'generate', plan.jobs.length);
  progress.stage('deliver', 'deliver', 0);
  const plannedVideos = plan.jobs.filter((j) => j.video);
  if (plannedVideos.length) progress.stage('video', 'video', plannedVideos.length);
  progress.start();

  const conn = await connectForProduce({ outDir, server: o.server, token: o.token, provider: o.provider, concurrency: o.concurrency, env: o.env, cwd: o.cwd });
  const records = new Map<string, ProductionRecord>();
  const thumbnails = new Map<string, QcThumbnail>();
  const failedJobs = new Map<string, Job>();
  const deliverMs: number[] = [];
  const delivered = new Set<string>();
  /** Jobs whose delivery already reported a problem. */
  const reported = new Set<string>();
  const tools = videoToolsFromEnv(o.env);
  /** Planned still job id -> its video job id, once the video is asked for. */
  const videoJobOf = new Map<string, string>();
  const videoImages: VideoReportImages = new Map();
  let interrupted = false;
  let gate: RecipeGate = { mode: 'full', jobs: plan.jobs, skus: undefined, status: [], problems: [] };
  try {
    await ensureLock(conn.api, { lock, hash: lockHash, document: lockRead.raw, lockDir: lockRead.dir });
    state.briefId = await ensureBrief(conn.api, { known: state.briefId, name: `${basename(briefPath)} (${lock.season || lock.version})`, text: briefText, lockHash });
    await writeProduceState(statePath, state);
    const approvals = o.server ? (await conn.api.recipes.list({ lock: lockHash })).approvals : (o.approvals ?? []);
    if (!o.server) await conn.importApprovals?.(approvals, o.approvalsSource ?? 'the approval ledger');
    gate = gateRecipes({ lock, jobs: plan.jobs, approvals, pilot: o.pilot, skipApproval: o.skipApproval });
    problems.push(...gate.problems);
    await writeRecipeGate(outDir, gate);
    const sources = await uploadSources(conn.api, gate.jobs, briefPath, (done, failed, total) => progress.update('upload', { done, failed, total }), o.signal, o.libraryBlobDir);
    problems.push(...sources.problems);
    // The season goes in by chunks of SKUs, waiting when the server says it is busy (429, 503).
    // The server gates recipes too: a pilot says so, a run told to skip approval asks for an (admin) override.
    const passGate = gate.mode === 'pilot' ? { pilot: o.pilot } : gate.mode === 'full-unchecked' ? { override: { reason: 'brandlock produce --skip-approval' } } : {};
    const season = new SeasonQueue(conn.api, state.briefId, gate.skus ?? gate.jobs.map((j) => j.sku), { provider: o.provider as never, sources: sources.refs, ...passGate });
    const plannedById = new Map(plan.jobs.flatMap((j) => [[j.id, j] as const, ...(j.video ? [[j.video.id, j] as const] : [])]));
    const jobIds = new Set<string>();
    let skippedJobs = 0;
    const queueMore = async () => {
      const queued = await season.next();
      // A job skipped for a source image that could not be uploaded is already reported with that image.
      for (const s of queued.skipped) if (!(sources.problems.length && /was not uploaded/.test(s.reason))) problems.push({ where: `${s.sku} ${s.view}`, message: s.reason });
      for (const q of queued.queued) jobIds.add(q.jobId);
      skippedJobs += queued.skipped.length;
      progress.update('generate', { total: gate.jobs.length - skippedJobs, note: season.waiting ?? '' });
    };

    while (!o.signal.aborted) {
      await queueMore();
      const briefJobs = await listJobs(conn.api, state.briefId);
      // A still that passed (or a person approved) starts its video; the video is then awaited like any job.
      for (const still of briefJobs) {
        const planned = plannedById.get(still.plannedJobId ?? '');
        if (!planned?.video || still.kind === 'video' || still.state !== 'succeeded' || videoJobOf.has(planned.id) || !jobIds.has(still.id) || videoWaitReason(still)) continue;
        const started = await startVideoJob(conn.api, { briefId: state.briefId, planned, existing: briefJobs, provider: o.provider });
        if ('jobId' in started) {
          videoJobOf.set(planned.id, started.jobId);
          jobIds.add(started.jobId);
        } else {
          videoJobOf.set(planned.id, '');
          problems.push({ where: `${planned.sku} ${planned.view} video`, message: started.problem });
        }
      }
      const jobs = briefJobs.filter((j) => jobIds.has(j.id));
      const succeeded = jobs.filter((j) => j.state === 'succeeded');
      if (plannedVideos.length) progress.update('video', { done: jobs.filter((j) => j.kind === 'video' && j.state === 'succeeded').length, failed: jobs.filter((j) => j.kind === 'video' && (j.state === 'failed' || j.state === 'canceled')).length });
      for (const j of jobs) if (j.state === 'failed' || j.state === 'canceled') failedJobs.set(j.id, j);
      const stills = jobs.filter((j) => j.kind !== 'video');
      progress.update('generate', { done: stills.filter((j) => j.state === 'succeeded').length, failed: stills.filter((j) => j.state === 'failed' || j.state === 'canceled').length, total: gate.jobs.length - skippedJobs });
      progress.update('deliver', { total: succeeded.length, done: delivered.size });
      for (const job of succeeded) {
        if (o.signal.aborted || delivered.has(job.id)) continue;
        const planned = plannedById.get(job.plannedJobId ?? '');
        if (!planned) continue;
        const record = await masterRecord(conn.api, job, records);
        if (!record) continue;
        const thumb = record.qc.thumbnail;
        if (thumb && !thumbnails.has(masterLabel(record))) {
          const { bytes } = await conn.api.assets.get(thumb.sha256);
          thumbnails.set(masterLabel(record), { jpeg: bytes, width: thumb.width, height: thumb.height, fullWidth: thumb.fullWidth, fullHeight: thumb.fullHeight, outline: thumb.outline, excluded: thumb.excluded ?? null });
        }
        if (job.kind === 'video') await fetchVideoImages(conn.api, record, videoImages);
        const res =
          job.kind === 'video'
            ? await deliverVideo({ api: conn.api, job, record, planned, lock, lockHash, outDir, ledger, tools, signal: o.signal })
            : await deliverMaster({ api: conn.api, job, record, planned, lock, lockHash, outDir, ledger, signal: o.signal });
        for (const f of res.failures) problems.push({ where: `${planned.sku} ${planned.view} ${f.channel}`, message: f.message });
        if (res.failures.length) reported.add(job.id);
        if (!o.signal.aborted) {
          delivered.add(job.id);
          deliverMs.push(res.ms);
        }
        progress.update('deliver', { done: delivered.size });
      }
      if (season.done && jobs.length >= jobIds.size && jobs.every((j) => TERMINAL.has(j.state)) && succeeded.every((j) => delivered.has(j.id))) break;
      await sleep(o.pollMs ?? 500, o.signal);
    }
    interrupted = o.signal.aborted;
    if (!interrupted) problems.push(...undelivered(records, ledger.entries(), reported));
    for (const j of failedJobs.values()) problems.push({ where: `${j.sku} ${j.view}${j.kind === 'video' ? ' video' : ''}`, message: `job ${j.state}: ${j.error?.message ?? 'no reason given'}` });
    if (!interrupted) {
      const stills = await listJobs(conn.api, state.briefId);
      for (const planned of plannedVideos) {
        if (videoJobOf.has(planned.id)) continue;
        const still = stills.find((j) => j.plannedJobId === planned.id && jobIds.has(j.id));
        problems.push({ where: `${planned.sku} ${planned.view} video`, message: still ? (videoWaitReason(still) ?? 'not started') : 'not made: its still was not queued' });
      }
    }
  } finally {
    progress.finish();
    await conn.stop().catch(() => undefined);
  }

  const all = [...records.values()];
  const files = ledger.entries();
  const documents = await writeDeliveryDocuments({
    outDir,
    lock,
    lockHash,
    briefFile: o.briefPath,
    briefHash,
    complete: !interrupted,
    files,
    records: all,
    errorRows: [...failedJobs.values()].map((j) => errorRow(j, lock)),
    thumbnails,
    filmstrips: videoImages,
    facts: productionFacts({ lock, plan: gate.jobs, rowsRead: parsed.brief.rowCount, skus: new Set(gate.jobs.map((j) => j.sku)).size, records: all, files, failedJobs: failedJobs.size, problems, wallMs: Date.now() - started, deliverMs }),
  });
  return { kind: 'done', interrupted, outDir, files, problems, masters: all.filter((r) => r.kind !== 'video').length, planned: gate.jobs.length, skus: new Set(gate.jobs.map((j) => j.sku)).size, documents, logFile: conn.logFile, wallMs: Date.now() - started, gate };
}

/** Masters made whose delivery put no file anywhere and reported nothing: each is a problem. */
function undelivered(records: ReadonlyMap<string, ProductionRecord>, files: readonly DeliveredFile[], reported: ReadonlySet<string>): InputProblem[] {
  const out: InputProblem[] = [];
  for (const [jobId, r] of records) {
    if (reported.has(jobId) || files.some((f) => f.sku === r.sku && f.colorway === r.colorway && f.view === r.view)) continue;
    out.push({ where: `${r.sku} ${r.view}`, message: `master ${r.assetId} was made but no file was delivered from it` });
  }
  return out;
}

/** Every job of the brief (stills and videos). */
async function listJobs(api: Awaited<ReturnType<typeof connectForProduce>>['api'], briefId: string): Promise<Job[]> {
  const out: Job[] = [];
  let cursor: string | undefined;
  do {
    const page = await api.jobs.list({ brief: briefId, limit: 500, cursor });
    out.push(...page.jobs);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return out;
}

async function masterRecord(api: Awaited<ReturnType<typeof connectForProduce>>['api'], job: Job, cache: Map<string, ProductionRecord>): Promise<ProductionRecord | null> {
  const known = cache.get(job.id);
  if (known) return known;
  const page = await api.audit.query({ job: job.id, limit: 10 });
  const record = page.records.find((r) => r.index === 0) ?? page.records[0] ?? null;
  if (record) cache.set(job.id, record);
  return record;
}

function errorRow(job: Job, lock: BrandLock): QcImageRecord {
  const category = lock.categories.find((c) => c.id === job.category);
  return {
    file: masterLabel({ sku: job.sku, colorway: job.colorway, view: job.view, assetId: job.id }),
    verdict: 'error',
    error: { code: job.error?.code ?? job.state, message: job.error?.message ?? `the job was ${job.state}` },
    sku: job.sku,
    colorway: job.colorway,
    view: job.view,
    target: 'master',
    category: job.category,
    categoryName: category?.name ?? null,
    lighting: job.recipe.lightingPreset,
    swatch: null,
    width: null,
    height: null,
    format: null,
    bytes: null,
    findings: [],
    metrics: null,
    ms: 0,
  };
}

function productionFacts(input: {
  lock: BrandLock;
  plan: PlannedJob[];
  rowsRead: number;
  skus: number;
  records: ProductionRecord[];
  files: DeliveredFile[];
  failedJobs: number;
  problems: InputProblem[];
  wallMs: number;
  deliverMs: number[];
}): ProductionFacts {
  const videos = input.records.filter((r) => r.kind === 'video');
  const records = input.records.filter((r) => r.kind !== 'video');
  const categories = input.lock.categories
    .map((c) => {
      const rs = records.filter((r) => r.category === c.id);
      return {
        id: c.id,
        name: c.name,
        masters: rs.length,
        corrected: rs.filter((r) => r.post?.steps.some((s) => s.applied && s.step !== 'lut')).length,
        needPerson: rs.filter((r) => r.qc.verdict !== 'pass').length,
      };
    })
    .filter((c) => c.masters > 0);
  return {
    rowsRead: input.rowsRead,
    skusPlanned: input.skus,
    jobsPlanned: input.plan.length,
    mastersMade: records.length,
    filesDelivered: input.files.filter((f) => f.kind === 'variant' || f.kind === 'video').length,
    videos: { planned: input.plan.filter((j) => j.video).length, made: videos.length, passed: videos.filter((r) => r.qc.verdict === 'pass').length, cuts: input.files.filter((f) => f.kind === 'video').length },
    flagged: input.files.filter((f) => f.kind === 'flagged').length,
    rejected: input.files.filter((f) => f.kind === 'rejected').length,
    failedJobs: input.failedJobs,
    wallMs: input.wallMs,
    stageMs: {
      queued: records.flatMap((r) => (r.timings ? [r.timings.queuedMs] : [])),
      generate: records.flatMap((r) => (r.timings ? [Math.max(0, r.timings.generateMs - (r.post?.ms ?? 0))] : [])),
      post: records.flatMap((r) => (r.post?.ms !== undefined ? [r.post.ms] : [])),
      qc: records.flatMap((r) => (r.qc.ms !== undefined ? [r.qc.ms] : [])),
      deliver: input.deliverMs,
    },
    categories,
    deltaE: records.flatMap((r) => (typeof r.qc.measurements.deltaE00 === 'number' ? [r.qc.measurements.deltaE00] : [])),
    problems: input.problems,
  };
}
