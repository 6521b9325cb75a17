/** `brandlock brief check <brief> --lock <lock>`: reads a brief and checks every row against the lock. */
import { formatBriefIssue, planBrief } from '@brandlock/core';
import { EXIT, type CliCommand } from '../command';
import { readBriefFile } from '../../io/read-brief-file';
import { jsonOption, lockOption, requireLock } from './shared-options';

export const briefCheck: CliCommand = {
  path: ['brief', 'check'],
  summary: 'Check a season brief (CSV or JSON) against a lock, naming every bad row',
  usage: '<brief.csv|brief.json> --lock <lock.json>',
  description: 'Exit 0 when every row can be planned, 1 when any row has an error (the report lists them all).',
  options: { lock: lockOption, json: jsonOption },
  positionals: { min: 1, max: 1 },
  async run(args, io) {
    const lock = await requireLock(args, io);
    const file = args.positionals[0];
    const parsed = await readBriefFile(file);
    const plan = planBrief(parsed.brief, lock.lock, lock.hash);
    const issues = [...parsed.issues, ...plan.issues].sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
    const errors = issues.filter((i) => i.severity === 'error');
    const badRows = new Set(errors.map((i) => i.row));
    if (args.values.json) {
      io.out(JSON.stringify({ ok: errors.length === 0, file, rows: parsed.brief.rowCount, plannable: plan.skuCount, issues }, null, 2) + '\n');
    } else {
      for (const issue of issues) io.err(`${formatBriefIssue(issue, file)}\n`);
      io.out(`${file}: ${parsed.brief.rowCount} rows, ${plan.skuCount} plannable, ${badRows.size} with errors, ${issues.length - errors.length} warnings\n`);
    }
    return errors.length ? EXIT.invalid : EXIT.ok;
  },
};
