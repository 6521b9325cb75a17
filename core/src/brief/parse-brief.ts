/**
 * Parses a season brief from CSV (papaparse, which runs in every host) or JSON. Every bad row is
 * reported with its row number, column and reason; the good rows are still returned for planning.
 */
import Papa from 'papaparse';
import type { BriefIssue } from './brief-issue';
import type { Brief, BriefRow } from './brief-row';
import { BRIEF_COLUMNS, BRIEF_COLUMN_NAMES, canonicalColumn } from './brief-columns';
import { readBriefRow } from './read-brief-row';
import { unguardCell } from './csv-safe';
import { suggest } from '../brand/suggest';

export interface ParseBriefResult {
  brief: Brief;
  issues: BriefIssue[];
}

export const MAX_BRIEF_ROWS = 100_000;

/**
 * Parses brief text; the format is taken from `format` or guessed (JSON starts with `[` or `{`).
 * @example
 * const { brief, issues } = parseBrief('sku,colorway,category,fabric,silhouette,swatch\nA1,Ink,shirts,poplin,shirt,ink\n');
 * brief.rows[0].row // 2
 */
export function parseBrief(text: string, format?: 'csv' | 'json'): ParseBriefResult {
  const body = text.replace(/^\uFEFF/, '');
  const kind = format ?? (/^\s*[[{]/.test(body) ? 'json' : 'csv');
  return kind === 'json' ? parseJsonBrief(body) : parseCsvBrief(body);
}

function empty(format: 'csv' | 'json', issues: BriefIssue[]): ParseBriefResult {
  return { brief: { format, columns: [], rows: [], rowCount: 0 }, issues };
}

function fileIssue(message: string, expected?: string, found?: string): BriefIssue {
  return { row: null, column: null, code: 'invalid_file', severity: 'error', message, expected, found };
}

/** Maps headers to canonical columns; unknown headers are warnings, missing required columns errors. */
function mapHeaders(headers: string[], issues: BriefIssue[]): (string | null)[] {
  const mapped = headers.map((h) => canonicalColumn(h));
  const seen = new Set<string>();
  headers.forEach((h, i) => {
    const col = mapped[i];
    if (col === null) {
      if (!h.trim()) return;
      const guess = suggest(h.trim(), BRIEF_COLUMN_NAMES);
      issues.push({ row: 1, column: h, code: 'unknown_column', severity: 'warning', message: `column "${h}" is not a brief column and is ignored${guess ? `; did you mean "${guess}"?` : ''}`, expected: `some of ${BRIEF_COLUMN_NAMES.join(', ')}` });
    } else if (seen.has(col)) {
      issues.push({ row: 1, column: col, code: 'duplicate_column', severity: 'error', message: `column "${h}" repeats ${col}; only the first is read` });
      mapped[i] = null;
    } else seen.add(col);
  });
  for (const col of BRIEF_COLUMNS) {
    if (col.required && !seen.has(col.name)) issues.push({ row: 1, column: col.name, code: 'missing_column', severity: 'error', message: `the brief has no "${col.name}" column`, expected: col.description });
  }
  return mapped;
}

function collect(records: { cells: Record<string, string>; row: number }[], format: 'csv' | 'json', columns: string[], issues: BriefIssue[]): ParseBriefResult {
  const rows: BriefRow[] = [];
  const firstRowOf = new Map<string, number>();
  for (const { cells, row } of records) {
    const res = readBriefRow(cells, row);
    issues.push(...res.issues);
    if (!res.row) continue;
    const key = `${res.row.sku}\u0000${res.row.colorway.toLowerCase()}`;
    const first = firstRowOf.get(key);
    if (first !== undefined) {
      issues.push({ row, column: 'sku', code: 'duplicate_sku', severity: 'error', message: `SKU ${res.row.sku} in colourway ${res.row.colorway} is already on row ${first}`, sku: res.row.sku });
      continue;
    }
    firstRowOf.set(key, row);
    rows.push(res.row);
  }
  return { brief: { format, columns, rows, rowCount: records.length }, issues };
}

function parseCsvBrief(text: string): ParseBriefResult {
  const issues: BriefIssue[] = [];
  const parsed = Papa.parse<string[]>(text, { header: false, skipEmptyLines: 'greedy', dynamicTyping: false });
  const fatal = parsed.errors.find((e) => e.type === 'Quotes');
  if (parsed.data.length === 0) return empty('csv', [fileIssue('the brief is empty', 'a header row and one row per SKU')]);
  const headers = parsed.data[0].map((h) => h.trim());
  const mapped = mapHeaders(headers, issues);
  if (issues.some((i) => i.code === 'missing_column')) return empty('csv', issues);
  if (parsed.data.length - 1 > MAX_BRIEF_ROWS) return empty('csv', [...issues, fileIssue(`the brief has ${parsed.data.length - 1} rows`, `at most ${MAX_BRIEF_ROWS}`)]);
  const records: { cells: Record<string, string>; row: number }[] = [];
  parsed.data.slice(1).forEach((values, i) => {
    const row = i + 2;
    if (fatal && fatal.row !== undefined && i + 1 >= fatal.row) {
      if (i + 1 === fatal.row) issues.push({ row, column: null, code: 'invalid_csv', severity: 'error', message: 'unterminated quoted cell; this and the following rows cannot be read', expected: 'every opening " closed by another "' });
      return;
    }
    if (values.length > headers.length && values.slice(headers.length).some((v) => v.trim())) {
      issues.push({ row, column: null, code: 'extra_cells', severity: 'warning', message: `row has ${values.length} cells but the header has ${headers.length}; the extra cells are ignored` });
    }
    const cells: Record<string, string> = {};
    mapped.forEach((col, j) => {
      if (col) cells[col] = unguardCell(values[j] ?? '');
    });
    records.push({ cells, row });
  });
  return collect(records, 'csv', mapped.filter((c): c is string => c !== null), issues);
}

function parseJsonBrief(text: string): ParseBriefResult {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    return empty('json', [fileIssue(`invalid JSON: ${(e as Error).message}`, 'an array of rows, or {"rows": [...]}')]);
  }
  const items = Array.isArray(doc) ? doc : doc && typeof doc === 'object' && Array.isArray((doc as { rows?: unknown }).rows) ? (doc as { rows: unknown[] }).rows : null;
  if (!items) return empty('json', [fileIssue('no rows found', 'an array of rows, or {"rows": [...]}')]);
  if (items.length > MAX_BRIEF_ROWS) return empty('json', [fileIssue(`the brief has ${items.length} rows`, `at most ${MAX_BRIEF_ROWS}`)]);
  const issues: BriefIssue[] = [];
  const headers = [...new Set(items.flatMap((it) => (it && typeof it === 'object' && !Array.isArray(it) ? Object.keys(it) : [])))];
  const mapped = mapHeaders(headers, issues);
  issues.forEach((i) => (i.row = null));
  if (issues.some((i) => i.code === 'missing_column')) return empty('json', issues);
  const columnOf = new Map(headers.map((h, i) => [h, mapped[i]]));
  const records: { cells: Record<string, string>; row: number }[] = [];
  items.forEach((item, i) => {
    const row = i + 1;
    if (!item || typeof item !== 'object' || Array.isArray(item)) {
      issues.push({ row, column: null, code: 'invalid_row', severity: 'error', message: 'row is not an object', found: Array.isArray(item) ? 'an array' : JSON.stringify(item) });
      return;
    }
    const cells: Record<string, string> = {};
    for (const [key, value] of Object.entries(item)) {
      const col = columnOf.get(key);
      if (!col) continue;
      if (Array.isArray(value) && value.every((v) => typeof v === 'string')) cells[col] = value.join(';');
      else if (typeof value === 'string' || typeof value === 'number') cells[col] = String(value);
      else if (value !== null) issues.push({ row, column: col, code: 'invalid_cell', severity: 'error', message: 'wrong type', found: typeof value, expected: 'a string, a number, or an array of strings' });
    }
    records.push({ cells, row });
  });
  const bad = new Set(issues.filter((i) => i.code === 'invalid_cell').map((i) => i.row));
  return collect(records.filter((r) => !bad.has(r.row)), 'json', mapped.filter((c): c is string => c !== null), issues);
}
