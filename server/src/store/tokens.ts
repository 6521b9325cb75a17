/**
 * API tokens. The secret part is random (256 bits), shown once, and stored only as its SHA-256; a
 * presented token is looked up by its public id and compared in constant time.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Role, TokenInfo } from '@brandlock/core/api';
import type { Database, Queryable } from './database';
import { iso, isoOrNull } from './time';

const TOKEN = /^bl_([a-z2-7]{12})\.([A-Za-z0-9_-]{43})$/;
const BASE32 = 'abcdefghijklmnopqrstuvwxyz234567';

export interface AuthenticatedToken {
  id: string;
  name: string;
  role: Role;
}

interface TokenRow {
  id: string;
  name: string;
  role: Role;
  secret_hash: string;
  created_at: Date;
  last_used_at: Date | null;
  revoked_at: Date | null;
}

const hashSecret = (secret: string) => createHash('sha256').update(secret).digest('hex');

function toInfo(r: TokenRow): TokenInfo {
  return { id: r.id, name: r.name, role: r.role, createdAt: iso(r.created_at), lastUsedAt: isoOrNull(r.last_used_at), revokedAt: isoOrNull(r.revoked_at) };
}

/** Creates a token; the returned `token` string is the only time the secret exists outside the caller. */
export async function createToken(db: Queryable, input: { name: string; role: Role }): Promise<TokenInfo & { token: string }> {
  const id = Array.from(randomBytes(12), (b) => BASE32[b & 31]).join('');
  const secret = randomBytes(32).toString('base64url');
  const rows = await db.query<TokenRow>('INSERT INTO tokens (id, name, role, secret_hash) VALUES ($1, $2, $3, $4) RETURNING *', [id, input.name, input.role, hashSecret(secret)]);
  return { ...toInfo(rows[0]), token: `bl_${id}.${secret}` };
}

/** The channel migration 092 announces a changed or deleted token's id on (after its transaction commits). */
export const TOKEN_CHANGES_CHANNEL = 'brandlock_token_changes';

/** A token as authentication needs it: who it is, its secret's hash, and when it was last used. */
export interface TokenCredential {
  token: AuthenticatedToken;
  secretHash: Buffer;
  lastUsedAt: number | null;
}

/** The presented string split into its public id and the SHA-256 of its secret (id null when malformed). */
export function parsePresentedToken(presented: string): { id: string | null; secretHash: Buffer } {
  const m = TOKEN.exec(presented);
  return { id: m ? m[1] : null, secretHash: Buffer.from(hashSecret(m ? m[2] : presented), 'hex') };
}

/** The active (not revoked) token with this id, or null. */
export async function findActiveCredential(db: Queryable, id: string): Promise<TokenCredential | null> {
  const row = (await db.query<TokenRow>('SELECT * FROM tokens WHERE id = $1', [id]))[0];
  if (!row || row.revoked_at) return null;
  return { token: { id: row.id, name: row.name, role: row.role }, secretHash: Buffer.from(row.secret_hash, 'hex'), lastUsedAt: row.last_used_at?.getTime() ?? null };
}

/** Whether the presented secret's hash is the credential's, compared in constant time (a missing credential compares too). */
export function secretMatches(credential: TokenCredential | null, presentedHash: Buffer): boolean {
  const equal = timingSafeEqual(presentedHash, credential?.secretHash ?? Buffer.alloc(32));
  return Boolean(credential) && equal;
}

export async function markTokenUsed(db: Queryable, id: string): Promise<void> {
  await db.query('UPDATE tokens SET last_used_at = now() WHERE id = $1', [id]);
}

export async function listTokens(db: Queryable): Promise<TokenInfo[]> {
  return (await db.query<TokenRow>('SELECT * FROM tokens ORDER BY created_at DESC, id')).map(toInfo);
}

/** Revokes by id; null when there is no such token. Revoking twice keeps the first time. */
export async function revokeToken(db: Queryable, id: string): Promise<TokenInfo | null> {
  const rows = await db.query<TokenRow>('UPDATE tokens SET revoked_at = COALESCE(revoked_at, now()) WHERE id = $1 RETURNING *', [id]);
  return rows[0] ? toInfo(rows[0]) : null;
}

/** Refused: revoking this token would leave no active admin token, so no one could manage tokens. */
export class LastAdminTokenError extends Error {
  override name = 'LastAdminTokenError';
  constructor(readonly token: TokenInfo) {
    super(`token ${token.id} ("${token.name}") is the last active admin token; create another admin token first, then revoke this one`);
  }
}

/**
 * Revokes by id unless that would revoke the last active admin token (LastAdminTokenError); null when
 * there is no such token. Two admins revoking each other at once cannot both succeed.
 */
export async function revokeTokenKeepingAnAdmin(db: Database, id: string): Promise<TokenInfo | null> {
  return db.transaction(async (tx) => {
    await tx.query("SELECT pg_advisory_xact_lock(hashtext('brandlock-admin-tokens'))");
    const row = (await tx.query<TokenRow>('SELECT * FROM tokens WHERE id = $1', [id]))[0];
    if (!row) return null;
    if (row.role === 'admin' && !row.revoked_at && (await countActiveAdmins(tx)) <= 1) throw new LastAdminTokenError(toInfo(row));
    return revokeToken(tx, id);
  });
}

export async function countActiveAdmins(db: Queryable): Promise<number> {
  const rows = await db.query<{ n: number }>("SELECT count(*)::int AS n FROM tokens WHERE role = 'admin' AND revoked_at IS NULL");
  return rows[0].n;
}
