/**
 * Which of the lock's garment categories an old photo shows, from the words of its file and folder
 * names: garment words first, mapped to the seed category a lock category is based on (a "hoodie"
 * goes to the category whose base is jersey-knits), then a lock category's own id or name words
 * ("eveningwear", "Leather"; shot words such as "packshot" do not count). Null when no word matches: a person sets it. Pixels are not used: a silhouette
 * says top or bottom, not poplin or jersey.
 */
import type { BrandLock } from '../brand/brand-lock';
import { GARMENT_WORDS, KIND_WORDS, pathWords } from './garment-words';

export interface CategoryEstimate {
  category: string | null;
  /** The word that decided, e.g. "hoodie". */
  word: string | null;
}

/**
 * @example estimateCategory('flatlay/cd-denim-shorts.jpg', lock) // { category: 'denim', word: 'denim' }
 */
export function estimateCategory(relativePath: string, lock: Pick<BrandLock, 'categories'>): CategoryEstimate {
  const words = pathWords(relativePath).reverse();
  for (const w of words) {
    const seed = GARMENT_WORDS[w];
    if (!seed) continue;
    const cat = lock.categories.find((c) => c.base === seed) ?? lock.categories.find((c) => c.id === seed);
    if (cat) return { category: cat.id, word: w };
  }
  for (const w of words) {
    if (w.length < 3 || KIND_WORDS[w]) continue;
    const own = lock.categories.find((c) => c.id === w || c.name.toLowerCase().split(/[^a-z]+/).includes(w));
    if (own) return { category: own.id, word: w };
  }
  return { category: null, word: null };
}
