/**
 * Checks presented bearer tokens with a short memory: an active token's row is read once and kept for
 * a few seconds, so a client polling a job does not cost a database query per request (PGlite runs
 * every query on the API's thread). A revocation still counts at once: the revoking route forgets the
 * token in this process, and every change to a token row, from any process or psql, arrives on the
 * token-changes channel (migration 092) and is forgotten too. A lost listen connection forgets all.
 */
import type { Database } from '../../store/database';
import { findActiveCredential, markTokenUsed, parsePresentedToken, secretMatches, TOKEN_CHANGES_CHANNEL, type AuthenticatedToken, type TokenCredential } from '../../store/tokens';

/** How long a token row is trusted without a change notice: the bound if a notice is ever lost. */
export const TOKEN_MEMORY_MS = 10_000;
/** How stale `last_used_at` may get before it is written again. */
const LAST_USED_RESOLUTION_MS = 60_000;

export interface TokenAuthenticator {
  /** The token's identity, or null for a malformed, unknown or revoked token. */
  authenticate(presented: string): Promise<AuthenticatedToken | null>;
  /** Drops what is remembered about the token (call after changing its row). */
  forget(id: string): void;
  close(): Promise<void>;
}

interface Remembered {
  credential: TokenCredential;
  readAt: number;
}

/** @example const tokens = await createTokenAuthenticator(db); const who = await tokens.authenticate(bearer); */
export async function createTokenAuthenticator(db: Database, options: { memoryMs?: number } = {}): Promise<TokenAuthenticator> {
  const memoryMs = options.memoryMs ?? TOKEN_MEMORY_MS;
  const remembered = new Map<string, Remembered>();
  // Bumped by every forget: a row read before a change must not be remembered after it.
  let changes = 0;
  const forget = (id: string) => {
    changes++;
    remembered.delete(id);
  };
  const stopListening = await db.listen(TOKEN_CHANGES_CHANNEL, forget, () => {
    changes++;
    remembered.clear();
  });

  async function credentialOf(id: string): Promise<TokenCredential | null> {
    const known = remembered.get(id);
    if (known && Date.now() - known.readAt < memoryMs) return known.credential;
    const before = changes;
    const credential = await findActiveCredential(db, id);
    if (credential && changes === before) remembered.set(id, { credential, readAt: Date.now() });
    else remembered.delete(id);
    return credential;
  }

  return {
    async authenticate(presented) {
      const { id, secretHash } = parsePresentedToken(presented);
      const credential = id ? await credentialOf(id) : null;
      if (!secretMatches(credential, secretHash)) return null;
      const { token, lastUsedAt } = credential!;
      if (lastUsedAt === null || Date.now() - lastUsedAt > LAST_USED_RESOLUTION_MS) {
        credential!.lastUsedAt = Date.now();
        await markTokenUsed(db, token.id);
      }
      return token;
    },
    forget,
    close: () => stopListening(),
  };
}
