/**
 * The one place secrets are taken out of text: provider error messages before they are stored or
 * shown, log lines before they are written, error answers before they are sent. A secret is found
 * whole, by each of its parts (the id and secret halves of `FAL_KEY=id:secret`, the key of
 * `whsec_<key>`), in every form it travels in (as written, percent-encoded, JSON-escaped with `\"` or
 * `\u0063`, or any mix of those, and base64 or base64url at any alignment, as in a Basic header), and
 * by any run of 8 of its characters that is not all letters (a provider that echoes part of a key, or
 * text cut short by someone else; all-letter runs are left out so a password such as
 * "postgres-Pw-9f3A1c" does not blank the word "postgres" in every log line). `clip` redacts before
 * it cuts, so a cut can never leave part of a secret behind.
 */

export interface SecretRedactor {
  /** The text with every trace of a secret replaced by "[redacted]". */
  redact(text: string): string;
  /** Redacts, then cuts to at most `max` characters (never the other way round). */
  clip(text: string, max: number): string;
}

export const REDACTED = '[redacted]';
/** Whole secrets shorter than this are not scrubbed (they would hit ordinary words). */
const MIN_SECRET = 4;
/** Parts of a secret shorter than this are not scrubbed on their own. */
const MIN_PART = 6;
/** A run of this many characters of a secret counts as leaking it... */
const FRAGMENT = 8;
/** ...for secrets (and parts) at least this long. */
const FRAGMENT_FROM = 12;

/** The values to look for: the secret, its parts, and its percent-decoded form. */
export function secretParts(secret: string): string[] {
  const parts = new Set<string>();
  if (secret.length >= MIN_SECRET) parts.add(secret);
  const add = (s: string) => s.length >= MIN_PART && parts.add(s);
  for (const p of secret.split(/[:_@]/)) add(p);
  try {
    add(decodeURIComponent(secret));
  } catch {
    // not percent-encoded
  }
  return [...parts];
}

const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
const hexPattern = (hex: string) => [...hex].map((h) => (/[a-f]/i.test(h) ? `[${h.toLowerCase()}${h.toUpperCase()}]` : h)).join('');

/** Every way one character of a secret may be written: as is, percent-encoded, JSON-escaped. */
function charPattern(ch: string): string {
  const alts = new Set<string>([escapeRegex(ch)]);
  let encoded = ch;
  try {
    encoded = encodeURIComponent(ch);
  } catch {
    // a lone surrogate has no UTF-8 form
  }
  if (encoded !== ch) alts.add(encoded.split('%').slice(1).map((h) => `%${hexPattern(h)}`).join(''));
  else alts.add(`%${hexPattern(ch.charCodeAt(0).toString(16).padStart(2, '0'))}`);
  if (ch === ' ') alts.add('\\+');
  alts.add([...Array(ch.length).keys()].map((i) => `\\\\u${hexPattern(ch.charCodeAt(i).toString(16).padStart(4, '0'))}`).join(''));
  if (ch === '"' || ch === '\\' || ch === '/') alts.add(`\\\\${escapeRegex(ch)}`);
  return alts.size === 1 ? [...alts][0] : `(?:${[...alts].join('|')})`;
}

function utf8(s: string): Uint8Array {
  return new TextEncoder().encode(s);
}

/** The base64 and base64url text that encodes `part` wherever it sits in a longer encoded value. */
function base64Forms(part: string): string[] {
  const bytes = utf8(part);
  const out: string[] = [];
  for (let shift = 0; shift < 3; shift++) {
    const padded = new Uint8Array(shift + bytes.length);
    padded.set(bytes, shift);
    const b64 = Buffer.from(padded).toString('base64');
    const core = b64.slice(Math.ceil((shift * 8) / 6), Math.floor(((shift + bytes.length) * 8) / 6));
    if (core.length >= FRAGMENT) out.push(core, core.replace(/\+/g, '-').replace(/\//g, '_'));
  }
  return out;
}

/**
 * @example
 * const r = createSecretRedactor(['falid123:falSecretCanary55aa']);
 * r.redact('key secret falSecretCanary55aa does not belong to key id falid123')
 * // 'key secret [redacted] does not belong to key id [redacted]'
 */
export function createSecretRedactor(secrets: readonly (string | null | undefined)[]): SecretRedactor {
  const parts = [...new Set(secrets.flatMap((s) => (s ? secretParts(s) : [])))].sort((a, b) => b.length - a.length);
  const patterns = [
    ...parts.map((p) => [...p].map(charPattern).join('')),
    ...parts.flatMap(base64Forms).map(escapeRegex),
  ];
  const whole = patterns.length ? new RegExp(patterns.join('|'), 'g') : null;
  const fragments = new Set<string>();
  for (const p of parts) {
    if (p.length < FRAGMENT_FROM) continue;
    for (let i = 0; i + FRAGMENT <= p.length; i++) if (/[^A-Za-z]/.test(p.slice(i, i + FRAGMENT))) fragments.add(p.slice(i, i + FRAGMENT));
  }
  // An encoded secret is at most 6 characters a character (\uXXXX): enough room to see it whole.
  const slack = 6 * (parts[0]?.length ?? 0) + FRAGMENT;

  function redactFragments(text: string): string {
    if (!fragments.size || text.length < FRAGMENT) return text;
    let out = '';
    let from = 0;
    let cover = -1;
    for (let i = 0; i + FRAGMENT <= text.length; i++) {
      if (!fragments.has(text.slice(i, i + FRAGMENT))) continue;
      if (i > cover) {
        out += text.slice(from, i) + REDACTED;
      }
      cover = i + FRAGMENT - 1;
      from = i + FRAGMENT;
    }
    return out + text.slice(from);
  }

  const redact = (text: string) => redactFragments(whole ? text.replace(whole, REDACTED) : text);
  return {
    redact,
    clip(text, max) {
      const window = text.length > max + slack ? text.slice(0, max + slack) : text;
      const clean = redact(window);
      return clean.length > max ? clean.slice(0, max) : clean;
    },
  };
}
