/**
 * Shows that the demo brand's lock (samples/brand-lock.json) could have been set up from what the
 * brand already had, with brandlock's own set-up commands, on samples/photos:
 *  1. the old photos go into an asset library (kind, category, colour, backdrop, findings);
 *  2. the palette comes from the colour team's swatch table (CSV: name, id, code, colour, tolerance;
 *     written here from the sample palette) into a lock whose palette is empty, and the designers' .ase
 *     file is imported on top: every swatch must come back unchanged (an .ase has no ids or
 *     tolerances, so it is matched by name);
 *  3. a swatch is measured from an approved photo with QC's own measure;
 *  4. the packshot lighting preset is calibrated from the white-background packshots (its proposal and
 *     spread are printed beside what the sample lock says);
 *  5. a pilot pass makes one SKU per category of samples/brief.csv, and the recipes are approved;
 *  6. lock diff: the set-up lock against the sample lock.
 * Usage: node scripts/run-ts.mjs scripts/build-sample-lock.ts [--no-pilot] [--keep]
 * It works in a temporary folder and changes nothing in samples/.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeAse } from '../core/src/index';
import { runCli } from '../server/src/cli/run-cli';
import type { CliIo } from '../server/src/cli/command';

const args = process.argv.slice(2);
const root = process.cwd();
const samples = join(root, 'samples');
const dir = mkdtempSync(join(tmpdir(), 'brandlock-setup-'));
const env = { ...process.env, BRANDLOCK_DATA: join(dir, 'library'), BRANDLOCK_POLL_MIN_MS: '100' };

async function step(title: string, argv: string[], show = (out: string) => out): Promise<{ code: number; out: string }> {
  let out = '';
  let err = '';
  const io: CliIo = { out: (t) => void (out += t), err: (t) => void (err += t), isTTY: false, cwd: dir, env, signal: new AbortController().signal };
  const code = await runCli(argv, io);
  console.log(`\n== ${title}\n$ brandlock ${argv.map((a) => (/\s/.test(a) ? JSON.stringify(a) : a)).join(' ')}   (exit ${code})`);
  const shown = show(out).trimEnd();
  if (shown) console.log(shown);
  if (err.trim()) console.log(err.trimEnd().split('\n').slice(0, 12).map((l) => `  ! ${l}`).join('\n'));
  return { code, out };
}

cpSync(join(samples, 'photos'), join(dir, 'photos'), { recursive: true });
cpSync(join(samples, 'luts'), join(dir, 'luts'), { recursive: true });
cpSync(join(samples, 'brief.csv'), join(dir, 'brief.csv'));
const sample = JSON.parse(readFileSync(join(samples, 'brand-lock.json'), 'utf8'));
// What the brand wrote by hand (models, lighting set-ups, recipes, channels, naming) stays; the palette starts empty.
writeFileSync(join(dir, 'start.json'), JSON.stringify({ ...sample, $schema: undefined, palette: { ...sample.palette, swatches: [] } }, null, 2));
writeFileSync(join(dir, 'northfold-ss27.ase'), writeAse(sample.palette.swatches, 'Northfold SS27'));
const csvCell = (v: unknown) => (v === undefined ? '' : /[",\n]/.test(String(v)) ? `"${String(v).replace(/"/g, '""')}"` : String(v));
writeFileSync(join(dir, 'palette.csv'), ['name,id,code,color,tolerance', ...sample.palette.swatches.map((w: Record<string, unknown>) => [w.name, w.id, w.code, w.color, w.tolerance].map(csvCell).join(','))].join('\n') + '\n');

await step('1. the old photos into the asset library', ['library', 'add', 'photos', '--lock', 'start.json', '--brief', 'brief.csv'], (out) => `${out.trimEnd().split('\n').slice(0, 6).join('\n')}\n  ...\n${out.trimEnd().split('\n').slice(-1)[0]}`);
await step('   what the library cannot source: SKUs without a usable photo', ['library', 'coverage', 'brief.csv', '--lock', join(samples, 'brand-lock.json')], (out) => out.split('\n').slice(-2).join('\n'));
await step('2. the palette from the colour team\'s swatch table', ['palette', 'import', 'palette.csv', '--lock', 'start.json', '--out', 'set-up.json'], (out) => out.trimEnd().split('\n').slice(-1).join('\n'));
await step('   the designers\' .ase file agrees with it', ['palette', 'import', 'northfold-ss27.ase', '--lock', 'set-up.json'], (out) => out.trimEnd().split('\n').slice(-1).join('\n'));
await step('3. a swatch measured from an approved photo (QC\'s swatch measure)', ['palette', 'measure', 'photos/packshot/solidus-hoodie-red-cutout.png', '--lock', 'set-up.json', '--name', 'Poppy check']);
await step('4. the packshot light calibrated from the white-background packshots', ['lock', 'calibrate', 'packshot-white', 'photos/packshot/solidus-hoodie-blue-white-bg.jpg', 'photos/packshot/solidus-polo-red-navy-white-bg.jpg', 'photos/packshot/solidus-zip-hoodie-grey-white-bg.jpg', '--lock', 'set-up.json']);
if (!args.includes('--no-pilot')) {
  await step('5. pilot pass: one SKU per category', ['produce', 'brief.csv', '--lock', 'set-up.json', '--out', 'pilot', '--pilot', '1'], (out) => out.split('\n').filter((l) => /Pilot|Done|delivered|report/.test(l)).join('\n'));
  await step('   the art director approves every category\'s recipe', ['recipe', 'approve', '--all', '--lock', 'set-up.json', '--by', 'Northfold art direction (sample)', '--pilot', 'pilot'], (out) => out.split('\n').slice(-2).join('\n'));
  await step('   recipe status', ['recipe', 'status', '--lock', 'set-up.json']);
}
const diff = await step('6. the set-up lock against samples/brand-lock.json', ['lock', 'diff', join(samples, 'brand-lock.json'), join(dir, 'set-up.json')]);
const same = /no changes: the two locks have the same content/.test(diff.out);
console.log(`\n${same ? 'The set-up lock has the same content (and hash) as the demo lock.' : 'The set-up lock differs from the demo lock as listed above.'} Work folder: ${dir}`);
if (!args.includes('--keep')) rmSync(dir, { recursive: true, force: true });
process.exitCode = same ? 0 : 1;
