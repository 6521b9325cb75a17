/** `brandlock library edit <id> [--add-tag t] [--remove-tag t] [--kind k] [--category c] [--sku s]`: correct and tag an asset. */
import { LibraryPatch } from '@brandlock/core/api';
import { EXIT, InputError, UsageError, type CliCommand } from '../command';
import { listLibraryAssets, patchLibraryAsset } from '../../store/library';
import { jsonOption } from './shared-options';
import { libraryOptions, withLibrary } from './library-shared';

export const libraryEdit: CliCommand = {
  path: ['library', 'edit'],
  summary: 'Correct an asset\'s kind, category or SKU, and add or remove tags',
  usage: '<asset id (at least 12 hex digits)> [--add-tag t] [--remove-tag t] [--kind k] [--category c] [--sku s]',
  options: {
    'add-tag': { type: 'string', multiple: true, value: '<tag>', description: 'Add a tag (repeat)' },
    'remove-tag': { type: 'string', multiple: true, value: '<tag>', description: 'Remove a tag (repeat)' },
    kind: { type: 'string', value: '<kind>', description: 'flat-lay, ghost or on-model' },
    category: { type: 'string', value: '<id>', description: 'Garment category id ("" to clear)' },
    sku: { type: 'string', value: '<sku>', description: 'SKU ("" to clear)' },
    ...libraryOptions,
    json: jsonOption,
  },
  positionals: { min: 1, max: 1 },
  async run(args, io) {
    const v = args.values;
    const prefix = args.positionals[0].replace(/^library:/, '').toLowerCase();
    if (!/^[0-9a-f]{12,64}$/.test(prefix)) throw new UsageError(`"${args.positionals[0]}" is not an asset id (12 to 64 hex digits)`);
    const patch = LibraryPatch.safeParse({
      ...(v['add-tag'] ? { addTags: v['add-tag'] } : {}),
      ...(v['remove-tag'] ? { removeTags: v['remove-tag'] } : {}),
      ...(typeof v.kind === 'string' ? { kind: v.kind } : {}),
      ...(typeof v.category === 'string' ? { category: v.category || null } : {}),
      ...(typeof v.sku === 'string' ? { sku: v.sku || null } : {}),
    });
    if (!patch.success) throw new UsageError(`${patch.error.issues[0].path.join('.')}: ${patch.error.issues[0].message}`);
    if (!Object.keys(patch.data).length) throw new UsageError('nothing to change: give --add-tag, --remove-tag, --kind, --category or --sku');
    const asset = await withLibrary(args, io, async (access) => {
      if (access.kind === 'api') {
        const id = prefix.length === 64 ? prefix : (await access.api.library.list({ limit: 1000 })).assets.find((a) => a.id.startsWith(prefix))?.id;
        if (!id) throw new InputError(`no library asset ${prefix}`);
        return access.api.library.edit(id, patch.data);
      }
      const matches = (await listLibraryAssets(access.db, {})).filter((a) => a.id.startsWith(prefix));
      if (matches.length !== 1) throw new InputError(matches.length ? `${prefix} matches ${matches.length} assets; give more digits` : `no library asset ${prefix}`);
      return patchLibraryAsset(access.db, matches[0].id, patch.data);
    });
    if (!asset) throw new InputError(`no library asset ${prefix}`);
    if (v.json) io.out(`${JSON.stringify(asset, null, 2)}\n`);
    else io.out(`  ${asset.id.slice(0, 12)}  ${asset.path}: ${asset.kind} (${asset.kindSource}), ${asset.category ?? 'no category'}, SKU ${asset.sku ?? '-'}, tags ${asset.tags.join(', ') || 'none'}\n`);
    return EXIT.ok;
  },
};
