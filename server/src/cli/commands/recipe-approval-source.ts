/**
 * Where the recipe commands and `produce` find approvals: a running server (--server, --token) or
 * the brand's ledger beside the lock (--approvals, default <brand id>.approvals.jsonl).
 */
import { resolve } from 'node:path';
import type { RecipeApproval } from '@brandlock/core';
import { createBrandlockClient } from '@brandlock/core/api';
import type { CliArgs, CliIo, CliOption } from '../command';
import { UsageError } from '../command';
import { approvalsPathFor, readApprovalLedger } from '../../lock-setup/approval-ledger';

export const approvalOptions: Record<string, CliOption> = {
  approvals: { type: 'string', value: '<file>', description: 'Approval ledger (default: <brand id>.approvals.jsonl beside the lock)' },
  server: { type: 'string', value: '<url>', description: 'Read and record approvals on a running brandlock server instead' },
  token: { type: 'string', value: '<token>', description: 'Token for --server (or set BRANDLOCK_TOKEN)' },
};

export function approvalServer(args: CliArgs, io: CliIo) {
  if (typeof args.values.server !== 'string') return null;
  const token = (args.values.token as string | undefined) ?? io.env.BRANDLOCK_TOKEN;
  if (!token) throw new UsageError('--server needs --token <token> (or BRANDLOCK_TOKEN)');
  return createBrandlockClient({ baseUrl: args.values.server, token });
}

/** Approvals from the server or the ledger, with the ledger's unreadable lines as problems. */
export async function loadApprovals(args: CliArgs, io: CliIo, lockPath: string, brandId: string): Promise<{ approvals: RecipeApproval[]; problems: string[]; source: string }> {
  const api = approvalServer(args, io);
  if (api) return { approvals: (await api.recipes.list()).approvals, problems: [], source: String(args.values.server) };
  const path = typeof args.values.approvals === 'string' ? resolve(io.cwd, args.values.approvals) : approvalsPathFor(lockPath, brandId);
  return { ...(await readApprovalLedger(path)), source: path };
}
