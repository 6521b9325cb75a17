/**
 * Checks one brief row's cells (already keyed by canonical column) and builds a BriefRow, or
 * returns the row's errors. Lock-dependent checks (category, palette, channels) happen in the plan.
 */
import type { BriefIssue } from './brief-issue';
import type { BriefRow } from './brief-row';
import { BRIEF_COLUMNS } from './brief-columns';
import { parseFabricWeight } from './fabric-weight';
import { isColorString } from '../color/parse-color';
import { isMarketCode, marketCodeHint } from './market-codes';

const MAX_CELL = 2000;
const CONTROL = /[\u0000-\u001f\u007f]/;
const ID = /^[a-z0-9][a-z0-9_-]{0,63}$/;

/** True when a UTF-16 surrogate has no partner (JSON can carry one, "\ud800"; no file can store it). */
function hasLoneSurrogate(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0xd800 || c > 0xdfff) continue;
    const next = text.charCodeAt(i + 1);
    if (c > 0xdbff || !(next >= 0xdc00 && next <= 0xdfff)) return true;
    i++;
  }
  return false;
}

function list(text: string, separators: RegExp): string[] {
  return text.split(separators).map((s) => s.trim()).filter(Boolean);
}

/** Builds a row from cells, or returns its problems (errors mean the row is skipped). */
export function readBriefRow(cells: Record<string, string>, row: number): { row: BriefRow | null; issues: BriefIssue[] } {
  const issues: BriefIssue[] = [];
  const sku = (cells.sku ?? '').trim();
  const err = (column: string, message: string, found?: string, expected?: string) =>
    issues.push({ row, column, code: 'invalid_cell', severity: 'error', message, found, expected, sku: sku || undefined });

  for (const [column, value] of Object.entries(cells)) {
    if (value.length > MAX_CELL) err(column, `cell is ${value.length} characters long`, undefined, `at most ${MAX_CELL}`);
    if (hasLoneSurrogate(value)) err(column, 'contains half of a UTF-16 surrogate pair, which is not text', undefined, 'valid Unicode text');
  }
  for (const col of BRIEF_COLUMNS) {
    if (col.required && !(cells[col.name] ?? '').trim()) {
      issues.push({ row, column: col.name, code: 'missing_value', severity: 'error', message: `${col.name} is empty`, expected: `${col.description}, e.g. "${col.example}"`, sku: sku || undefined });
    }
  }
  if (sku && (CONTROL.test(sku) || sku.length > 64 || !/[A-Za-z0-9]/.test(sku))) {
    err('sku', 'not a usable SKU', JSON.stringify(sku.slice(0, 40)), 'printable characters with at least one letter or digit, at most 64');
  }
  const category = (cells.category ?? '').trim();
  if (category && !ID.test(category)) err('category', 'not a category id', JSON.stringify(category), 'a lowercase id such as "shirts"');
  const swatch = (cells.swatch ?? '').trim();
  if (swatch && !isColorString(swatch) && !ID.test(swatch)) {
    err('swatch', 'not a colour or a swatch id', JSON.stringify(swatch), 'a palette swatch id, an sRGB hex like #1f2a44, or lab(L a b)');
  }
  let fabricWeightGsm: number | null = null;
  let fabricWeight = '';
  const weight = (cells.fabric_weight ?? '').trim();
  if (weight) {
    const w = parseFabricWeight(weight);
    if (w.success) {
      fabricWeightGsm = w.gsm;
      fabricWeight = w.text;
    } else err('fabric_weight', w.message, JSON.stringify(weight), 'g/m² like "180" or "180 gsm", oz/yd² like "12 oz", a knit gauge like "12 gauge", or a thickness like "0.8 mm"');
  }
  const markets = list(cells.markets ?? '', /[;,\s]+/).map((m) => m.toUpperCase());
  for (const m of markets) {
    if (isMarketCode(m)) continue;
    const hint = marketCodeHint(m);
    err('markets', `"${m}" is not an ISO 3166 market code${hint ? `; did you mean "${hint}"?` : ''}`, JSON.stringify(m), 'ISO 3166 alpha-2 codes like DE;FR');
  }
  const channels = list(cells.channels ?? '', /[;,]+/);
  const views = list(cells.views ?? '', /[;,]+/);
  const videoViews = list(cells.video_views ?? '', /[;,]+/);
  for (const [column, ids] of [['channels', channels], ['views', views], ['video_views', videoViews]] as const) {
    for (const id of ids) if (!ID.test(id)) err(column, `"${id}" is not an id`, JSON.stringify(id), 'lowercase ids separated by ";"');
  }
  const model = (cells.model ?? '').trim();
  if (model && !ID.test(model)) err('model', 'not a model profile id', JSON.stringify(model), 'a lowercase id such as "ava"');
  const sourceImages = list(cells.source_images ?? '', /[;|]+/);
  for (const src of sourceImages) {
    if (CONTROL.test(src) || /^([a-zA-Z]:)?[\\/]/.test(src) || src.split(/[\\/]/).includes('..')) {
      err('source_images', 'source image path must stay inside the brief folder', JSON.stringify(src.slice(0, 60)), 'a relative path without ".."');
    }
  }
  for (const column of ['colorway', 'fabric', 'silhouette', 'notes']) {
    if (CONTROL.test((cells[column] ?? '').replace(/[\r\n\t]/g, ' '))) err(column, 'contains control characters');
  }
  if (issues.some((i) => i.severity === 'error')) return { row: null, issues };
  return {
    row: {
      row,
      sku,
      colorway: cells.colorway.trim(),
      category,
      fabric: cells.fabric.trim(),
      fabricWeightGsm,
      fabricWeight,
      silhouette: cells.silhouette.trim(),
      swatch,
      sourceImages,
      channels: channels.length ? channels : null,
      markets,
      views: views.length ? views : null,
      model: model || null,
      notes: (cells.notes ?? '').replace(/\s+/g, ' ').trim(),
      videoViews: videoViews.length ? videoViews : null,
    },
    issues,
  };
}
