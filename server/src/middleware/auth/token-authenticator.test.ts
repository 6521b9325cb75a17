// Bearer tokens are checked against the database once, not per request (a client polling a job cost a
// token query per GET on the API's thread), and a revocation still counts: through the API (covered in
// token-routes.test.ts and app.test.ts), and through any other path that changes the row (the store
// function the produce command uses, or psql), even with a memory far longer than the test.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Database } from '../../store/database';
import { createToken, revokeToken } from '../../store/tokens';
import { openTestDatabase } from '../../../test-support/server/test-database';
import { createTokenAuthenticator, type TokenAuthenticator } from './token-authenticator';

let db: Database;
let auth: TokenAuthenticator;
let tokenQueries = 0;

beforeEach(async () => {
  const real = await openTestDatabase();
  tokenQueries = 0;
  // The real database, counting the statements that read the tokens table.
  db = Object.assign(Object.create(real) as Database, {
    query: (sql: string, params?: readonly unknown[]) => {
      if (/FROM tokens/.test(sql)) tokenQueries++;
      return real.query(sql, params);
    },
  });
  auth = await createTokenAuthenticator(db, { memoryMs: 3_600_000 });
});
afterEach(async () => {
  await auth.close();
  await db.close();
});

describe('createTokenAuthenticator', () => {
  it('reads an active token once for many requests, and refuses a wrong secret for a known id', async () => {
    const { token, id } = await createToken(db, { name: 'poller', role: 'designer' });
    for (let i = 0; i < 50; i++) expect(await auth.authenticate(token)).toEqual({ id, name: 'poller', role: 'designer' });
    expect(tokenQueries).toBe(1);
    expect(await auth.authenticate(`${token.slice(0, -3)}AAA`)).toBeNull();
    expect(await auth.authenticate('bl_nonsense')).toBeNull();
  });

  it('refuses a token revoked outside the API at once, though it was just used and the memory is an hour', async () => {
    const a = await createToken(db, { name: 'revoked by the store', role: 'designer' });
    const b = await createToken(db, { name: 'revoked in psql', role: 'admin' });
    expect(await auth.authenticate(a.token)).not.toBeNull();
    expect(await auth.authenticate(b.token)).not.toBeNull();
    await revokeToken(db, a.id);
    await db.query('UPDATE tokens SET revoked_at = now() WHERE id = $1', [b.id]);
    await vi.waitFor(async () => {
      expect(await auth.authenticate(a.token)).toBeNull();
      expect(await auth.authenticate(b.token)).toBeNull();
    }, { timeout: 10_000 });
  });

});
