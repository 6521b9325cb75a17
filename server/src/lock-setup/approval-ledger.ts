/**
 * The offline record of recipe approvals: a JSON-lines file per brand beside its lock files
 * (`northfold.approvals.jsonl` for brand id northfold), so every lock version kept in that folder
 * reads the same approvals; appended one decision a line and synced, so
 * an approval survives a crash and history is never rewritten. A line that does not parse is
 * reported by its number and ignored; the others still count.
 */
import { open, readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { RecipeApproval } from '@brandlock/core';

/** The brand's ledger beside a lock file. @example approvalsPathFor('samples/brand-lock.json', 'northfold') // "samples/northfold.approvals.jsonl" */
export function approvalsPathFor(lockPath: string, brandId: string): string {
  return join(dirname(lockPath), `${brandId}.approvals.jsonl`);
}

export async function readApprovalLedger(path: string): Promise<{ approvals: RecipeApproval[]; problems: string[] }> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { approvals: [], problems: [] };
    throw new Error(`${path}: cannot read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
  const approvals: RecipeApproval[] = [];
  const problems: string[] = [];
  text.split('\n').forEach((line, i) => {
    if (!line.trim()) return;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      problems.push(`${path}:${i + 1}: not JSON; the line is ignored`);
      return;
    }
    const res = RecipeApproval.safeParse(value);
    if (res.success) approvals.push(res.data);
    else problems.push(`${path}:${i + 1}: ${res.error.issues[0].path.join('.') || '$'}: ${res.error.issues[0].message}; the line is ignored`);
  });
  return { approvals, problems };
}

/** Appends decisions and syncs the file before returning. */
export async function appendApprovals(path: string, approvals: readonly RecipeApproval[]): Promise<void> {
  const handle = await open(path, 'a');
  try {
    await handle.write(approvals.map((a) => `${JSON.stringify(a)}\n`).join(''));
    await handle.sync();
  } finally {
    await handle.close();
  }
}
