/**
 * Garment and shot-type words as asset libraries name files and folders ("NF-1001_oxford-shirt_flat.jpg",
 * "ghost/hoodies/..."), each tied to the seed category it usually belongs to. Used to estimate what an
 * old photo shows before a person corrects it.
 */
import type { SeedCategoryId } from '../brand/seed-categories';

export const GARMENT_WORDS: Record<string, SeedCategoryId> = {
  shirt: 'wovens', blouse: 'wovens', skirt: 'wovens', poplin: 'wovens', oxford: 'wovens', chino: 'wovens', trousers: 'wovens', pants: 'wovens', linen: 'wovens',
  jeans: 'denim', denim: 'denim', jean: 'denim', shorts: 'denim',
  tee: 'jersey-knits', tshirt: 'jersey-knits', 't-shirt': 'jersey-knits', hoodie: 'jersey-knits', sweatshirt: 'jersey-knits', sweat: 'jersey-knits', polo: 'jersey-knits', longsleeve: 'jersey-knits', jersey: 'jersey-knits', top: 'jersey-knits', tank: 'jersey-knits',
  coat: 'structured-outerwear', jacket: 'structured-outerwear', parka: 'structured-outerwear', blazer: 'structured-outerwear', trench: 'structured-outerwear', puffer: 'structured-outerwear', outerwear: 'structured-outerwear',
  knit: 'fine-knitwear', knitwear: 'fine-knitwear', sweater: 'fine-knitwear', cardigan: 'fine-knitwear', jumper: 'fine-knitwear', beanie: 'fine-knitwear', merino: 'fine-knitwear', cashmere: 'fine-knitwear',
  sheer: 'sheers', chiffon: 'sheers', organza: 'sheers', mesh: 'sheers', tulle: 'sheers',
  sequin: 'embellished', dress: 'embellished', gown: 'embellished', beaded: 'embellished', evening: 'embellished',
  leather: 'leather', suede: 'leather', biker: 'leather',
};

export type AssetKind = 'flat-lay' | 'ghost' | 'on-model';

export const KIND_WORDS: Record<string, AssetKind> = {
  flat: 'flat-lay', flatlay: 'flat-lay', 'flat-lay': 'flat-lay', laydown: 'flat-lay', laydowns: 'flat-lay', flatlays: 'flat-lay',
  ghost: 'ghost', packshot: 'ghost', packshots: 'ghost', mannequin: 'ghost', invisible: 'ghost', hollowman: 'ghost',
  onmodel: 'on-model', 'on-model': 'on-model', model: 'on-model', worn: 'on-model', lookbook: 'on-model', lifestyle: 'on-model', campaign: 'on-model',
};

/** Lower-case words of a path, split on separators, keeping hyphenated shot words whole. @example pathWords('On-Model/NF_hoodie-red.jpg') // ['on-model', 'on', 'model', 'nf', 'hoodie', 'red', 'jpg'] */
export function pathWords(path: string): string[] {
  const out: string[] = [];
  for (const part of path.toLowerCase().split(/[\\/_.\s]+/)) {
    if (!part) continue;
    if (part.includes('-')) out.push(part);
    out.push(...part.split('-').filter(Boolean));
  }
  return out;
}
