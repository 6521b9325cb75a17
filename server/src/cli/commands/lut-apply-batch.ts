/**
 * `brandlock lut apply <lut> <files or folders...> --out <dir>`: plans the batch, grades it on worker
 * threads, shows progress (redrawn in place on a terminal, a line per file in a log), and ends with
 * what failed and why. Ctrl-C lets the files in hand finish and reports what was done (exit 130).
 */
import { mkdir } from 'node:fs/promises';
import { dirname, relative, resolve } from 'node:path';
import type { CubeLut } from '@brandlock/core';
import { EXIT, type CliIo } from '../command';
import type { ImageGraderOptions } from '../../pipeline/lut/image-grader';
import { gradeFiles, type GradeOutcome } from '../../pipeline/lut/grade-files';
import { planGradeBatch } from '../../pipeline/lut/plan-grade-batch';
import { ProgressDisplay } from '../../produce/progress-display';

export interface GradeBatchArgs {
  lut: CubeLut;
  lutPath: string;
  inputs: string[];
  out: string;
  jobs: number;
  skipExisting: boolean;
  json: boolean;
  options: ImageGraderOptions;
}

export async function gradeBatchCommand(args: GradeBatchArgs, io: CliIo): Promise<number> {
  const started = performance.now();
  const plan = await planGradeBatch(args.inputs, args.out, io.cwd, { skipExisting: args.skipExisting });
  const show = (path: string) => relative(io.cwd, resolve(io.cwd, path)) || path;
  await mkdir(resolve(io.cwd, args.out), { recursive: true });
  for (const folder of new Set(plan.jobs.map((j) => dirname(j.output)))) await mkdir(folder, { recursive: true });
  const total = plan.jobs.length;
  // JSON output is the only thing printed; a terminal gets a line redrawn in place; a log a line per file.
  const progress = args.json ? null : new ProgressDisplay({ write: io.out, isTTY: io.isTTY });
  progress?.stage('grade', 'graded', total);
  if (io.isTTY) progress?.start();
  let done = 0;
  let failed = 0;
  const outcomes = await gradeFiles(args.lut, plan.jobs, {
    ...args.options,
    workers: args.jobs,
    signal: io.signal,
    onOutcome: (o) => {
      if (o.ok) done++;
      else failed++;
      if (!io.isTTY && !args.json) io.out(o.ok ? `${show(o.result.output)}  ${o.result.width}x${o.result.height} ${o.result.outputDepth}-bit ${o.result.format.toUpperCase()}${o.result.notes.map((n) => `\n  note: ${n}`).join('')}\n` : `error  ${show(o.job.input)}: ${o.error.message}\n`);
      progress?.update('grade', { done, failed });
    },
  });
  progress?.finish();
  const seconds = (performance.now() - started) / 1000;
  const failures = [...plan.problems.map((p) => ({ input: p.input, message: p.message })), ...outcomes.filter((o): o is Extract<GradeOutcome, { ok: false }> => !o.ok).map((o) => ({ input: o.job.input, message: o.error.message }))];
  const interrupted = io.signal.aborted && done + failed < total;
  if (args.json) {
    io.out(`${JSON.stringify({ lut: args.lutPath, out: args.out, seconds: Number(seconds.toFixed(2)), graded: outcomes.filter((o) => o.ok).map((o) => o.ok && { input: o.job.input, output: o.result.output, width: o.result.width, height: o.result.height, depth: o.result.outputDepth, format: o.result.format, bytes: o.result.bytes, notes: o.result.notes }), skipped: plan.skipped, failed: failures, interrupted }, null, 2)}\n`);
  } else {
    const title = args.lut.title ? `"${args.lut.title}"` : args.lutPath;
    const rate = done ? `, ${(done / seconds).toFixed(2)} files/s on ${Math.min(args.jobs, total)} worker${args.jobs === 1 ? '' : 's'}` : '';
    io.out(`${done} of ${total + plan.problems.length} file${total + plan.problems.length === 1 ? '' : 's'} graded with ${title} (${args.options.interpolation}) into ${show(args.out)} in ${seconds.toFixed(1)} s${rate}${plan.skipped.length ? `; ${plan.skipped.length} skipped (output exists)` : ''}${interrupted ? `; stopped with ${total - done - failed} not started` : ''}\n`);
    if (failures.length) {
      io.err(`${failures.length} file${failures.length === 1 ? '' : 's'} not graded:\n`);
      for (const f of failures) io.err(`  ${show(f.input)}: ${f.message}\n`);
    }
  }
  if (interrupted) return 130;
  return failures.length ? EXIT.invalid : EXIT.ok;
}
