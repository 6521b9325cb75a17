/** `brandlock lock schema`: prints the JSON Schema of a lock file, for editor autocompletion. */
import { brandLockJsonSchema } from '@brandlock/core';
import { EXIT, type CliCommand } from '../command';

export const lockSchema: CliCommand = {
  path: ['lock', 'schema'],
  summary: 'Print the JSON Schema of a Brand Lock, so editors can autocomplete lock files',
  usage: '',
  description: 'Save it beside your lock (e.g. brand-lock.schema.json) and point the lock\'s "$schema" at it.',
  positionals: { min: 0, max: 0 },
  async run(_args, io) {
    io.out(JSON.stringify(brandLockJsonSchema(), null, 2) + '\n');
    return EXIT.ok;
  },
};
