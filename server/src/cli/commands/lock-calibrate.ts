/** `brandlock lock calibrate <preset> <references...> --lock <lock> [--out <lock>]`: a lighting preset from approved photos. */
import { resolve } from 'node:path';
import { calibratePreset, diffLocks, formatLockIssue, labNotation, measureLighting, type LightingMeasurement } from '@brandlock/core';
import { EXIT, InputError, UsageError, type CliCommand } from '../command';
import { writeLockFile } from '../../io/write-lock-file';
import { readPhotoForMeasure } from '../../lock-setup/read-photo-for-measure';
import { jsonOption, requireLock } from './shared-options';

export const lockCalibrate: CliCommand = {
  path: ['lock', 'calibrate'],
  summary: 'Calibrate a lighting preset from 3-5 approved reference photos',
  usage: '<preset id> <photos...> --lock <lock.json> [--out <new-lock.json>]',
  description: `Measures each reference as QC does (subject mask, backdrop, mean L*), plus the backdrop's
apparent colour temperature (McCamy CCT) and the key direction and key/fill ratio from a plane fitted
to the subject's luminance, then proposes the preset: medians of each (the majority for the key
direction), with the spread between references. Where references disagree it says so. With --out the
preset is written into a new lock (tint, tolerance and prompt fragment are kept).`,
  options: {
    lock: { type: 'string', short: 'l', value: '<lock.json>', description: 'The Brand Lock' },
    out: { type: 'string', short: 'o', value: '<lock.json>', description: 'Write the lock with the calibrated preset' },
    version: { type: 'string', value: '<label>', description: 'Version label for the new lock' },
    json: jsonOption,
  },
  positionals: { min: 2, max: 20 },
  async run(args, io) {
    const [presetId, ...photos] = args.positionals;
    if (photos.length < 3) throw new UsageError(`give 3 to 5 approved reference photos for ${presetId}; found ${photos.length}`);
    const lock = await requireLock(args, io);
    const index = lock.lock.lighting.findIndex((l) => l.id === presetId);
    if (index < 0) throw new UsageError(`no lighting preset "${presetId}" in the lock; it has ${lock.lock.lighting.map((l) => l.id).join(', ')}`);
    const current = lock.lock.lighting[index];
    const rows: { file: string; m: LightingMeasurement | null; error?: string }[] = [];
    for (const file of photos) {
      try {
        const { image } = await readPhotoForMeasure(resolve(io.cwd, file));
        const m = measureLighting(image);
        rows.push({ file, m, ...(m ? {} : { error: 'no subject found against the backdrop' }) });
      } catch (e) {
        rows.push({ file, m: null, error: (e as Error).message });
      }
    }
    for (const r of rows) if (r.error) io.err(`  ${r.file}: ${r.error}\n`);
    const good = rows.filter((r) => r.m).map((r) => r.m!);
    if (good.length < 2) throw new InputError(`only ${good.length} of ${photos.length} references could be measured; need at least 2`);
    const cal = calibratePreset(current, good);
    let written: string | null = null;
    let changes: string[] = [];
    if (typeof args.values.out === 'string') {
      const doc = structuredClone(lock.raw) as Record<string, unknown> & { lighting: Record<string, unknown>[] };
      const raw = doc.lighting[index];
      doc.lighting[index] = { ...raw, colorTemperatureK: cal.preset.colorTemperatureK, keyFillRatio: cal.preset.keyFillRatio, keyDirection: cal.preset.keyDirection, exposure: { ...(raw.exposure as object), targetL: cal.preset.exposure.targetL }, background: cal.preset.background };
      if (typeof args.values.version === 'string') doc.version = args.values.version;
      const res = await writeLockFile(resolve(io.cwd, args.values.out), doc);
      if (!res.success) {
        for (const i of res.issues) io.err(`  ${formatLockIssue(i)}\n`);
        throw new InputError(`${args.values.out}: the calibrated lock is invalid; nothing written`);
      }
      written = res.path;
      changes = diffLocks(lock.lock, res.lock).map((c) => c.description);
    }
    if (args.values.json) {
      io.out(`${JSON.stringify({ preset: cal.preset, spread: cal.spread, warnings: cal.warnings, references: rows.map((r) => ({ file: r.file, ...(r.m ?? {}), error: r.error })), written, changes }, null, 2)}\n`);
    } else {
      const f1 = (n: number) => n.toFixed(1);
      io.out(`  ${'reference'.padEnd(44)} backdrop                 mean L*  CCT     key         key/fill\n`);
      for (const r of rows) {
        if (!r.m) continue;
        io.out(`  ${r.file.padEnd(44).slice(-44)} ${(r.m.backdrop ? `${r.m.backdrop.hex} ${labNotation(r.m.backdrop.lab, 0)}` : 'cut-out').padEnd(24)} ${f1(r.m.meanL).padStart(7)}  ${r.m.cctK ? `${Math.round(r.m.cctK)} K` : '-'.padEnd(6)}  ${r.m.keyDirection.padEnd(10)}  ${f1(r.m.keyFillRatio)}:1\n`);
      }
      const s = cal.spread;
      io.out(`${presetId} (${current.name}) from ${good.length} references:\n`);
      io.out(`  backdrop       ${cal.preset.background}   (was ${current.background}; references within ΔE00 ${s.backdropDeltaE ?? '-'})\n`);
      io.out(`  exposure       target L* ${cal.preset.exposure.targetL}   (was ${current.exposure.targetL}; references ${f1(s.meanL[0])} to ${f1(s.meanL[1])})\n`);
      io.out(`  colour temp.   ${cal.preset.colorTemperatureK} K   (was ${current.colorTemperatureK} K${s.cctK ? `; references ${Math.round(s.cctK[0])} to ${Math.round(s.cctK[1])} K` : ''})\n`);
      io.out(`  key direction  ${cal.preset.keyDirection}   (was ${current.keyDirection}; ${s.keyDirectionAgreement[0]} of ${s.keyDirectionAgreement[1]} references agree)\n`);
      io.out(`  key/fill       ${cal.preset.keyFillRatio}:1   (was ${current.keyFillRatio}:1; references ${f1(s.keyFillRatio[0])} to ${f1(s.keyFillRatio[1])})\n`);
      for (const w of cal.warnings) io.out(`  check: ${w}\n`);
      if (written) io.out(`wrote ${written}${changes.length ? `:\n${changes.map((c) => `  ~ ${c}`).join('\n')}` : ' (no change)'}\n`);
    }
    return rows.some((r) => r.error) ? EXIT.invalid : EXIT.ok;
  },
};
