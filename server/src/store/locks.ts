/**
 * Published lock versions. A version is immutable: the same content is stored once (by hash), a
 * brand version label belongs to one content for ever, and numbers only go up.
 */
import type { BrandLock } from '@brandlock/core';
import type { LockSummary } from '@brandlock/core/api';
import type { Database, Queryable } from './database';
import { createReadMemory } from './read-memory';
import { iso } from './time';

interface LockRow {
  hash: string;
  number: number;
  brand_id: string;
  brand_name: string;
  version: string;
  season: string;
  published_by: string;
  published_at: Date;
  current: boolean;
}

export interface StoredLock {
  summary: LockSummary;
  lock: BrandLock;
}

const SUMMARY_COLUMNS = `hash, number, brand_id, brand_name, version, season, published_by, published_at, number = (SELECT max(number) FROM locks) AS current`;

function toSummary(r: LockRow): LockSummary {
  return {
    hash: r.hash,
    number: r.number,
    brand: { id: r.brand_id, name: r.brand_name },
    version: r.version,
    season: r.season,
    publishedBy: r.published_by,
    publishedAt: iso(r.published_at),
    current: r.current,
  };
}

export class LockVersionConflict extends Error {
  override name = 'LockVersionConflict';
}

/** Stores a validated lock; returns the existing version when the same content is already published. */
export async function publishLock(db: Database, input: { lock: BrandLock; hash: string; document: unknown; publishedBy: string }): Promise<{ summary: LockSummary; created: boolean }> {
  const created = await db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [72_160_312]);
    if ((await tx.query('SELECT 1 FROM locks WHERE hash = $1', [input.hash])).length) return false;
    const clash = await tx.query<{ hash: string; number: number }>('SELECT hash, number FROM locks WHERE brand_id = $1 AND version = $2', [input.lock.brand.id, input.lock.version]);
    if (clash.length) {
      throw new LockVersionConflict(`version "${input.lock.version}" of ${input.lock.brand.id} is already published as number ${clash[0].number} with other content (${clash[0].hash}); give the changed lock a new version label`);
    }
    await tx.query(
      `INSERT INTO locks (hash, number, brand_id, brand_name, version, season, document, resolved, published_by)
       VALUES ($1, (SELECT COALESCE(max(number), 0) + 1 FROM locks), $2, $3, $4, $5, $6, $7, $8)`,
      [input.hash, input.lock.brand.id, input.lock.brand.name, input.lock.version, input.lock.season, JSON.stringify(input.document), JSON.stringify(input.lock), input.publishedBy],
    );
    return true;
  });
  if (created) currentLock.forget(db);
  const found = await findLock(db, input.hash);
  return { summary: found!.summary, created };
}

export async function listLocks(db: Queryable): Promise<LockSummary[]> {
  return (await db.query<LockRow>(`SELECT ${SUMMARY_COLUMNS} FROM locks ORDER BY number DESC`)).map(toSummary);
}

/** Resolved locks by hash: a hash names immutable content, so this never goes stale. */
const resolvedByHash = new Map<string, BrandLock>();

/** How long "current" is trusted when no lock was published through this process. */
const CURRENT_LOCK_MEMORY_MS = 1000;
const currentLock = createReadMemory<LockRow[]>(CURRENT_LOCK_MEMORY_MS);

/** By "current", a number, a "sha256:" hash or a version label (the newest with that label). */
export async function findLock(db: Queryable, ref: string): Promise<StoredLock | null> {
  const [where, param]: [string, unknown] =
    ref === 'current' ? ['number = (SELECT max(number) FROM locks)', null] : /^\d{1,9}$/.test(ref) ? ['number = $1', Number(ref)] : ref.startsWith('sha256:') ? ['hash = $1', ref] : ['version = $1', ref];
  const read = () => db.query<LockRow>(`SELECT ${SUMMARY_COLUMNS} FROM locks WHERE ${where} ORDER BY number DESC LIMIT 1`, param === null ? [] : [param]);
  // Every submission asks for the current lock; it changes only when one is published.
  const rows = ref === 'current' ? await currentLock.read(db, 'current', read) : await read();
  if (!rows[0]) return null;
  let lock = resolvedByHash.get(rows[0].hash);
  if (!lock) {
    lock = (await db.query<{ resolved: BrandLock }>('SELECT resolved FROM locks WHERE hash = $1', [rows[0].hash]))[0].resolved;
    if (resolvedByHash.size > 32) resolvedByHash.delete(resolvedByHash.keys().next().value!);
    resolvedByHash.set(rows[0].hash, lock);
  }
  return { summary: toSummary(rows[0]), lock };
}
