/** `brandlock palette measure <photos...> --lock <lock> --name <name>`: a swatch from approved reference photos. */
import { createHash } from 'node:crypto';
import { dirname, relative, resolve, sep } from 'node:path';
import { addSwatches, combineLabs, formatLockIssue, formatPaletteIssue, labNotation, measureSwatch, nearestSwatch, SWATCH_MEASURE_VERSION, type Palette } from '@brandlock/core';
import { EXIT, InputError, UsageError, type CliCommand } from '../command';
import { writeLockFile } from '../../io/write-lock-file';
import { readPhotoForMeasure } from '../../lock-setup/read-photo-for-measure';
import { jsonOption, requireLock } from './shared-options';

export const paletteMeasure: CliCommand = {
  path: ['palette', 'measure'],
  summary: 'Measure a swatch from approved reference photos (the garment colour QC measures)',
  usage: '<photos...> --lock <lock.json> --name <swatch name> [--out <new-lock.json>]',
  description: `Measures each photo's swatch with QC's own swatch measure (the lit half of the garment's dominant
fabric; the same function "brandlock swatch measure" and the QC colour rule use), combines them (component-wise median) and
shows how far each photo is from the result (ΔE00). Photos that disagree by more than the palette's
tolerance are a reason to check the references before the swatch enters the lock. With --out the swatch
is added to the palette (--replace to overwrite a swatch of the same id); measured from one photo inside
the lock's folder it is pinned to that photo ("measured"), which "brandlock lock check" re-measures.`,
  options: {
    lock: { type: 'string', short: 'l', value: '<lock.json>', description: 'The Brand Lock' },
    name: { type: 'string', value: '<name>', description: 'Swatch name (its id is made from it unless --id)' },
    id: { type: 'string', value: '<id>', description: 'Swatch id' },
    code: { type: 'string', value: '<code>', description: 'Pantone-style code' },
    out: { type: 'string', short: 'o', value: '<lock.json>', description: 'Write the lock with the swatch added' },
    version: { type: 'string', value: '<label>', description: 'Version label for the new lock' },
    replace: { type: 'boolean', description: 'Overwrite a swatch with the same id' },
    json: jsonOption,
  },
  positionals: { min: 1, max: 50 },
  async run(args, io) {
    const { values, positionals } = args;
    if (typeof values.name !== 'string' || !values.name.trim()) throw new UsageError('--name <swatch name> is required');
    const lock = await requireLock(args, io);
    const rows: { file: string; lab: { l: number; a: number; b: number } | null; error?: string; sha256?: string }[] = [];
    for (const file of positionals) {
      try {
        const { image, bytes } = await readPhotoForMeasure(resolve(io.cwd, file));
        rows.push({ file, lab: measureSwatch(image)?.lab ?? null, sha256: createHash('sha256').update(bytes).digest('hex'), ...(measureSwatch(image) ? {} : { error: 'no garment found (no subject against the backdrop)' }) });
      } catch (e) {
        rows.push({ file, lab: null, error: (e as Error).message });
      }
    }
    const good = rows.filter((r) => r.lab);
    for (const r of rows) if (r.error) io.err(`  ${r.file}: ${r.error}\n`);
    if (!good.length) throw new InputError('no photo could be measured');
    const combined = combineLabs(good.map((r) => r.lab!));
    const color = labNotation(combined.lab, 2);
    const near = nearestSwatch(combined.lab, lock.lock.palette);
    const tolerance = lock.lock.palette.defaultTolerance;
    const source = { name: values.name.trim(), ...(typeof values.id === 'string' ? { id: values.id } : {}), ...(typeof values.code === 'string' ? { code: values.code } : {}), color, original: `median of ${good.length} photo${good.length === 1 ? '' : 's'}`, conversion: `QC's swatch measure (${SWATCH_MEASURE_VERSION}), Lab D65`, file: positionals.join(', '), entry: 1 };
    let written: string | null = null;
    let issues: ReturnType<typeof addSwatches>['issues'] = [];
    if (typeof values.out === 'string') {
      const doc = structuredClone(lock.raw) as Record<string, unknown> & { palette: Palette };
      const merged = addSwatches(doc.palette, [source], { replace: Boolean(values.replace) });
      issues = merged.issues;
      if (!issues.length) {
        // One photo inside the lock's folder: pin the swatch to it, so "lock check" can measure it again.
        const rel = good.length === 1 ? relative(dirname(resolve(io.cwd, values.out)), resolve(io.cwd, good[0].file)).split(sep).join('/') : null;
        const pin = rel && !rel.startsWith('..') && !rel.startsWith('/') ? { image: rel, sha256: good[0].sha256!, measure: SWATCH_MEASURE_VERSION as typeof SWATCH_MEASURE_VERSION } : null;
        const id = merged.changes[0]?.id;
        doc.palette = { ...doc.palette, swatches: merged.palette.swatches.map((sw) => (pin && sw.id === id ? { ...sw, measured: pin } : sw)) };
        if (typeof values.version === 'string') doc.version = values.version;
        const res = await writeLockFile(resolve(io.cwd, values.out), doc);
        if (!res.success) {
          for (const i of res.issues) io.err(`  ${formatLockIssue(i)}\n`);
          throw new InputError(`${values.out}: not a valid lock with this swatch; nothing written`);
        }
        written = res.path;
      }
    }
    if (values.json) {
      io.out(`${JSON.stringify({ name: source.name, color, lab: combined.lab, spread: combined.spread, photos: rows.map((r) => ({ file: r.file, lab: r.lab, deltaE: r.lab ? combined.deltaE[good.indexOf(r)] : null, error: r.error })), nearest: near ? { id: near.swatch.id, deltaE: near.deltaE } : null, written, issues }, null, 2)}\n`);
    } else {
      good.forEach((r, i) => io.out(`  ${r.file}: ${labNotation(r.lab!, 1)}  ΔE00 ${combined.deltaE[i].toFixed(2)} from the median\n`));
      io.out(`${source.name}: ${color} from ${good.length} photo${good.length === 1 ? '' : 's'}, spread ΔE00 ${combined.spread.toFixed(2)}${combined.spread > tolerance ? ` (above the palette tolerance ${tolerance}: check that the references show the same colour)` : ''}\n`);
      if (near) io.out(`  nearest existing swatch: ${near.swatch.id} (${near.swatch.name}), ΔE00 ${near.deltaE.toFixed(2)}\n`);
      for (const i of issues) io.err(`  ${formatPaletteIssue(i)}\n`);
      if (written) io.out(`  wrote ${written}\n`);
    }
    return rows.some((r) => r.error) || issues.length ? EXIT.invalid : EXIT.ok;
  },
};
