/** `brandlock library coverage <brief> --lock <lock>`: which SKUs of a season have no usable source photo. */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { libraryCoverage, parseBrief, planBrief } from '@brandlock/core';
import { EXIT, InputError, type CliCommand } from '../command';
import { listLibraryAssets } from '../../store/library';
import { jsonOption, lockOption, requireLock } from './shared-options';
import { libraryOptions, withLibrary } from './library-shared';

export const libraryCoverageCommand: CliCommand = {
  path: ['library', 'coverage'],
  summary: 'List the SKUs of a brief without a usable source photo (in the brief or the library)',
  usage: '<brief.csv|json> --lock <lock.json>',
  description: 'Exit 0 when every SKU has a usable source, 1 when some have none (each listed with why).',
  options: { lock: lockOption, ...libraryOptions, json: jsonOption },
  positionals: { min: 1, max: 1 },
  async run(args, io) {
    const lock = await requireLock(args, io);
    const text = await readFile(resolve(io.cwd, args.positionals[0]), 'utf8').catch(() => {
      throw new InputError(`${args.positionals[0]}: no such file`);
    });
    const plan = planBrief(parseBrief(text).brief, lock.lock, lock.hash);
    const assets = await withLibrary(args, io, async (access) => (access.kind === 'api' ? (await access.api.library.list({ limit: 1000 })).assets : listLibraryAssets(access.db, {})));
    const skus = libraryCoverage(plan.jobs, assets.map((a) => ({ id: a.id, sku: a.sku, usable: a.usable, path: a.path })));
    const missing = skus.filter((s) => s.problem);
    if (args.values.json) io.out(`${JSON.stringify({ skus, covered: skus.length - missing.length, uncovered: missing.length }, null, 2)}\n`);
    else {
      for (const s of missing) io.out(`  ${s.sku} ${s.colorway} (${s.category}): ${s.problem}\n`);
      io.out(`${skus.length - missing.length} of ${skus.length} SKUs have a usable source; ${missing.length} have none\n`);
    }
    return missing.length ? EXIT.invalid : EXIT.ok;
  },
};
