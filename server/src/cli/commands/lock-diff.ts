/** `brandlock lock diff <a> <b>`: what changed between two versions of a lock, in words. */
import { diffLocks } from '@brandlock/core';
import { EXIT, InputError, type CliCommand } from '../command';
import { readLockFile } from '../../io/read-lock-file';
import { jsonOption } from './shared-options';

export const lockDiff: CliCommand = {
  path: ['lock', 'diff'],
  summary: 'List what changed between two versions of a lock',
  usage: '<before.json> <after.json>',
  description: 'Lists are matched by id, so reordering is not a change. Exit 0 whether or not anything changed.',
  options: { json: jsonOption },
  positionals: { min: 2, max: 2 },
  async run({ positionals, values }, io) {
    const [a, b] = await Promise.all(positionals.map((p) => readLockFile(p)));
    for (const res of [a, b]) if (!res.success) throw new InputError(`${res.path} is not a valid lock (${res.issues.length} problems); run "brandlock lock check ${res.path}"`);
    if (!a.success || !b.success) return EXIT.invalid;
    const changes = diffLocks(a.lock, b.lock);
    if (values.json) {
      io.out(JSON.stringify({ before: { file: a.path, version: a.lock.version, hash: a.hash }, after: { file: b.path, version: b.lock.version, hash: b.hash }, changes }, null, 2) + '\n');
      return EXIT.ok;
    }
    io.out(`${a.path} (${a.lock.version}, ${a.hash.slice(0, 19)}) -> ${b.path} (${b.lock.version}, ${b.hash.slice(0, 19)})\n`);
    if (!changes.length) io.out('  no changes: the two locks have the same content\n');
    for (const c of changes) io.out(`  ${c.kind === 'added' ? '+' : c.kind === 'removed' ? '-' : '~'} ${c.description}\n`);
    return EXIT.ok;
  },
};
