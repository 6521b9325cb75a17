/** `brandlock plan <brief> --lock <lock> [--json]`: the jobs a season needs, with resolved recipes. */
import { formatBriefIssue, planBrief } from '@brandlock/core';
import { EXIT, type CliCommand } from '../command';
import { readBriefFile } from '../../io/read-brief-file';
import { jsonOption, lockOption, requireLock } from './shared-options';

export const plan: CliCommand = {
  path: ['plan'],
  summary: 'Plan a season: one job per SKU x view with the recipe fully resolved from the lock',
  usage: '<brief.csv|brief.json> --lock <lock.json>',
  description:
    'Bad rows are reported with their row number, column and reason, and the good rows are still planned. ' +
    'The plan is deterministic: the same brief and lock always give the same jobs and hashes. ' +
    'Exit 0 when every row planned, 1 when some rows were skipped.',
  options: { lock: lockOption, json: { ...jsonOption, description: 'Print the full plan as JSON (jobs with resolved recipes)' } },
  positionals: { min: 1, max: 1 },
  async run(args, io) {
    const lock = await requireLock(args, io);
    const file = args.positionals[0];
    const parsed = await readBriefFile(file);
    const result = planBrief(parsed.brief, lock.lock, lock.hash);
    const issues = [...parsed.issues, ...result.issues].sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
    const errors = issues.filter((i) => i.severity === 'error');
    const skipped = new Set(errors.map((i) => i.row)).size;
    for (const issue of issues) io.err(`${formatBriefIssue(issue, file)}\n`);
    if (args.values.json) {
      io.out(JSON.stringify({ brief: file, lockHash: result.lockHash, planHash: result.planHash, skuCount: result.skuCount, jobCount: result.jobs.length, skippedRows: skipped, issues, jobs: result.jobs }, null, 2) + '\n');
      return errors.length ? EXIT.invalid : EXIT.ok;
    }
    const byCategory = new Map<string, { skus: Set<string>; jobs: number }>();
    for (const job of result.jobs) {
      const entry = byCategory.get(job.category) ?? { skus: new Set(), jobs: 0 };
      entry.skus.add(`${job.sku}/${job.colorway}`);
      entry.jobs++;
      byCategory.set(job.category, entry);
    }
    const lines = [
      `Plan for ${file} with ${lock.lock.brand.name} ${lock.lock.version}`,
      `  lock hash  ${result.lockHash}`,
      `  plan hash  ${result.planHash}`,
      `  ${result.skuCount} SKUs planned, ${result.jobs.length} jobs (SKU x view), ${skipped} rows skipped`,
      '',
      '  category              SKUs  jobs  channels per master',
      ...[...byCategory].map(([cat, e]) => {
        const channels = new Set(result.jobs.filter((j) => j.category === cat).flatMap((j) => j.channels)).size;
        return `  ${cat.padEnd(20)}  ${String(e.skus.size).padStart(4)}  ${String(e.jobs).padStart(4)}  ${channels}`;
      }),
      '',
      'Run with --json for every job and its resolved recipe.',
      '',
    ];
    io.out(lines.join('\n'));
    return errors.length ? EXIT.invalid : EXIT.ok;
  },
};
