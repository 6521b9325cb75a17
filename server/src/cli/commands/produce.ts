/** `brandlock produce <brief> --lock <lock> --out <dir>`: a whole season, resumable, with delivery and report. */
import { formatLockIssue } from '@brandlock/core';
import { EXIT, InputError, UsageError, type CliCommand } from '../command';
import { lockOption } from './shared-options';
import { resolve } from 'node:path';
import { readFile } from 'node:fs/promises';
import { approvalsPathFor, readApprovalLedger } from '../../lock-setup/approval-ledger';
import { pastUpscaleLimit } from '../../produce/past-upscale-limit';

const PROVIDERS = ['local', 'fal', 'replicate', 'runway', 'comfyui'];

export const produce: CliCommand = {
  path: ['produce'],
  summary: 'Produce a season: generate, post-process, QC, render every channel variant and deliver, resumably',
  usage: '<brief.csv|brief.json> --lock <lock.json> --out <dir>',
  description: `Plans the brief against the lock, then for every SKU and view generates a master (the local
provider by default: no keys, no GPU), post-processes it (brand LUT, white balance and exposure to the
lighting preset, backdrop), runs automated QC, renders every channel variant of each passing master and
delivers them named by the lock's template, one folder per channel. Flagged masters go to flagged/ and
rejected ones to rejected/, each with a JSON file of reasons. The folder also gets manifest.json,
manifest.csv, audit.jsonl and report.html.

Ctrl-C stops cleanly; running the same command again (or with --resume) continues where it stopped,
after a crash too: nothing finished is redone and nothing is delivered twice.

Exit 0 when every row was produced, 1 when something failed (bad rows, missing images, failed jobs;
all listed), 2 on usage errors, 130 when stopped.`,
  options: {
    lock: lockOption,
    out: { type: 'string', short: 'o', value: '<dir>', description: 'Delivery folder', default: 'delivery' },
    provider: { type: 'string', value: '<name>', description: `Image provider: ${PROVIDERS.join(', ')} (the server's default when absent: local)` },
    concurrency: { type: 'string', short: 'c', value: '<n>', description: 'Jobs at once on the provider (in-process runs)' },
    server: { type: 'string', value: '<url>', description: 'Run against a running brandlock server instead of in this process' },
    token: { type: 'string', value: '<token>', description: 'Token for --server (or set BRANDLOCK_TOKEN)' },
    resume: { type: 'boolean', description: 'Continue the run in --out (re-running does the same; this says you mean it)' },
    json: { type: 'boolean', description: 'Print the outcome as JSON' },
    pilot: { type: 'string', value: '<n>', description: 'Pilot pass: only N SKUs per category (spanning its colours), for an art director to approve each recipe' },
    'skip-approval': { type: 'boolean', description: 'Produce categories whose recipe has no art director approval too' },
    approvals: { type: 'string', value: '<file>', description: 'Recipe approval ledger (default: <brand id>.approvals.jsonl beside the lock; with --server the server\'s)' },
  },
  positionals: { min: 1, max: 1 },
  async run({ positionals, values }, io) {
    if (typeof values.lock !== 'string') throw new UsageError('--lock <lock.json> is required');
    const provider = values.provider as string | undefined;
    if (provider && !PROVIDERS.includes(provider)) throw new UsageError(`--provider "${provider}" is not one of ${PROVIDERS.join(', ')}`);
    const concurrency = values.concurrency === undefined ? undefined : Number(values.concurrency);
    if (concurrency !== undefined && (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 64)) throw new UsageError(`--concurrency "${values.concurrency}" is not a whole number from 1 to 64`);
    const token = (values.token as string | undefined) ?? io.env.BRANDLOCK_TOKEN;
    if (values.server && !token) throw new UsageError('--server needs --token <token> (or BRANDLOCK_TOKEN)');
    const pilot = values.pilot === undefined ? undefined : Number(values.pilot);
    if (pilot !== undefined && (!Number.isInteger(pilot) || pilot < 1 || pilot > 50)) throw new UsageError(`--pilot "${values.pilot}" is not a whole number from 1 to 50`);
    let approvals;
    let approvalsSource: string | undefined;
    if (!values.server) {
      approvalsSource = typeof values.approvals === 'string' ? resolve(io.cwd, values.approvals) : approvalsPathFor(resolve(io.cwd, values.lock), await brandIdOf(resolve(io.cwd, values.lock)));
      const ledger = await readApprovalLedger(approvalsSource);
      for (const p of ledger.problems) io.err(`warning: ${p}\n`);
      approvals = ledger.approvals;
    }
    let outcome;
    try {
      const { produceSeason } = await import('../../produce/produce-season');
      outcome = await produceSeason({
        briefPath: positionals[0],
        lockPath: values.lock,
        outDir: (values.out as string) ?? 'delivery',
        provider,
        concurrency,
        server: values.server as string | undefined,
        token,
        env: io.env,
        cwd: io.cwd,
        progress: { write: (t) => io.err(t), isTTY: io.isTTY },
        signal: io.signal,
        pilot,
        skipApproval: Boolean(values['skip-approval']),
        approvals,
        approvalsSource,
        libraryBlobDir: io.env.BRANDLOCK_BLOBS ? resolve(io.cwd, io.env.BRANDLOCK_BLOBS) : resolve(io.cwd, io.env.BRANDLOCK_DATA || '.brandlock', 'blobs'),
      });
    } catch (e) {
      const name = (e as Error).name;
      if (name === 'BrandlockNetworkError' || name === 'BrandlockAuthError' || name === 'BrandlockForbiddenError' || name === 'ConfigError') throw new InputError((e as Error).message);
      if ((e as Error).message.startsWith(positionals[0])) throw new InputError((e as Error).message);
      throw e;
    }
    if (outcome.kind === 'invalid-lock') {
      for (const issue of outcome.issues) io.err(`  ${formatLockIssue(issue as never)}\n`);
      throw new InputError(`${values.lock}: the lock has ${outcome.issues.length} problem${outcome.issues.length === 1 ? '' : 's'}`);
    }
    if (outcome.kind === 'other-run') throw new InputError(outcome.message);
    const variants = outcome.files.filter((f) => f.kind === 'variant').length;
    const flagged = outcome.files.filter((f) => f.kind === 'flagged').length;
    const rejected = outcome.files.filter((f) => f.kind === 'rejected').length;
    const videos = outcome.files.filter((f) => f.kind === 'video').length;
    const enlarged = pastUpscaleLimit(outcome.files);
    if (values.json) {
      io.out(`${JSON.stringify({ interrupted: outcome.interrupted, outDir: outcome.outDir, skus: outcome.skus, planned: outcome.planned, masters: outcome.masters, variants, enlargedPastLimit: enlarged.length, videos, flagged, rejected, problems: outcome.problems, documents: outcome.documents, run: outcome.gate.mode, recipes: outcome.gate.status.map((r) => ({ category: r.category, recipeHash: r.recipeHash, approved: Boolean(r.approval), message: r.message })) }, null, 2)}\n`);
    } else {
      const seconds = Math.round(outcome.wallMs / 1000);
      io.out(
        [
          '',
          ...(outcome.gate.mode === 'pilot' ? [`Pilot pass: ${outcome.skus} SKUs over ${outcome.gate.status.length} categories. Judge ${outcome.documents.report}, then approve each recipe: brandlock recipe approve <category...> --lock ${values.lock} --by <name> --pilot ${values.out ?? 'delivery'}`] : outcome.gate.mode === 'full-unchecked' ? ['Recipe approval skipped (--skip-approval): unapproved recipes were produced'] : []),
          `${outcome.interrupted ? 'Stopped' : 'Done'} in ${seconds >= 60 ? `${Math.floor(seconds / 60)}m${String(seconds % 60).padStart(2, '0')}s` : `${seconds}s`}: ${outcome.skus} SKUs planned, ${outcome.masters} of ${outcome.planned} masters made`,
          `  delivered   ${variants} channel files, ${flagged} masters to retouch (flagged/), ${rejected} to regenerate (rejected/)`,
          ...(enlarged.length ? [`  enlarged    ${enlarged.length} channel file${enlarged.length === 1 ? '' : 's'} past the lock's maxUpscale (${enlargedByChannel(enlarged)}): the masters are smaller than those channels ask; see upscale in the manifest`] : []),
          ...(videos ? [`  video       ${videos} channel cuts with poster frames`] : []),
          ...(outcome.problems.length ? [`  problems    ${outcome.problems.length}:`, ...outcome.problems.slice(0, 20).map((p) => `    ${p.where}: ${p.message}`), ...(outcome.problems.length > 20 ? [`    ... and ${outcome.problems.length - 20} more in the report`] : [])] : ['  problems    none']),
          `  report      ${outcome.documents.report}`,
          `  manifest    ${outcome.documents.manifest} (and manifest.csv, audit.jsonl)`,
          ...(outcome.logFile ? [`  server log  ${outcome.logFile}`] : []),
          ...(outcome.interrupted ? ['', 'Run the same command again to continue where it stopped.'] : []),
          '',
        ].join('\n'),
      );
    }
    if (outcome.interrupted) return 130;
    return outcome.problems.length ? EXIT.invalid : EXIT.ok;
  },
};

/** The brand id of a lock file, for its approval ledger (the lock itself is checked later). */
async function brandIdOf(lockPath: string): Promise<string> {
  try {
    const id = (JSON.parse(await readFile(lockPath, 'utf8')) as { brand?: { id?: unknown } }).brand?.id;
    return typeof id === 'string' && /^[a-z0-9][a-z0-9_-]{0,63}$/.test(id) ? id : 'brand';
  } catch {
    return 'brand';
  }
}

/** "zalando 12, marketplace 12": how many enlarged files each channel has, most first. */
function enlargedByChannel(files: readonly { channel: string }[]): string {
  const counts = new Map<string, number>();
  for (const f of files) counts.set(f.channel, (counts.get(f.channel) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([c, n]) => `${c} ${n}`).join(', ');
}
