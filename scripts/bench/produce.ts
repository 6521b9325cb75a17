/**
 * Scale benchmark for `brandlock produce` (issue: 500 SKUs with the local provider in at most
 * 10 minutes and 1.5 GB peak memory on a 2-core machine).
 *
 * 1. Generates an N-SKU brief (default 500, one view each) from the sample season's rows.
 * 2. Reference: the same work with no orchestration at all, in one process: for every SKU the local
 *    master, post-production, QC and (for a pass) every channel variant, two at a time.
 * 3. `brandlock produce` in-process (PGlite + pg-boss + local provider), as the bundled CLI, with its
 *    wall time and peak RSS; per-stage times come from its audit trail.
 * 4. The same brief against two `brandlock serve` worker processes sharing a throwaway Postgres
 *    server: every job must be done exactly once.
 *
 * Usage: npm run build && node scripts/run-ts.mjs scripts/bench/produce.ts [skus] [--skip-postgres]
 */
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { distribution, loadBrandLock, parseBrief, planBrief, type ProductionRecord } from '../../core/src/index';
import { createBrandlockClient } from '../../core/src/api/index';
import { renderLocalMaster } from '../../server/src/pipeline/local-master';
import { postProcessMaster } from '../../server/src/pipeline/post/post-process-master';
import { automatedQc } from '../../server/src/jobs/inspect-with-qc';
import { renderVariantImages } from '../../server/src/pipeline/variants/render-variant-images';
import { folderBlobStore } from '../../server/src/assets/folder-blob-store';
import { startThrowawayPostgres } from '../../server/test-support/postgres/throwaway-postgres';

const root = new URL('../../', import.meta.url).pathname;
const args = process.argv.slice(2);
const N = Number(args.find((a) => /^\d+$/.test(a)) ?? 500);
const skipPostgres = args.includes('--skip-postgres');
const cli = join(root, 'dist', 'brandlock.mjs');
if (!existsSync(cli)) throw new Error('run "npm run build" first: the benchmark runs the bundled CLI');

function season(): string {
  const dir = mkdtempSync(join(tmpdir(), 'brandlock-bench-produce-'));
  for (const f of ['photos', 'luts', 'brand-lock.json', 'northfold.approvals.jsonl']) cpSync(join(root, 'samples', f), join(dir, f), { recursive: true });
  const [header, ...rows] = readFileSync(join(root, 'samples', 'brief.csv'), 'utf8').trim().split('\n');
  const out = [header];
  for (let i = 0; i < N; i++) {
    const cells = rows[i % rows.length].split(',');
    cells[0] = `BN-${String(i).padStart(5, '0')}`;
    cells[10] = cells[2] === 'outerwear' || cells[2] === 'leather' ? 'front-closed' : 'front';
    out.push(cells.join(','));
  }
  writeFileSync(join(dir, 'brief.csv'), out.join('\n') + '\n');
  return dir;
}

/** Runs a command, sampling its peak resident memory with GNU time. */
function timed(cmd: string[], cwd: string, env: Record<string, string | undefined>): Promise<{ code: number; ms: number; peakMb: number; output: string }> {
  return new Promise((resolve) => {
    const started = Date.now();
    const child = spawn('/usr/bin/time', ['-f', 'PEAK_KB %M', ...cmd], { cwd, env: env as NodeJS.ProcessEnv });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('exit', (code) => {
      const kb = Number(/PEAK_KB (\d+)/.exec(output)?.[1] ?? 0);
      resolve({ code: code ?? -1, ms: Date.now() - started, peakMb: kb / 1024, output });
    });
  });
}

async function reference(dir: string): Promise<{ ms: number; masters: number; variants: number }> {
  const lockRes = loadBrandLock(JSON.parse(readFileSync(join(dir, 'brand-lock.json'), 'utf8')), {
    lutDigests: Object.fromEntries(['luts/warm-studio.cube', 'luts/cool-editorial.cube'].map((f) => [f, spawnSync('sha256sum', [join(dir, f)], { encoding: 'utf8' }).stdout.split(' ')[0]])),
  });
  if (!lockRes.success) throw new Error('sample lock invalid');
  const { lock, hash } = lockRes;
  const blobs = folderBlobStore(join(dir, 'ref-blobs'));
  for (const l of lock.luts) await blobs.put(readFileSync(join(dir, l.file)));
  const qc = automatedQc();
  const plan = planBrief(parseBrief(readFileSync(join(dir, 'brief.csv'), 'utf8')).brief, lock, hash);
  const started = Date.now();
  let next = 0;
  let variants = 0;
  const worker = async () => {
    while (next < plan.jobs.length) {
      const job = plan.jobs[next++];
      const category = lock.categories.find((c) => c.id === job.category)!;
      const source = readFileSync(join(dir, job.sources[0]));
      const master = await renderLocalMaster({ source, size: { width: job.recipe.width, height: job.recipe.height }, background: '#ffffff' });
      const posted = await postProcessMaster({ bytes: master.bytes, lock, category: category.id, lighting: category.lighting, lut: category.lut, swatch: job.swatch, blobs });
      const row = { kind: 'generate', category: category.id, colorway: job.colorway, channels: [], params: { swatch: job.swatch }, lock_hash: hash, sku: job.sku, view: job.view } as never;
      const outcome = await qc({ job: row, output: null as never, bytes: posted.bytes, index: 0, lock: { lock, summary: null as never } });
      if (outcome.verdict !== 'pass') continue;
      const specs = job.channels.map((id) => lock.channels.find((c) => c.id === id)!);
      const { images } = await renderVariantImages({ master: posted.bytes, channels: specs, subject: posted.subject });
      variants += images.length;
    }
  };
  await Promise.all([worker(), worker()]);
  return { ms: Date.now() - started, masters: plan.jobs.length, variants };
}

async function recordsOf(url: string, token: string): Promise<ProductionRecord[]> {
  const api = createBrandlockClient({ baseUrl: url, token });
  const out: ProductionRecord[] = [];
  let cursor: string | undefined;
  do {
    const page = await api.audit.query({ limit: 500, cursor });
    out.push(...page.records);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return out;
}

const fmt = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const med = (v: number[]) => distribution(v).p50 ?? 0;

console.log(`produce benchmark: ${N} SKUs, one view each, local provider; ${cpus().length} cores, load average ${loadavg()[0].toFixed(2)}`);
const dir = season();
try {
  const ref = await reference(dir);
  console.log(`reference (same work, no queue, no server, no delivery files): ${fmt(ref.ms)} for ${ref.masters} masters and ${ref.variants} variants`);

  const run = await timed([process.execPath, cli, 'produce', 'brief.csv', '--lock', 'brand-lock.json', '--out', 'delivery'], dir, { ...process.env, BRANDLOCK_POLL_MIN_MS: '200' });
  const manifest = JSON.parse(readFileSync(join(dir, 'delivery', 'manifest.json'), 'utf8'));
  const audit = readFileSync(join(dir, 'delivery', 'audit.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as ProductionRecord);
  const perMinute = (audit.length / run.ms) * 60_000;
  console.log(`brandlock produce (in-process, PGlite): exit ${run.code}, ${fmt(run.ms)} wall, peak RSS ${run.peakMb.toFixed(0)} MB`);
  console.log(`  ${audit.length} masters (${perMinute.toFixed(1)} a minute), ${manifest.counts.variants} channel files, ${manifest.counts.flagged} flagged, ${manifest.counts.rejected} rejected`);
  console.log(`  per master, median: queue ${fmt(med(audit.flatMap((r) => (r.timings ? [r.timings.queuedMs] : []))))}, generate ${fmt(med(audit.flatMap((r) => (r.timings ? [r.timings.generateMs - (r.post?.ms ?? 0)] : []))))}, post ${fmt(med(audit.flatMap((r) => (r.post?.ms !== undefined ? [r.post.ms] : []))))}, QC ${fmt(med(audit.flatMap((r) => (r.qc.ms !== undefined ? [r.qc.ms] : []))))}`);
  console.log(`  orchestration overhead: ${fmt(run.ms - ref.ms)} over the reference, ${((run.ms - ref.ms) / audit.length).toFixed(0)} ms per job; ratio produce/reference ${(run.ms / ref.ms).toFixed(2)}`);
  console.log(`  target: <= 600 s and <= 1536 MB: ${run.ms <= 600_000 && run.peakMb <= 1536 ? 'met' : 'NOT met'}`);
  if (run.code !== 0 && run.code !== 1) console.log(run.output.slice(-2000));

  if (!skipPostgres) {
    const pg = await startThrowawayPostgres();
    const servers: ReturnType<typeof spawn>[] = [];
    try {
      const env = { ...process.env, DATABASE_URL: pg.url, PORT: '0', BRANDLOCK_DATA: join(dir, 'pg-data'), BRANDLOCK_POLL_MIN_MS: '200', BRANDLOCK_STEP_TIMEOUT_SECONDS: '60' };
      const started: { url: string; token: string | null; log: () => string }[] = [];
      for (let i = 0; i < 2; i++) {
        const child = spawn(process.execPath, [cli, 'serve'], { cwd: dir, env });
        servers.push(child);
        let out = '';
        child.stdout!.on('data', (d) => (out += d));
        child.stderr!.on('data', (d) => (out += d));
        while (!/listening on (\S+)/.test(out)) await new Promise((r) => setTimeout(r, 100));
        started.push({ url: /listening on (\S+)/.exec(out)![1], token: /^\s+(bl_\S+)$/m.exec(out)?.[1] ?? null, log: () => out });
      }
      const token = started[0].token ?? started[1].token!;
      const t0 = Date.now();
      const res = await timed([process.execPath, cli, 'produce', 'brief.csv', '--lock', 'brand-lock.json', '--out', 'delivery-pg', '--server', started[0].url, '--token', token, '--skip-approval'], dir, process.env);
      const records = await recordsOf(started[0].url, token);
      const byJob = new Map<string, number>();
      for (const r of records) byJob.set(r.jobId, (byJob.get(r.jobId) ?? 0) + 1);
      const twice = [...byJob.values()].filter((n) => n > 1).length;
      const perServer = started.map((s) => (s.log().match(/job succeeded/g) ?? []).length);
      console.log(`two workers on Postgres: exit ${res.code}, ${fmt(Date.now() - t0)} wall, ${byJob.size} jobs, done twice: ${twice}; jobs finished per server process: ${perServer.join(' + ')}`);
    } finally {
      for (const s of servers) s.kill('SIGTERM');
      await new Promise((r) => setTimeout(r, 1000));
      await pg.stop();
    }
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
