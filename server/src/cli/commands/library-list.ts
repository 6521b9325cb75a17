/** `brandlock library list [--tag] [--sku] [--kind] [--category] [--color] [--usable]`: search the asset library. */
import { deltaE2000, resolveColor } from '@brandlock/core';
import type { LibraryAsset } from '@brandlock/core/api';
import { EXIT, InputError, UsageError, type CliCommand } from '../command';
import { readLockFile } from '../../io/read-lock-file';
import { listLibraryAssets } from '../../store/library';
import { jsonOption } from './shared-options';
import { libraryOptions, withLibrary } from './library-shared';
import { resolve } from 'node:path';

export const libraryList: CliCommand = {
  path: ['library', 'list'],
  summary: 'Search the asset library by tag, SKU, kind, category, colour or path words',
  usage: '[--tag t] [--sku s] [--kind flat-lay|ghost|on-model] [--category c] [--color <hex|lab()|swatch>] [--within ΔE] [--usable]',
  options: {
    tag: { type: 'string', value: '<tag>', description: 'Assets with this tag' },
    sku: { type: 'string', value: '<sku>', description: 'Assets of this SKU' },
    kind: { type: 'string', value: '<kind>', description: 'flat-lay, ghost or on-model' },
    category: { type: 'string', value: '<id>', description: 'Garment category id' },
    q: { type: 'string', value: '<words>', description: 'Words in the path' },
    color: { type: 'string', value: '<colour>', description: 'Garment colour near this hex, lab() or (with --lock) swatch id; nearest first' },
    within: { type: 'string', value: '<ΔE00>', description: 'How near for --color', default: '5' },
    lock: { type: 'string', short: 'l', value: '<lock.json>', description: 'For swatch ids in --color' },
    usable: { type: 'boolean', description: 'Only photos usable as a production source' },
    ...libraryOptions,
    json: jsonOption,
  },
  positionals: { min: 0, max: 0 },
  async run(args, io) {
    const v = args.values;
    const str = (k: string) => (typeof v[k] === 'string' ? (v[k] as string) : undefined);
    if (str('kind') && !['flat-lay', 'ghost', 'on-model'].includes(str('kind')!)) throw new UsageError(`--kind "${str('kind')}" is not flat-lay, ghost or on-model`);
    const within = Number(str('within') ?? 5);
    if (!(within >= 0)) throw new UsageError(`--within "${str('within')}" is not a number`);
    const lock = str('lock') ? await readLockFile(resolve(io.cwd, str('lock')!)) : null;
    const target = str('color') ? resolveColor(str('color')!, lock?.success ? lock.lock.palette : undefined) : null;
    if (target && !target.success) throw new InputError(`--color: ${target.message}`);
    let assets: (LibraryAsset & { deltaE?: number })[] = await withLibrary(args, io, async (access) => {
      const filter = { tag: str('tag'), sku: str('sku'), kind: str('kind'), category: str('category'), q: str('q'), usable: v.usable ? true : undefined };
      if (access.kind === 'api') return (await access.api.library.list({ ...filter, usable: v.usable ? 'true' : undefined, limit: 1000 })).assets;
      return listLibraryAssets(access.db, filter);
    });
    if (target?.success) {
      assets = assets.flatMap((a) => (a.color ? [{ ...a, deltaE: Math.round(deltaE2000(a.color.lab, target.lab) * 100) / 100 }] : [])).filter((a) => a.deltaE! <= within).sort((a, b) => a.deltaE! - b.deltaE!);
    }
    if (v.json) io.out(`${JSON.stringify({ assets }, null, 2)}\n`);
    else {
      for (const a of assets) io.out(`  ${a.id.slice(0, 12)}  ${a.path.padEnd(48).slice(0, 60)} ${a.kind.padEnd(8)} ${(a.category ?? '?').padEnd(15)} ${(a.sku ?? '-').padEnd(12)} ${a.color?.hex ?? '-'}${a.deltaE !== undefined ? ` ΔE00 ${a.deltaE.toFixed(2)}` : ''}${a.tags.length ? `  #${a.tags.join(' #')}` : ''}${a.usable ? '' : '  (not usable)'}\n`);
      io.out(`${assets.length} asset${assets.length === 1 ? '' : 's'}\n`);
    }
    return EXIT.ok;
  },
};
