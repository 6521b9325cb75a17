/**
 * `brandlock variants <master> --lock <lock> --sku <sku>`: one approved master to every channel of
 * the lock, named for the DAM, with provenance embedded. Prints what was written and why a channel
 * was not; exits 1 when any channel failed (the others are still written).
 */
import { availableParallelism } from 'node:os';
import { basename, dirname, resolve } from 'node:path';
import type { Box, FocalPoint } from '@brandlock/core';
import { EXIT, InputError, UsageError, type CliArgs, type CliCommand } from '../command';
import type { MakeVariantsResult } from '../../pipeline/variants/make-variants';

const str = (v: CliArgs['values'][string]) => (typeof v === 'string' ? v : undefined);

function numbers(flag: string, text: string, count: number): number[] {
  const parts = text.split(',').map((s) => Number(s.trim()));
  if (parts.length !== count || parts.some((n) => !Number.isFinite(n) || n < 0)) throw new UsageError(`--${flag} expects ${count} non-negative numbers separated by commas, got "${text}"`);
  return parts;
}

export const variants: CliCommand = {
  path: ['variants'],
  summary: 'Render every channel variant of an approved master, named for the DAM, with provenance',
  usage: '<master> --lock <lock.json> --sku <sku>',
  description: `
Decodes the master once and writes one file per channel of the lock (or --channels): cropped around
the subject, resized, padded, converted to sRGB, encoded per the channel spec (quality lowered until
maxBytes is met), with the sRGB profile, XMP (IPTC digital source type, lock hash, job, model, seed,
QC verdict) and, for JPEG, IPTC embedded. Files are named by the lock's naming template; a name that
is taken (another SKU, an existing file) is reported and never overwritten.
The subject box comes from --subject, else the master's transparency, else an estimate.
A channel that would need the master enlarged beyond its maxUpscale (the lock's, else the catalog's
by kind: hero 2, lifestyle 1.5, social 1.25, detail, marketplace and wholesale 1) is skipped with the
factor; that is not a failure.`,
  options: {
    lock: { type: 'string', value: '<file>', description: 'The Brand Lock (required)' },
    sku: { type: 'string', value: '<sku>', description: 'The SKU (required)' },
    out: { type: 'string', value: '<dir>', description: 'Output folder', default: 'variants' },
    channels: { type: 'string', value: '<a,b>', description: 'Only these channel ids (default: every channel of the lock)' },
    market: { type: 'string', value: '<XX>', description: 'Only channels for this market (ISO code); fills {market}' },
    colorway: { type: 'string', value: '<name>', description: 'Colorway, for names and metadata' },
    view: { type: 'string', value: '<id>', description: 'View (front, back, detail...)' },
    category: { type: 'string', value: '<id>', description: 'Category id, for names' },
    index: { type: 'string', value: '<n>', description: 'Sequence number for {index}', default: '1' },
    subject: { type: 'string', value: '<x,y,w,h>', description: 'The garment box in master pixels' },
    focal: { type: 'string', value: '<x,y>', multiple: true, description: 'A point to centre on (face, logo, detail); repeatable' },
    head: { type: 'string', value: '<y>', description: 'On-model: y of the top of the head, for head-to-hem framing' },
    hem: { type: 'string', value: '<y>', description: 'On-model: y of the garment hem' },
    provenance: { type: 'string', value: '<file>', description: 'JSON with jobId, provider, model, seed, recipeHash, qc, digitalSourceType...' },
    job: { type: 'string', value: '<id>', description: 'Job id' },
    provider: { type: 'string', value: '<name>', description: 'Provider that generated the master' },
    model: { type: 'string', value: '<name>', description: 'Model that generated the master' },
    seed: { type: 'string', value: '<n>', description: 'Generation seed' },
    'recipe-hash': { type: 'string', value: '<hash>', description: 'Recipe hash from the plan' },
    qc: { type: 'string', value: '<verdict>', description: 'QC verdict: pass, flag or unchecked (reject is refused)' },
    'source-type': { type: 'string', value: '<type>', description: 'IPTC digital source type: trainedAlgorithmicMedia (the default), compositeWithTrainedAlgorithmicMedia, or digitalCapture for a camera photo' },
    title: { type: 'string', value: '<text>', description: 'Title to embed (default: brand, SKU, colorway, view)' },
    description: { type: 'string', value: '<text>', description: 'Description to embed' },
    manifest: { type: 'string', value: '<file>', description: 'Also write the manifest entries as JSON to this file' },
    json: { type: 'boolean', description: 'Print the result as JSON' },
  },
  positionals: { min: 1, max: 1 },
  async run({ positionals, values }, io) {
    const lockPath = str(values.lock);
    const sku = str(values.sku);
    if (!lockPath) throw new UsageError('--lock is required');
    if (sku === undefined) throw new UsageError('--sku is required');
    const index = Number(str(values.index) ?? 1);
    if (!Number.isInteger(index) || index < 0 || index > 9999) throw new UsageError(`--index expects a whole number from 0 to 9999, got "${values.index}"`);
    const subjectText = str(values.subject);
    const [x, y, width, height] = subjectText ? numbers('subject', subjectText, 4) : [];
    const subject: Box | null = subjectText ? { x, y, width, height } : null;
    const focal: FocalPoint[] = ((values.focal as string[] | undefined) ?? []).map((f) => numbers('focal', f, 2)).map(([fx, fy]) => ({ x: fx, y: fy }));
    const head = str(values.head);
    const hem = str(values.hem);
    if ((head === undefined) !== (hem === undefined)) throw new UsageError('--head and --hem go together');
    const framing = head !== undefined && hem !== undefined ? { head: numbers('head', head, 1)[0], hem: numbers('hem', hem, 1)[0] } : null;
    const market = str(values.market)?.toUpperCase();
    if (market !== undefined && !/^[A-Z]{2}$/.test(market)) throw new UsageError(`--market expects an ISO 3166 code like DE, got "${values.market}"`);

    // The master's decode starts first and runs in libvips threads while the lock is read and checked
    // here (a bad lock is still reported first; the decode's outcome waits until it is asked for).
    const [{ default: sharp }, { loadMasterFile }] = await Promise.all([import('sharp'), import('../../pipeline/variants/load-master-file')]);
    sharp.concurrency(availableParallelism());
    const masterPath = positionals[0];
    const loading = loadMasterFile(resolve(io.cwd, masterPath), subject);
    loading.catch(() => undefined);
    const { formatLockIssue, provenanceFrom, readLockFile, selectChannels } = await import('./variants-inputs');
    const lockRes = await readLockFile(resolve(io.cwd, lockPath));
    if (!lockRes.success) throw new InputError(`${lockPath}: ${lockRes.issues.length} problem(s)\n${lockRes.issues.map((i) => `  ${formatLockIssue(i)}`).join('\n')}`);
    const ids = str(values.channels)?.split(',').map((s) => s.trim()).filter(Boolean);
    const selected = selectChannels(lockRes.lock.channels, { ids, market });
    if (!selected.success) throw new UsageError(selected.message);
    const provenance = await provenanceFrom(values, io.cwd);
    if (provenance.qc === 'reject') throw new InputError('the QC verdict is "reject": variants are made only from approved masters (pass or flag)');

    const [{ makeVariants }, { TRUSTED_SUBJECT }, { publishFile }] = await Promise.all([import('../../pipeline/variants/make-variants'), import('../../pipeline/variants/find-subject'), import('../../pipeline/variants/publish-file')]);
    let result: MakeVariantsResult;
    try {
      result = await makeVariants({ masterPath: resolve(io.cwd, masterPath), lock: lockRes.lock, lockHash: lockRes.hash, channels: selected.channels, sku, colorway: str(values.colorway), view: str(values.view), category: str(values.category), market, index, subject, loading, focal, framing, provenance, outDir: resolve(io.cwd, str(values.out) ?? 'variants'), signal: io.signal });
    } catch (e) {
      const err = e as Error;
      if (err.name === 'ImageDecodeError' || err.name === 'SubjectOutsideError') throw new InputError(`${masterPath}: ${err.message}`);
      if (err.name === 'OutputFolderError') throw new InputError(`--out: ${err.message}`);
      throw e;
    }
    const manifestPath = str(values.manifest);
    if (manifestPath) {
      const target = resolve(io.cwd, manifestPath);
      await publishFile(dirname(target), basename(target), new TextEncoder().encode(JSON.stringify(result.entries, null, 2) + '\n')).catch((e: Error) => {
        throw new InputError(`--manifest: ${e.message}`);
      });
    }
    const { info, ...master } = result.master;
    const skipped = [...selected.skipped, ...result.skipped.map((k) => ({ id: k.channel, reason: k.message }))];
    if (values.json) io.out(JSON.stringify({ ok: result.failures.length === 0, master: { file: masterPath, ...master, format: info.format, profile: info.iccDescription ?? null }, subject: result.subject, skipped, renamed: result.renamed, entries: result.entries, failures: result.failures }, null, 2) + '\n');
    else io.out(report(masterPath, result, skipped, TRUSTED_SUBJECT));
    return result.failures.length ? EXIT.invalid : EXIT.ok;
  },
};

/** `trusted`: the subject confidence below which the box is a guess. */
function report(masterPath: string, r: MakeVariantsResult, skipped: { id: string; reason: string }[], trusted: number): string {
  const s = r.subject;
  const kb = (n: number) => (n >= 1e6 ? `${(n / 1e6).toFixed(1)} MB` : `${Math.round(n / 1e3)} KB`);
  const lines = [
    `master  ${masterPath}: ${r.master.width}x${r.master.height} ${r.master.info.format}${r.master.info.iccDescription ? `, ${r.master.info.iccDescription}` : ''}`,
    `subject ${Math.round(s.box.x)},${Math.round(s.box.y)} ${Math.round(s.box.width)}x${Math.round(s.box.height)} from ${s.source}${s.confidence < trusted ? ` (a guess, confidence ${s.confidence.toFixed(2)}: used only to centre the crops; pass --subject to keep the garment whole)` : ''}`,
    ...r.renamed.map((c) => `renamed {${c.token}} ${JSON.stringify(c.from.length > 60 ? `${c.from.slice(0, 57)}...` : c.from)} to "${c.to}" in file names`),
    `wrote ${r.entries.length} variant${r.entries.length === 1 ? '' : 's'}${r.entries[0] ? ` to ${dirname(r.entries[0].path)}` : ''}`,
  ];
  const w = Math.max(0, ...r.entries.map((e) => e.channel.length));
  for (const e of r.entries) {
    lines.push(`  ${e.channel.padEnd(w)}  ${`${e.width}x${e.height}`.padEnd(9)} ${e.format.padEnd(4)} ${(e.quality === null ? '' : `q${e.quality}`).padEnd(4)} ${kb(e.bytes).padStart(7)}  ${e.file}`);
    for (const note of e.notes) lines.push(`  ${' '.repeat(w)}  note: ${note}`);
  }
  for (const k of skipped) lines.push(`skipped ${k.id}: ${k.reason}`);
  for (const f of r.failures) lines.push(`failed  ${f.channel}: ${f.message}`);
  return lines.join('\n') + '\n';
}
