/**
 * Fills the lock's naming template (e.g. `{sku}_{colorway}_{view}_{channel}_{width}x{height}.{ext}`)
 * for one variant. Every token is sanitised; what could not be made safe, a token the template needs
 * but nobody gave, and a name over the DAM's length limit come back as issues, never as a file name.
 */
import type { Naming } from '../../brand/naming';
import { NAMING_TOKENS } from '../../brand/naming';
import { placeholdersIn } from '../../brand/placeholders';
import { sanitizeNameToken } from './sanitize-name-token';

/** A token of the naming template ({sku}, {channel}...). */
export type FileNameToken = keyof typeof NAMING_TOKENS;
export type NamingValues = Partial<Record<FileNameToken, string | number>>;

export interface FileNameIssue {
  token?: FileNameToken;
  code: 'missing_token' | 'unsafe_token' | 'too_long' | 'unsafe_name';
  message: string;
}

export interface TokenChange {
  token: FileNameToken;
  from: string;
  to: string;
}

export type FileNameResult = { success: true; name: string; changed: TokenChange[] } | { success: false; issues: FileNameIssue[] };

/** Names Windows reserves for devices, whatever the extension. */
const RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\.|$)/i;
const show = (s: string) => JSON.stringify(s.length > 40 ? `${s.slice(0, 37)}...` : s);

interface CompiledTemplate {
  /** The template's tokens in order of first use. */
  tokens: FileNameToken[];
  /** Literal text and token names alternating: literal, token, literal, ..., literal. */
  parts: string[];
}

const templates = new Map<string, CompiledTemplate>();

/** A template split once into its tokens and the text between them (a lock has one or two templates). */
function compile(template: string): CompiledTemplate {
  let known = templates.get(template);
  if (!known) {
    known = { tokens: placeholdersIn(template) as FileNameToken[], parts: template.split(/\{([^{}]*)\}/) };
    if (templates.size >= 64) templates.clear();
    templates.set(template, known);
  }
  return known;
}

/**
 * @example
 * fillFileName({ template: '{sku}_{view}.{ext}', maxLength: 120, case: 'lower' }, { sku: 'NF-1001', view: 'front', ext: 'jpg' })
 * // { success: true, name: 'nf-1001_front.jpg', changed: [] }
 */
export function fillFileName(naming: Naming, values: NamingValues): FileNameResult {
  const issues: FileNameIssue[] = [];
  const changed: TokenChange[] = [];
  const filled: Record<string, string> = {};
  const compiled = compile(naming.template);
  for (const token of compiled.tokens) {
    const raw = values[token];
    const text = raw === undefined ? '' : token === 'index' && typeof raw === 'number' ? String(raw).padStart(2, '0') : String(raw);
    if (!text) {
      issues.push({ token, code: 'missing_token', message: `the naming template uses {${token}} (${NAMING_TOKENS[token]}) but it is empty` });
      continue;
    }
    const safe = sanitizeNameToken(text);
    if (!safe.value) {
      issues.push({ token, code: 'unsafe_token', message: `{${token}} ${show(text)} has no characters a file name can keep (letters A-Z, digits, "-")` });
      continue;
    }
    if (safe.changed) changed.push({ token, from: text, to: safe.value });
    filled[token] = safe.value;
  }
  if (issues.length) return { success: false, issues };
  let name = compiled.parts.map((part, i) => (i % 2 ? filled[part] : part)).join('');
  if (naming.case === 'lower') name = name.toLowerCase();
  if (naming.case === 'upper') name = name.toUpperCase();
  if (name.length > naming.maxLength) {
    return { success: false, issues: [{ code: 'too_long', message: `the file name would be ${name.length} characters, over naming.maxLength ${naming.maxLength}: ${show(name)}` }] };
  }
  if (/[\\/\u0000-\u001f\u007f:*?"<>|]/.test(name) || name.includes('..') || /^[.\-\s]|[.\s]$/.test(name) || RESERVED.test(name)) {
    return { success: false, issues: [{ code: 'unsafe_name', message: `the naming template makes ${show(name)}, which is not a safe file name` }] };
  }
  return { success: true, name, changed };
}
