/** `brandlock recipe status --lock <lock>`: each category's recipe hash and whether it is approved. */
import { approvalStatus } from '@brandlock/core';
import { EXIT, type CliCommand } from '../command';
import { jsonOption, lockOption, requireLock } from './shared-options';
import { approvalOptions, loadApprovals } from './recipe-approval-source';

export const recipeStatus: CliCommand = {
  path: ['recipe', 'status'],
  summary: 'Show each category\'s recipe hash and its art director approval',
  usage: '--lock <lock.json>',
  description: 'Exit 0 when every category is approved, 1 when some are not (they are listed with the reason).',
  options: { lock: lockOption, ...approvalOptions, json: jsonOption },
  positionals: { min: 0, max: 0 },
  async run(args, io) {
    const lock = await requireLock(args, io);
    const { approvals, problems, source } = await loadApprovals(args, io, lock.path, lock.lock.brand.id);
    for (const p of problems) io.err(`warning: ${p}\n`);
    const status = approvalStatus(lock.lock, approvals);
    if (args.values.json) io.out(`${JSON.stringify({ source, recipes: status }, null, 2)}\n`);
    else {
      io.out(`${lock.lock.brand.name} ${lock.lock.version}: approvals from ${source}\n`);
      for (const s of status) io.out(`  ${s.approval ? 'ok ' : 'NO '} ${s.category.padEnd(18)} ${s.message}\n`);
    }
    return status.every((s) => s.approval) ? EXIT.ok : EXIT.invalid;
  },
};
