/** `brandlock library add <folder...>`: a brand's existing photos into the asset library. */
import { readdir, readFile, stat } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { parseBrief, planBrief } from '@brandlock/core';
import type { LibraryAsset } from '@brandlock/core/api';
import { EXIT, InputError, type CliCommand } from '../command';
import { readLockFile } from '../../io/read-lock-file';
import { ingestLibraryImage } from '../../lock-setup/ingest-library-image';
import { jsonOption } from './shared-options';
import { libraryOptions, withLibrary } from './library-shared';

const IMAGE = /\.(jpe?g|png|webp|tiff?|avif|gif|heic|heif)$/i;

export const libraryAdd: CliCommand = {
  path: ['library', 'add'],
  summary: 'Add a folder of existing photos (flat-lays, ghost mannequin, on-model) to the asset library',
  usage: '<folder or file...> [--lock <lock.json>] [--brief <brief.csv>]',
  description: `Every image under the folders is decoded as QC decodes it and described: content hash, size,
kind (flat-lay / ghost / on-model: from file and folder names, else estimated from the pixels), garment
category (from the names, against the lock's categories), SKU (from the name; with --brief, the brief's
SKUs), the garment colour (QC's measure) with the nearest palette swatch and its ΔE00, the backdrop,
and quality findings (too small, no garment, soft, clipped, cast backdrop). A file that cannot be read
is reported and the rest go on. The same photo added twice is one asset.`,
  options: {
    lock: { type: 'string', short: 'l', value: '<lock.json>', description: 'The lock to estimate categories and swatches against (default: the server\'s current lock with --server)' },
    brief: { type: 'string', value: '<brief>', description: 'A brief whose SKUs are looked for in file names' },
    tag: { type: 'string', multiple: true, value: '<tag>', description: 'Tag every added photo (repeat)' },
    ...libraryOptions,
    json: jsonOption,
  },
  positionals: { min: 1, max: 100 },
  async run(args, io) {
    const lockRead = typeof args.values.lock === 'string' ? await readLockFile(resolve(io.cwd, args.values.lock)) : null;
    if (lockRead && !lockRead.success) throw new InputError(`${args.values.lock}: the lock is invalid; run "brandlock lock check ${args.values.lock}"`);
    const lock = lockRead?.success ? lockRead : null;
    let knownSkus: string[] = [];
    if (typeof args.values.brief === 'string') {
      if (!lock) throw new InputError('--brief needs --lock (the brief is planned against it)');
      const text = await readFile(resolve(io.cwd, args.values.brief), 'utf8').catch(() => {
        throw new InputError(`${args.values.brief}: no such file`);
      });
      knownSkus = [...new Set(planBrief(parseBrief(text).brief, lock.lock).jobs.map((j) => j.sku))];
    }
    const files: { abs: string; rel: string }[] = [];
    const problems: string[] = [];
    for (const p of args.positionals) {
      const root = resolve(io.cwd, p);
      try {
        if ((await stat(root)).isDirectory()) for (const f of await walk(root)) files.push({ abs: f, rel: relative(root, f) });
        else files.push({ abs: root, rel: p.split(/[\\/]/).pop()! });
      } catch {
        problems.push(`${p}: no such file or folder`);
      }
    }
    const tags = (args.values.tag as string[] | undefined) ?? [];
    const added: LibraryAsset[] = [];
    let created = 0;
    await withLibrary(args, io, async (access) => {
      for (const f of files) {
        if (io.signal.aborted) break;
        try {
          const bytes = await readFile(f.abs);
          const res = access.kind === 'api'
            ? await access.api.library.add(bytes, f.rel, { tags })
            : await ingestLibraryImage(access.db, access.blobs, bytes, { path: f.rel, addedBy: `cli (${io.env.USER ?? 'unknown user'})`, lock: lock?.lock ?? null, lockHash: lock?.hash ?? null, knownSkus, tags, maxPixels: access.maxPixels });
          const asset = 'asset' in res ? res.asset : res;
          if ('asset' in res ? res.created : res.created) created++;
          added.push(asset);
          if (!args.values.json) io.out(line(asset));
        } catch (e) {
          problems.push(`${f.rel}: ${(e as Error).message.replace(`${f.rel}: `, '')}`);
        }
      }
    });
    for (const p of problems) io.err(`  ${p}\n`);
    if (args.values.json) io.out(`${JSON.stringify({ added, created, problems }, null, 2)}\n`);
    else io.out(`${added.length} photos read (${created} new, ${added.length - created} already in the library), ${added.filter((a) => !a.usable).length} not usable as a source, ${problems.length} could not be read\n`);
    return problems.length ? EXIT.invalid : EXIT.ok;
  },
};

function line(a: LibraryAsset): string {
  const colour = a.color ? `${a.color.hex}${a.swatch ? ` ~${a.swatch.id} ΔE00 ${a.swatch.deltaE.toFixed(2)}` : ''}` : 'no garment';
  const flags = a.findings.map((f) => (f.severity === 'unusable' ? `UNUSABLE ${f.code}` : f.code)).join(', ');
  return `  ${a.id.slice(0, 12)}  ${a.path.padEnd(48).slice(0, 60)} ${a.kind.padEnd(8)} (${a.kindSource}) ${(a.category ?? '?').padEnd(15)} ${(a.sku ?? '-').padEnd(12)} ${colour}  backdrop ${a.backdrop.kind}${flags ? `  [${flags}]` : ''}\n`;
}

async function walk(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const e of (await readdir(dir, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name))) {
    if (e.name.startsWith('.')) continue;
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...(await walk(p)));
    else if (e.isFile() && IMAGE.test(e.name)) out.push(p);
  }
  return out;
}
