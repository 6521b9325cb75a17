/**
 * Verifies the palette swatches a lock pinned to approved photos (`measured`): the photo is still the
 * one measured (SHA-256), and measuring it again by QC's swatch measure gives the swatch's `color`.
 * A missing photo is a warning (QC still compares with `color`); a changed photo or colour is an error.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { deltaE2000, labText, parseColor, type BrandLock, type LockIssue } from '@brandlock/core';
import { measureSwatchFile } from './measure-swatch-file';

/** Largest ΔE00 between `color` and a new measurement of the same photo (rounding to 2 decimals, decoder versions). */
const SAME = 0.1;

export interface PinnedSwatchCheck {
  errors: LockIssue[];
  warnings: LockIssue[];
  /** Swatches whose pin was measured again and agreed. */
  verified: string[];
}

/**
 * @example const { errors } = await verifyPinnedSwatches(lock, lockDir);
 */
export async function verifyPinnedSwatches(lock: BrandLock, dir: string): Promise<PinnedSwatchCheck> {
  const out: PinnedSwatchCheck = { errors: [], warnings: [], verified: [] };
  await Promise.all(
    lock.palette.swatches.map(async (swatch, i) => {
      const pin = swatch.measured;
      if (!pin) return;
      const path = `palette.swatches[${i}].measured`;
      const file = resolve(dir, pin.image);
      let bytes: Buffer;
      try {
        bytes = await readFile(file);
      } catch {
        out.warnings.push({ path: `${path}.image`, code: 'missing_file', message: 'pinned photo not found next to the lock; QC compares with "color" as written', found: JSON.stringify(pin.image) });
        return;
      }
      const sha = createHash('sha256').update(bytes).digest('hex');
      if (sha !== pin.sha256) {
        out.errors.push({ path: `${path}.sha256`, code: 'pinned_photo_changed', message: `${pin.image} is not the photo the swatch was measured from; measure it again with "brandlock swatch measure"`, found: sha, expected: pin.sha256 });
        return;
      }
      const written = parseColor(swatch.color);
      let measured;
      try {
        measured = (await measureSwatchFile(file)).swatch.lab;
      } catch (e) {
        out.errors.push({ path: `${path}.image`, code: 'pinned_photo_unmeasurable', message: `${pin.image}: ${(e as Error).message}`, found: JSON.stringify(pin.image) });
        return;
      }
      if (!written.success) return;
      const de = deltaE2000(written.lab, measured);
      if (de > SAME) {
        out.errors.push({ path: `palette.swatches[${i}].color`, code: 'pinned_color_differs', message: `the pinned photo measures ${labText(measured)}, ΔE00 ${de.toFixed(2)} from "color"; write the measured colour, or remove "measured"`, found: swatch.color, expected: `lab(${measured.l.toFixed(2)} ${measured.a.toFixed(2)} ${measured.b.toFixed(2)})` });
      } else out.verified.push(swatch.id);
    }),
  );
  return out;
}
