/** `brandlock palette import <files...> --lock <lock> --out <lock>`: swatch files into the lock's palette. */
import { readFile } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { addSwatches, formatLockIssue, formatPaletteIssue, readSwatchFile, type ImportedSwatch, type Palette, type PaletteImportIssue } from '@brandlock/core';
import { EXIT, InputError, UsageError, type CliCommand } from '../command';
import { writeLockFile } from '../../io/write-lock-file';
import { jsonOption, requireLock } from './shared-options';

export const paletteImport: CliCommand = {
  path: ['palette', 'import'],
  summary: 'Import swatches (.ase, .aco, CSV, Pantone-style list) into a lock\'s palette',
  usage: '<swatch files...> --lock <lock.json> --out <new-lock.json>',
  description: `Reads Adobe Swatch Exchange (.ase), Photoshop swatches (.aco), a CSV table (name, code, hex or
lab() or L/a/b, illuminant, tolerance) or a Pantone-style text list, and adds the swatches to the
lock's palette. Lab D65 is kept exactly as written; Adobe files hold Lab D50, which is adapted to D65
(Bradford); RGB is read as sRGB; CMYK is refused (it needs a press profile). Every bad entry is
reported with its file and entry or line, and the good ones are imported. A swatch whose id is already
in the palette with another colour is kept as it is unless --replace. Without --out nothing is written.`,
  options: {
    lock: { type: 'string', short: 'l', value: '<lock.json>', description: 'The Brand Lock to start from' },
    out: { type: 'string', short: 'o', value: '<lock.json>', description: 'Where to write the new lock (may be the same file)' },
    version: { type: 'string', value: '<label>', description: 'Version label for the new lock, e.g. SS27.2' },
    replace: { type: 'boolean', description: 'Take the file\'s colour where a swatch id already exists' },
    json: jsonOption,
  },
  positionals: { min: 1, max: 200 },
  async run(args, io) {
    const { values, positionals } = args;
    const lock = await requireLock(args, io);
    const imported: ImportedSwatch[] = [];
    const issues: PaletteImportIssue[] = [];
    for (const file of positionals) {
      let bytes: Uint8Array;
      try {
        bytes = await readFile(resolve(io.cwd, file));
      } catch (e) {
        issues.push({ file, code: 'invalid_file', message: (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : `cannot read (${(e as NodeJS.ErrnoException).code})` });
        continue;
      }
      const res = readSwatchFile(bytes, basename(file));
      imported.push(...res.swatches.map((s) => ({ ...s, file })));
      issues.push(...res.issues.map((i) => ({ ...i, file })));
    }
    const doc = structuredClone(lock.raw) as Record<string, unknown> & { palette: Palette };
    const merged = addSwatches(doc.palette, imported, { replace: Boolean(values.replace) });
    issues.push(...merged.issues);
    let written: string | null = null;
    let hash: string | null = null;
    const changed = merged.changes.some((c) => c.kind !== 'unchanged');
    if (typeof values.out === 'string' && (changed || values.version)) {
      doc.palette = { ...doc.palette, swatches: merged.palette.swatches };
      if (typeof values.version === 'string') doc.version = values.version;
      const res = await writeLockFile(resolve(io.cwd, values.out), doc);
      if (!res.success) {
        for (const i of res.issues) io.err(`  ${formatLockIssue(i)}\n`);
        throw new InputError(`${values.out}: the imported palette does not make a valid lock; nothing written`);
      }
      written = res.path;
      hash = res.hash;
    } else if (values.version && typeof values.out !== 'string') throw new UsageError('--version needs --out');
    if (values.json) {
      io.out(`${JSON.stringify({ written, hash, changes: merged.changes.map((c) => ({ id: c.id, kind: c.kind, color: c.swatch.color, before: c.before?.color, name: c.swatch.name, code: c.swatch.code, original: c.source.original, conversion: c.source.conversion, file: c.source.file, entry: c.source.entry, line: c.source.line })), issues }, null, 2)}\n`);
    } else {
      for (const c of merged.changes) {
        const sign = c.kind === 'added' ? '+' : c.kind === 'replaced' ? '~' : '=';
        io.out(`  ${sign} ${c.id.padEnd(22)} ${c.swatch.color.padEnd(26)} ${c.swatch.name}${c.swatch.code ? ` (${c.swatch.code})` : ''}  from ${c.source.original}, ${c.source.conversion}${c.before ? `; was ${c.before.color}` : ''}\n`);
      }
      for (const i of issues) io.err(`  ${formatPaletteIssue(i)}\n`);
      const count = (k: string) => merged.changes.filter((c) => c.kind === k).length;
      io.out(`${count('added')} added, ${count('replaced')} replaced, ${count('unchanged')} already in the palette, ${issues.length} problem${issues.length === 1 ? '' : 's'}; ${written ? `wrote ${written} (${hash!.slice(0, 19)})` : typeof values.out === 'string' ? 'nothing to write' : 'not written (give --out to write the new lock)'}\n`);
    }
    return issues.length ? EXIT.invalid : EXIT.ok;
  },
};
