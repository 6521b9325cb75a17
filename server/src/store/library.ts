/**
 * Library assets in the database (migration 090). Rows are keyed by content hash, so adding the same
 * photo twice keeps the first row (and its tags). Search by tag, SKU, kind, category, usability and
 * words of the path in SQL; by colour in the caller (ΔE00 is not SQL).
 */
import type { LibraryImageFacts } from '@brandlock/core';
import type { LibraryAsset, LibraryPatch } from '@brandlock/core/api';
import type { Queryable } from './database';
import { iso } from './time';

interface Row {
  sha256: string;
  file_name: string;
  path: string;
  content_type: string;
  bytes: number;
  width: number;
  height: number;
  kind: LibraryAsset['kind'];
  kind_source: LibraryAsset['kindSource'];
  kind_reason: string;
  category: string | null;
  category_source: LibraryAsset['categorySource'];
  sku: string | null;
  facts: LibraryImageFacts;
  usable: boolean;
  tags: string[];
  added_by: string;
  added_at: Date;
  lock_hash: string | null;
}

function toAsset(r: Row): LibraryAsset {
  return {
    id: r.sha256,
    ref: `library:${r.sha256}`,
    fileName: r.file_name,
    path: r.path,
    contentType: r.content_type,
    bytes: r.bytes,
    width: r.width,
    height: r.height,
    kind: r.kind,
    kindSource: r.kind_source,
    kindReason: r.kind_reason,
    category: r.category,
    categorySource: r.category_source,
    sku: r.sku,
    color: r.facts.color,
    swatch: r.facts.swatch,
    backdrop: r.facts.backdrop,
    sharpness: r.facts.sharpness,
    findings: r.facts.findings,
    usable: r.usable,
    tags: r.tags,
    addedBy: r.added_by,
    addedAt: iso(r.added_at),
    lockHash: r.lock_hash,
  };
}

export interface NewLibraryAsset {
  sha256: string;
  fileName: string;
  path: string;
  contentType: string;
  bytes: number;
  width: number;
  height: number;
  facts: LibraryImageFacts;
  tags: string[];
  addedBy: string;
  lockHash: string | null;
}

/** Inserts an asset; returns the stored row and whether it was new. */
export async function addLibraryAsset(db: Queryable, a: NewLibraryAsset): Promise<{ asset: LibraryAsset; created: boolean }> {
  const rows = await db.query<Row>(
    `INSERT INTO library_assets (sha256, file_name, path, content_type, bytes, width, height, kind, kind_source, kind_reason, category, category_source, sku, facts, usable, tags, added_by, lock_hash)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,$17,$18) ON CONFLICT (sha256) DO NOTHING RETURNING *`,
    [a.sha256, a.fileName, a.path, a.contentType, a.bytes, a.width, a.height, a.facts.kind.kind, a.facts.kind.source, a.facts.kind.reason, a.facts.category, a.facts.category ? 'name' : null, a.facts.sku, JSON.stringify(a.facts), a.facts.usable, a.tags, a.addedBy, a.lockHash],
  );
  if (rows[0]) return { asset: toAsset(rows[0]), created: true };
  return { asset: (await getLibraryAsset(db, a.sha256))!, created: false };
}

export async function getLibraryAsset(db: Queryable, sha256: string): Promise<LibraryAsset | null> {
  const rows = await db.query<Row>('SELECT * FROM library_assets WHERE sha256 = $1', [sha256]);
  return rows[0] ? toAsset(rows[0]) : null;
}

export interface LibraryFilter {
  tag?: string;
  sku?: string;
  kind?: string;
  category?: string;
  usable?: boolean;
  q?: string;
}

export async function listLibraryAssets(db: Queryable, f: LibraryFilter, limit = 10_000): Promise<LibraryAsset[]> {
  const where: string[] = [];
  const params: unknown[] = [];
  const add = (sql: string, v: unknown) => {
    params.push(v);
    where.push(sql.replace('?', `$${params.length}`));
  };
  if (f.tag) add('? = ANY(tags)', f.tag);
  if (f.sku) add('lower(sku) = lower(?)', f.sku);
  if (f.kind) add('kind = ?', f.kind);
  if (f.category) add('category = ?', f.category);
  if (f.usable !== undefined) add('usable = ?', f.usable);
  if (f.q) add("lower(path) LIKE '%' || lower(?) || '%'", f.q.replace(/[%_\\]/g, ''));
  params.push(limit);
  const rows = await db.query<Row>(`SELECT * FROM library_assets ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY added_at DESC, path LIMIT $${params.length}`, params);
  return rows.map(toAsset);
}

/** Applies a person's corrections and tags; returns the asset after, or null when there is none. */
export async function patchLibraryAsset(db: Queryable, sha256: string, p: LibraryPatch): Promise<LibraryAsset | null> {
  const current = await getLibraryAsset(db, sha256);
  if (!current) return null;
  let tags = p.tags ?? current.tags;
  if (p.addTags) tags = [...tags, ...p.addTags.filter((t) => !tags.includes(t))];
  if (p.removeTags) tags = tags.filter((t) => !p.removeTags!.includes(t));
  const kind = p.kind ?? current.kind;
  const kindSource = p.kind ? 'person' : current.kindSource;
  const category = p.category !== undefined ? p.category : current.category;
  const categorySource = p.category !== undefined ? (p.category ? 'person' : null) : current.categorySource;
  const sku = p.sku !== undefined ? p.sku : current.sku;
  await db.query('UPDATE library_assets SET tags = $2, kind = $3, kind_source = $4, category = $5, category_source = $6, sku = $7 WHERE sha256 = $1', [sha256, tags, kind, kindSource, category, categorySource, sku]);
  return getLibraryAsset(db, sha256);
}
