/**
 * Turns `lut apply`'s `<files or folders...> --out <dir>` into one job per file: a file named on the
 * command line is written as `<dir>/<its name>`, a file found in a folder keeps its path below that
 * folder, and every output keeps its source's format. What cannot be graded is said before anything
 * runs: formats the command cannot write, two sources that would write one output, an output that
 * would replace its own source. The output folder is never searched for sources.
 */
import { realpath, stat } from 'node:fs/promises';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { collectImageFiles } from '../qc/collect-image-files';
import { formatForPath } from './output-format';
import type { GradeFileJob } from './grade-files';

export interface GradeBatchPlan {
  jobs: GradeFileJob[];
  /** Sources that will not be graded, with why (each counts as a failure). */
  problems: { input: string; message: string }[];
  /** Sources whose output already exists (with skipExisting). */
  skipped: GradeFileJob[];
}

/** @example await planGradeBatch(['shoot/', 'extra.tif'], 'graded', process.cwd(), { skipExisting: false }) */
export async function planGradeBatch(inputs: readonly string[], outDir: string, cwd: string, options: { skipExisting: boolean }): Promise<GradeBatchPlan> {
  const out = resolve(cwd, outDir);
  const outReal = await realpath(out).catch(() => out);
  const plan: GradeBatchPlan = { jobs: [], problems: [], skipped: [] };
  const claimed = new Map<string, string>();
  for (const input of inputs) {
    const root = resolve(cwd, input);
    const isFolder = await stat(root).then((s) => s.isDirectory(), () => false);
    const found = await collectImageFiles([input], cwd);
    plan.problems.push(...found.problems);
    for (const file of found.files) {
      const real = await realpath(file).catch(() => file);
      const output = isFolder ? join(out, relative(root, file)) : join(out, basename(file));
      const outputReal = join(await realpath(dirname(output)).catch(() => dirname(output)), basename(output));
      if (outputReal === real) {
        plan.problems.push({ input: file, message: `not graded: its output ${output} would replace the source itself (choose another --out folder)` });
        continue;
      }
      // A folder's walk does not take what an earlier run wrote into an output folder inside it.
      if (isFolder && real.startsWith(outReal + sep)) continue;
      if (!formatForPath(file)) {
        plan.problems.push({ input: file, message: 'not graded: lut apply writes PNG, JPEG, TIFF and WebP files, each in its own format' });
        continue;
      }
      const key = output.toLowerCase();
      const other = claimed.get(key);
      if (other) {
        plan.problems.push({ input: file, message: `not graded: its output ${output} is already the output of ${other} (file names that differ only in case are one file on macOS and Windows)` });
        continue;
      }
      claimed.set(key, file);
      const job = { input: file, output };
      if (options.skipExisting && (await stat(output).then((s) => s.isFile(), () => false))) plan.skipped.push(job);
      else plan.jobs.push(job);
    }
  }
  return plan;
}
