/** Options and helpers several commands share (--lock, printing lock problems). */
import { formatLockIssue } from '@brandlock/core';
import { InputError, UsageError, type CliArgs, type CliIo, type CliOption } from '../command';
import { resolve } from 'node:path';
import { readLockFile } from '../../io/read-lock-file';

export const lockOption: CliOption = { type: 'string', short: 'l', value: '<lock.json>', description: 'The Brand Lock file' };
export const jsonOption: CliOption = { type: 'boolean', description: 'Print machine-readable JSON instead of text' };

/** Reads the lock named by --lock; bad locks print their problems and become an InputError. */
export async function requireLock(args: CliArgs, io: CliIo) {
  const path = args.values.lock;
  if (typeof path !== 'string') throw new UsageError('--lock <lock.json> is required');
  const res = await readLockFile(resolve(io.cwd, path));
  if (!res.success) {
    for (const issue of res.issues) io.err(`  ${formatLockIssue(issue)}\n`);
    throw new InputError(`${path}: the lock has ${res.issues.length} problem${res.issues.length === 1 ? '' : 's'}; run "brandlock lock check ${path}"`);
  }
  return res;
}
