/** `brandlock recipe approve <category...> --lock <lock> --by <name>`: an art director signs off recipes. */
import { resolve } from 'node:path';
import { approvalStatus, type RecipeApproval } from '@brandlock/core';
import { EXIT, UsageError, type CliCommand } from '../command';
import { lockOption, requireLock } from './shared-options';
import { approvalOptions, approvalServer } from './recipe-approval-source';
import { appendApprovals, approvalsPathFor } from '../../lock-setup/approval-ledger';

export const recipeApprove: CliCommand = {
  path: ['recipe', 'approve'],
  summary: 'Approve categories\' current recipes after a pilot pass (or --revoke an approval)',
  usage: '<category...> --lock <lock.json> --by <name> [--pilot <dir>] [--note <text>]',
  description: `Records who approved which recipe hash, when, with the pilot it was judged on. Offline the
decision is appended to the ledger beside the lock; with --server it is recorded on the server (the
token's name is who; art-director or admin tokens only) with an audit event. A full "brandlock produce"
refuses categories whose current recipe hash has no approval. Use --all for every category.`,
  options: {
    lock: lockOption,
    by: { type: 'string', value: '<name>', description: 'Who approves (offline; on a server the token says who)' },
    note: { type: 'string', value: '<text>', description: 'What was judged, or what to watch' },
    pilot: { type: 'string', value: '<dir>', description: 'The pilot delivery folder the decision was made on' },
    all: { type: 'boolean', description: 'Every category of the lock' },
    revoke: { type: 'boolean', description: 'Revoke the approval of the current recipe instead' },
    ...approvalOptions,
  },
  positionals: { min: 0, max: 200 },
  async run(args, io) {
    const lock = await requireLock(args, io);
    const ids = args.values.all ? lock.lock.categories.map((c) => c.id) : args.positionals;
    if (!ids.length) throw new UsageError('name the categories to approve, or --all');
    const unknown = ids.filter((id) => !lock.lock.categories.some((c) => c.id === id));
    if (unknown.length) throw new UsageError(`no categor${unknown.length === 1 ? 'y' : 'ies'} ${unknown.map((u) => `"${u}"`).join(', ')} in the lock; it has ${lock.lock.categories.map((c) => c.id).join(', ')}`);
    const decision = args.values.revoke ? 'revoked' : 'approved';
    const note = typeof args.values.note === 'string' ? args.values.note : '';
    const pilot = typeof args.values.pilot === 'string' ? args.values.pilot : undefined;
    const status = approvalStatus(lock.lock, [], ids);
    const api = approvalServer(args, io);
    if (api) {
      for (const s of status) {
        const res = await api.recipes.decide(s.category, { recipeHash: s.recipeHash, decision, note, ...(pilot ? { pilot } : {}), lock: lock.hash });
        io.out(`  ${s.category}: ${res.message}\n`);
      }
      return EXIT.ok;
    }
    if (typeof args.values.by !== 'string' || !args.values.by.trim()) throw new UsageError('--by <name> is required offline (who approves)');
    const at = new Date().toISOString();
    const records: RecipeApproval[] = status.map((s) => ({ brand: lock.lock.brand.id, category: s.category, recipeHash: s.recipeHash, decision, by: String(args.values.by).trim(), at, note, lockVersion: lock.lock.version, lockHash: lock.hash, ...(pilot ? { pilot } : {}) }));
    const path = typeof args.values.approvals === 'string' ? resolve(io.cwd, args.values.approvals) : approvalsPathFor(lock.path, lock.lock.brand.id);
    await appendApprovals(path, records);
    for (const r of records) io.out(`  ${r.category}: ${decision} recipe ${r.recipeHash.slice(7, 19)} by ${r.by}\n`);
    io.out(`recorded in ${path}\n`);
    return EXIT.ok;
  },
};
