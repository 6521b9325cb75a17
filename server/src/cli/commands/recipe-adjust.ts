/** `brandlock recipe adjust <category> --set field=value... --lock <lock> --out <lock>`: change a recipe after a pilot. */
import { resolve } from 'node:path';
import { adjustRecipe, categoryRecipeHash, diffLocks, formatLockIssue } from '@brandlock/core';
import { EXIT, InputError, UsageError, type CliCommand } from '../command';
import { writeLockFile } from '../../io/write-lock-file';
import { lockOption, requireLock } from './shared-options';
import { approvalOptions, approvalServer } from './recipe-approval-source';

export const recipeAdjust: CliCommand = {
  path: ['recipe', 'adjust'],
  summary: 'Adjust a category\'s recipe after a pilot (a new lock version that needs its own approval)',
  usage: '<category> --set <field=value>... --lock <lock.json> --version <label> (--out <lock.json> | --server <url>)',
  description: `Sets recipe fields of one category (steps=36, guidance=4, promptTemplate="...", seed='{"policy":"per-sku"}';
values are read as JSON when they parse, else as text), checks the lock, and writes it to --out, or
with --server publishes it as a new version there (art-director or admin). Prints what changed and
the new recipe hash: run a pilot of it and approve it before the full batch.`,
  options: {
    lock: lockOption,
    set: { type: 'string', multiple: true, value: '<field=value>', description: 'A recipe field to set (repeat)' },
    version: { type: 'string', value: '<label>', description: 'Version label of the new lock, e.g. SS27.2' },
    out: { type: 'string', short: 'o', value: '<lock.json>', description: 'Where to write the adjusted lock' },
    note: { type: 'string', value: '<text>', description: 'Why (recorded on a server)' },
    ...approvalOptions,
  },
  positionals: { min: 1, max: 1 },
  async run(args, io) {
    const category = args.positionals[0];
    const sets = (args.values.set as string[] | undefined) ?? [];
    if (!sets.length) throw new UsageError('give at least one --set <field=value>');
    if (typeof args.values.version !== 'string') throw new UsageError('--version <label> is required: the adjusted lock is a new version');
    const changes: Record<string, unknown> = {};
    for (const s of sets) {
      const eq = s.indexOf('=');
      if (eq < 1) throw new UsageError(`--set "${s}" is not field=value`);
      const raw = s.slice(eq + 1);
      let value: unknown = raw;
      try {
        value = JSON.parse(raw);
      } catch {
        value = raw;
      }
      changes[s.slice(0, eq)] = value;
    }
    const lock = await requireLock(args, io);
    const adjusted = adjustRecipe(lock.raw, category, changes, args.values.version);
    if (!adjusted.success) {
      for (const i of adjusted.issues) io.err(`  ${formatLockIssue(i)}\n`);
      throw new InputError(`the adjustment of ${category} is not a valid recipe; nothing written`);
    }
    const api = approvalServer(args, io);
    if (api) {
      const res = await api.recipes.adjust(category, { changes, version: args.values.version, note: typeof args.values.note === 'string' ? args.values.note : '' });
      for (const c of res.changes) io.out(`  ~ ${c}\n`);
      io.out(`published lock ${res.lock.version} (number ${res.lock.number}); ${category}: ${res.recipe.message}\n`);
      return EXIT.ok;
    }
    if (typeof args.values.out !== 'string') throw new UsageError('--out <lock.json> is required (or --server)');
    const written = await writeLockFile(resolve(io.cwd, args.values.out), adjusted.document);
    if (!written.success) {
      for (const i of written.issues) io.err(`  ${formatLockIssue(i)}\n`);
      throw new InputError(`${args.values.out}: the adjusted lock is invalid; nothing written`);
    }
    for (const c of diffLocks(lock.lock, written.lock)) io.out(`  ~ ${c.description}\n`);
    io.out(`wrote ${written.path} (${written.lock.version}); ${category}'s recipe is now ${categoryRecipeHash(written.lock, category).slice(7, 19)}: run a pilot of it and approve it before the full batch\n`);
    return EXIT.ok;
  },
};
