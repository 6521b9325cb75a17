/**
 * `brandlock qc <files or folders> --lock <lock> [--brief <brief>] [--report <dir>] [--json]
 * [--fail-on reject|flag]`: automated QC of a batch of images against the lock's category
 * thresholds, with a self-contained HTML report. Bad files become error rows; the batch goes on.
 */
import { failingFindings, formatBriefIssue, planBrief, type PlannedJob, type QcImageRecord, type QcReport } from '@brandlock/core';
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { EXIT, UsageError, type CliCommand, type CliIo } from '../command';
import { readBriefFile } from '../../io/read-brief-file';
import { findingTitle, limitText, measuredText } from '../../report/finding-labels';
import { jsonOption, lockOption, requireLock } from './shared-options';

const VERDICT_WORD = { pass: 'PASS  ', flag: 'FLAG  ', reject: 'REJECT', error: 'ERROR ' } as const;

function fileLine(r: QcImageRecord): string {
  const what = [r.sku, r.category].filter(Boolean).join(' ');
  const head = `${VERDICT_WORD[r.verdict]}  ${r.file}${what ? `  [${what}]` : ''}`;
  if (r.verdict === 'error') return `${head}\n         ${r.error?.code}: ${r.error?.message}\n`;
  const reasons = failingFindings(r.findings).map((f) => {
    const limit = limitText(f);
    return `${findingTitle(f)}${f.measured === null ? `: ${f.message}` : ` ${measuredText(f)}`}${limit ? ` (${limit})` : ''}`;
  });
  return `${head}\n${reasons.map((x) => `         ${x}\n`).join('')}`;
}

function summaryText(report: QcReport, written: string | null): string {
  const s = report.summary;
  const pct = (x: number) => `${Math.round(x * 100)}%`;
  const lines = [
    '',
    `${s.total} image${s.total === 1 ? '' : 's'}: ${s.pass} pass, ${s.flag} flag, ${s.reject} reject, ${s.error} error; first-pass approval ${pct(s.firstPassRate)}`,
    '',
    '  category                    images  pass  flag  reject  error  first pass',
    ...s.categories.map((c) => `  ${c.id.padEnd(26)}  ${String(c.total).padStart(6)}  ${String(c.pass).padStart(4)}  ${String(c.flag).padStart(4)}  ${String(c.reject).padStart(6)}  ${String(c.error).padStart(5)}  ${pct(c.firstPassRate).padStart(10)}`),
  ];
  if (s.reasons.length) {
    lines.push('', '  top failure reasons');
    for (const r of s.reasons.slice(0, 5)) lines.push(`  ${String(r.images).padStart(5)}  ${findingTitle(r)} (${r.rejects} reject, ${r.flags} flag)`);
  }
  if (written) lines.push('', `Report: ${written}`);
  return `${lines.join('\n')}\n`;
}

async function briefJobs(path: string, label: string, lock: Awaited<ReturnType<typeof requireLock>>, io: CliIo): Promise<PlannedJob[]> {
  const parsed = await readBriefFile(path);
  const plan = planBrief(parsed.brief, lock.lock, lock.hash);
  for (const issue of [...parsed.issues, ...plan.issues]) if (issue.severity === 'error') io.err(`${formatBriefIssue(issue, label)} (its images will be error rows)\n`);
  return plan.jobs;
}

export const qc: CliCommand = {
  path: ['qc'],
  summary: 'Automated QC of images: pass / flag / reject per garment category, with an HTML report',
  usage: '<files or folders...> --lock <lock.json> [--brief <brief>] [--report <dir>]',
  description: `Checks every image (folders are searched recursively) against its category's thresholds in the lock:
resolution, aspect, bit depth, sRGB profile, format and size; garment colour vs the SKU swatch (ΔE00);
clipping and exposure; backdrop cast; background uniformity, pure white, stray objects and fill;
sharpness at 100%; edge halo; drift within a SKU and across the batch; and human-review rules.
Files are matched to SKUs by the lock's naming template ({channel} may say "master" for a master),
or by the brief's source_images column. Flags a person or provider attached sit next to an image in
<image>.flags.json. Bad files (corrupt, unsupported, too many pixels, matching no SKU) are error rows.
Exit 0 when no image reaches --fail-on, 1 when some do or some could not be checked.`,
  options: {
    lock: lockOption,
    brief: { type: 'string', short: 'b', value: '<brief.csv|json>', description: 'Season brief: SKUs, swatches and categories for the images' },
    category: { type: 'string', value: '<id>', description: 'Category for images whose name carries none (without a brief)' },
    report: { type: 'string', short: 'r', value: '<dir>', description: 'Write qc-report.html and qc-report.json into this folder' },
    json: { ...jsonOption, description: 'Print the report as JSON instead of text' },
    'fail-on': { type: 'string', value: '<reject|flag>', description: 'Verdict from which the exit code is 1', default: 'reject' },
    concurrency: { type: 'string', value: '<n>', description: 'Images checked at once, each in its own worker process (default: one per core)' },
    'max-megapixels': { type: 'string', value: '<n>', description: 'Refuse images with more pixels than this (decompression bombs)', default: '100' },
  },
  positionals: { min: 1, max: Infinity },
  async run(args, io) {
    const failOn = args.values['fail-on'] ?? 'reject';
    if (failOn !== 'reject' && failOn !== 'flag') throw new UsageError(`--fail-on must be "reject" or "flag", not "${failOn}"`);
    const concurrency = Number(args.values.concurrency ?? availableParallelism());
    if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 32) throw new UsageError(`--concurrency must be a whole number from 1 to 32, not "${args.values.concurrency}"`);
    const megapixels = Number(args.values['max-megapixels'] ?? 100);
    if (!(megapixels > 0 && megapixels <= 1000)) throw new UsageError(`--max-megapixels must be a number from 0 to 1000, not "${args.values['max-megapixels']}"`);
    const lock = await requireLock(args, io);
    const briefFile = typeof args.values.brief === 'string' ? args.values.brief : undefined;
    const jobs = briefFile ? await briefJobs(resolve(io.cwd, briefFile), briefFile, lock, io) : undefined;
    const progress = !args.values.json;
    const { runQcBatch } = await import('../../pipeline/qc/run-qc-batch');
    const { writeQcReport } = await import('../../report/write-qc-report');
    const { report, thumbnails } = await runQcBatch(args.positionals, {
      lock: lock.lock,
      lockHash: lock.hash,
      lockFile: lock.path,
      brief: briefFile && jobs ? { file: briefFile, jobs } : undefined,
      defaultCategory: typeof args.values.category === 'string' ? args.values.category : undefined,
      cwd: io.cwd,
      concurrency,
      maxPixels: Math.round(megapixels * 1_000_000),
      thumbnails: typeof args.values.report === 'string',
      signal: io.signal,
      onFile: progress && io.isTTY ? (done, total) => io.err(`\rchecked ${done}/${total}`) : undefined,
    });
    if (progress && io.isTTY) io.err('\n');
    const written = typeof args.values.report === 'string' ? await writeQcReport(resolve(io.cwd, args.values.report), report, thumbnails) : null;
    if (args.values.json) io.out(`${JSON.stringify(report, null, 2)}\n`);
    else {
      for (const r of report.images) io.out(fileLine(r));
      io.out(summaryText(report, written?.html ?? null));
    }
    const failing = report.images.some((r) => r.verdict === 'error' || r.verdict === 'reject' || (failOn === 'flag' && r.verdict === 'flag'));
    return failing ? EXIT.invalid : EXIT.ok;
  },
};
