/**
 * Makes one value safe to put into a file name: accents folded to ASCII, anything outside letters,
 * digits and "-" replaced by "-" (so no path separators, dots, control characters or the template's
 * own "_" separators survive), runs collapsed, ends trimmed, and long values cut with a short hash
 * of the original so two long SKUs never shorten to the same text.
 */
import { sha256Hex } from '../../hash/sha256';
import { encodeUtf8 } from '../metadata/encode-utf8';

/** Longest a single token may be in a file name. */
export const TOKEN_MAX_LENGTH = 64;

export interface SanitizedToken {
  value: string;
  /** True when the value had to be altered to be safe. */
  changed: boolean;
}

/**
 * @example sanitizeNameToken('../../etc/x') // { value: 'etc-x', changed: true }
 * @example sanitizeNameToken('Crème Brûlée') // { value: 'Creme-Brulee', changed: true }
 */
export function sanitizeNameToken(raw: string, maxLength = TOKEN_MAX_LENGTH): SanitizedToken {
  // Planning a job names it for every channel: the lock's tokens (brand, season, channel ids) repeat
  // in every name, so results are remembered (a bounded table, emptied when full).
  const key = `${maxLength}:${raw}`;
  const known = remembered.get(key);
  if (known) return { ...known };
  const made = sanitize(raw, maxLength);
  if (remembered.size >= MAX_REMEMBERED) remembered.clear();
  remembered.set(key, made);
  return { ...made };
}

const MAX_REMEMBERED = 4096;
const remembered = new Map<string, SanitizedToken>();

function sanitize(raw: string, maxLength: number): SanitizedToken {
  let value = raw
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9-]+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^-+|-+$/g, '');
  if (value.length > maxLength) {
    const hash = sha256Hex(encodeUtf8(raw)).slice(0, 8);
    value = `${value.slice(0, maxLength - hash.length - 1).replace(/-+$/, '')}-${hash}`;
  }
  return { value, changed: value !== raw };
}
