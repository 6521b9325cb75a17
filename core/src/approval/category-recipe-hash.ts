/**
 * The hash an art director's recipe approval is tied to: everything in the lock that decides how a
 * category's images are made — its resolved recipe (prompt template, negative prompt, base model,
 * LoRAs, size, steps, guidance, seed policy, notes), its lighting preset, its LUT (id and the file's
 * SHA-256), the model profiles cast (with their LoRAs), and its pose set. QC thresholds, channels,
 * naming and the palette are left out: changing how images are judged or delivered does not change
 * how they look, so it does not undo an approval. Any change to the look does.
 */
import type { BrandLock } from '../brand/brand-lock';
import { contentHash } from '../hash/sha256';

/** What the hash covers, for showing a person what changed since an approval. */
export function categoryRecipeFacts(lock: BrandLock, categoryId: string): Record<string, unknown> | null {
  const c = lock.categories.find((x) => x.id === categoryId);
  if (!c) return null;
  const lut = c.lut ? lock.luts.find((l) => l.id === c.lut) : null;
  return {
    category: c.id,
    recipe: c.recipe,
    lighting: lock.lighting.find((l) => l.id === c.lighting) ?? null,
    lut: lut ? { id: lut.id, sha256: lut.sha256 ?? null } : null,
    models: c.models.map((id) => {
      const m = lock.models.find((x) => x.id === id);
      return m ? { id: m.id, bodyType: m.bodyType, skinTone: m.skinTone, lora: m.lora } : { id };
    }),
    poseSet: lock.poseSets.find((p) => p.id === c.poseSet) ?? null,
  };
}

/**
 * @example categoryRecipeHash(lock, 'knitwear') // "sha256:…"; the same after a QC threshold change
 */
export function categoryRecipeHash(lock: BrandLock, categoryId: string): string {
  const facts = categoryRecipeFacts(lock, categoryId);
  if (!facts) throw new RangeError(`no category "${categoryId}" in the lock`);
  return contentHash(facts);
}
