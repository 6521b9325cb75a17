/**
 * Scores the ground-truth variants a test holds: for each named base photo (a substring of its file
 * name), its variants that `keep` names, at `size` px, against the truth lock; the unmodified photo
 * (when kept) is scored first, so recolours are measured against it as the benchmark does.
 * @example const scores = await scoreHeldVariants(['payload-cap-black-cutout'], (cls, label) => cls === 'original' || label === 'one-colour print 6%');
 */
import type { Raster } from '@brandlock/core';
import { TRUTH_BASES, loadTruthBase } from './truth-bases';
import { truthReference, variantsOf, type TruthClass, type TruthReference } from './truth-variants';
import { busyBackdrop } from './busy-backdrop';
import { scoreTruthVariant, truthLock, type TruthScore } from './score-truth-variant';

export async function scoreHeldVariants(
  bases: readonly string[],
  keep: (cls: TruthClass, label: string, base: string) => boolean,
  options: { size?: number; busyBackdrops?: boolean } = {},
): Promise<TruthScore[]> {
  const size = options.size ?? 600;
  const lock = truthLock(size);
  const scores: TruthScore[] = [];
  for (const name of bases) {
    const spec = TRUTH_BASES.find((b) => b.file.includes(name));
    if (!spec) throw new Error(`no ground-truth base photo named like "${name}"`);
    const base = await loadTruthBase(spec, size);
    const ref = truthReference(base) as TruthReference;
    const busy = options.busyBackdrops ? await busyBackdrop(1, base.width, base.height) : null;
    let original: Raster | undefined;
    for (const v of variantsOf(base, ref, busy, (cls, label) => keep(cls, label, name))) {
      const { decoded, ...s } = await scoreTruthVariant(v, ref, lock, original);
      if (v.cls === 'original') original = decoded;
      scores.push(s);
    }
  }
  return scores;
}
