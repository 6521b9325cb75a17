/** `brandlock palette export --lock <lock> <out.ase|out.aco>`: the palette for Illustrator, InDesign and Photoshop. */
import { rename, rm, writeFile } from 'node:fs/promises';
import { extname, resolve } from 'node:path';
import { writeAco, writeAse } from '@brandlock/core';
import { EXIT, InputError, UsageError, type CliCommand } from '../command';
import { lockOption, requireLock } from './shared-options';

export const paletteExport: CliCommand = {
  path: ['palette', 'export'],
  summary: 'Write the lock\'s palette as an .ase or .aco swatch file',
  usage: '<out.ase|out.aco> --lock <lock.json>',
  description: 'Hex swatches are written as RGB, Lab swatches as Lab D50 (what Adobe applications use), with names and Pantone-style codes.',
  options: { lock: lockOption },
  positionals: { min: 1, max: 1 },
  async run(args, io) {
    const out = resolve(io.cwd, args.positionals[0]);
    const kind = extname(out).toLowerCase();
    if (kind !== '.ase' && kind !== '.aco') throw new UsageError(`${out}: expected a name ending in .ase or .aco`);
    const { lock } = await requireLock(args, io);
    const bytes = kind === '.ase' ? writeAse(lock.palette.swatches, `${lock.brand.name} ${lock.version}`) : writeAco(lock.palette.swatches);
    const temp = `${out}.${process.pid}.tmp`;
    try {
      await writeFile(temp, bytes);
      await rename(temp, out);
    } catch (e) {
      await rm(temp, { force: true });
      throw new InputError(`${out}: cannot write (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
    }
    io.out(`${out}: ${lock.palette.swatches.length} swatches, ${bytes.length} bytes\n`);
    return EXIT.ok;
  },
};
