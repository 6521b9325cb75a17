/**
 * Turns the lock's delivery naming template into a matcher that reads the tokens back out of a file
 * name: `{brand}_{sku}_{colorway}_{view}_{channel}_{width}x{height}.{ext}` matches
 * `northfold_tee-001_ink_front_pdp-2x3_2000x3000.jpg`. Tokens with a known set of values (brand,
 * season, version, category, view, channel, market) match only those; a master not yet cut into
 * channels may say "master" where the template has {channel}. Matching ignores case. Free tokens
 * (sku, colorway) take the shortest text that lets the rest match, so without a brief a SKU holding
 * the separator is ambiguous; with the brief's SKUs given, {sku} matches only those.
 */
import type { BrandLock } from '../brand/brand-lock';
import { NAMING_TOKENS } from '../brand/naming';

export type NamingToken = keyof typeof NAMING_TOKENS;
export type NameTokens = Partial<Record<NamingToken, string>>;

/** The word a master file uses in place of a channel id. */
export const MASTER_CHANNEL = 'master';

const EXTENSIONS = 'jpe?g|png|webp|avif|tiff?|gif|heic|heif';
const MAX_NAME = 255;

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function alternatives(values: string[]): string {
  const unique = [...new Set(values.filter(Boolean))].sort((a, b) => b.length - a.length);
  return unique.length ? unique.map(escapeRegExp).join('|') : '(?!)';
}

function tokenPattern(lock: BrandLock, token: string, skus: readonly string[] | undefined): string {
  switch (token as NamingToken) {
    case 'sku':
      return skus ? alternatives([...skus]) : '[^/\\\\]+?';
    case 'brand':
      return escapeRegExp(lock.brand.id);
    case 'season':
      return escapeRegExp(lock.season);
    case 'version':
      return escapeRegExp(lock.version);
    case 'category':
      return alternatives(lock.categories.map((c) => c.id));
    case 'view':
      return alternatives(lock.poseSets.flatMap((p) => p.views.map((v) => v.id)));
    case 'channel':
      return alternatives([...lock.channels.map((c) => c.id), MASTER_CHANNEL]);
    case 'market':
      return '[a-z]{2}|all';
    case 'width':
    case 'height':
      return '\\d{1,5}';
    case 'index':
      return '\\d{1,4}';
    case 'ext':
      return EXTENSIONS;
    default:
      return '[^/\\\\]+?';
  }
}

/**
 * Builds a matcher for the lock's naming template. Returns the tokens found, or null when the name
 * does not follow the template.
 * @example
 * const match = namingMatcher(lock);
 * match('northfold_tee-001_ink_front_master_1024x1536.jpg') // { brand: 'northfold', sku: 'tee-001', ... }
 */
export function namingMatcher(lock: BrandLock, skus?: readonly string[]): (fileName: string) => NameTokens | null {
  const template = lock.naming.template;
  const seen = new Set<string>();
  let source = '^';
  let last = 0;
  for (const m of template.matchAll(/\{([^{}]*)\}/g)) {
    source += escapeRegExp(template.slice(last, m.index));
    const name = m[1];
    source += seen.has(name) ? `\\k<${name}>` : `(?<${name}>${tokenPattern(lock, name, skus)})`;
    seen.add(name);
    last = (m.index ?? 0) + m[0].length;
  }
  source += `${escapeRegExp(template.slice(last))}$`;
  const pattern = new RegExp(source, 'i');
  return (fileName) => {
    if (fileName.length > MAX_NAME) return null;
    const found = pattern.exec(fileName);
    if (!found?.groups) return null;
    const tokens: NameTokens = {};
    for (const [k, v] of Object.entries(found.groups)) if (v !== undefined) tokens[k as NamingToken] = v;
    return tokens;
  };
}
