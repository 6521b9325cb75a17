// When the Postgres server goes away, the API says so: 503 with Retry-After and a code that names the
// database, not a 500 "internal server error" that reads as a bug in brandlock. A database host that
// does not answer at all fails queries after the connect timeout instead of holding them for minutes.
import { createServer, type Socket } from 'node:net';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { startThrowawayPostgres } from '../../test-support/postgres/throwaway-postgres';
import { readServerConfig } from '../config/server-config';
import { createLogger } from '../log/logger';
import { startBrandlockServer } from '../runtime/brandlock-server';
import { isDatabaseUnavailable } from './database-unavailable';
import { openPostgresDatabase } from './postgres-database';
import { createToken } from './tokens';

const dirs: string[] = [];
afterAll(async () => {
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});

/** A TCP server that accepts connections and never says a word: a database host behind a dead proxy. */
async function silentServer(): Promise<{ url: string; close(): void }> {
  const sockets: Socket[] = [];
  const server = createServer((s) => sockets.push(s));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  return {
    url: `postgres://brandlock@127.0.0.1:${port}/postgres`,
    close: () => {
      for (const s of sockets) s.destroy();
      server.close();
    },
  };
}

describe('a database outage', () => {
  it('is answered 503 with Retry-After while Postgres is down, and /health says it', async () => {
    const pgServer = await startThrowawayPostgres();
    const dir = await mkdtemp(join(tmpdir(), 'brandlock-outage-'));
    dirs.push(dir);
    const logs: string[] = [];
    const env = { DATABASE_URL: pgServer.url, BRANDLOCK_DATA: dir, BRANDLOCK_BLOBS: join(dir, 'blobs'), BRANDLOCK_WORKERS: 'false' };
    const server = await startBrandlockServer({ config: readServerConfig(env, dir), log: createLogger({ sink: (l) => logs.push(l) }) });
    try {
      const token = (await createToken(server.db, { name: 'outage test', role: 'admin' })).token;
      const get = (path: string) => Promise.resolve(server.app.request(path, { headers: { authorization: `Bearer ${token}` } }));
      expect((await get('/v1/jobs')).status).toBe(200);
      await pgServer.stop();
      const res = await get('/v1/jobs');
      expect(res.status).toBe(503);
      expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
      const body = (await res.json()) as { error: { code: string; message: string } };
      expect(body.error.code).toBe('database_unavailable');
      expect(body.error.message).toMatch(/database is not answering/);
      expect((await server.app.request('/health')).status).toBe(503);
      // Logged as an outage, not as an unhandled error with a stack.
      expect(logs.some((l) => l.includes('"msg":"database unavailable"'))).toBe(true);
      expect(logs.some((l) => l.includes('"msg":"unhandled error"'))).toBe(false);
    } finally {
      await server.stop().catch(() => undefined);
      await pgServer.stop().catch(() => undefined);
    }
  }, 120_000);

  it('fails a query within the connect timeout when the database host accepts and never answers', async () => {
    const silent = await silentServer();
    try {
      const started = performance.now();
      const err = await openPostgresDatabase(silent.url, { connectTimeoutMs: 1_000 }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(Error);
      expect(performance.now() - started).toBeLessThan(20_000);
      expect(isDatabaseUnavailable(err)).toBe(true);
    } finally {
      silent.close();
    }
  }, 60_000);

  it('tells an outage from a fault in a query', async () => {
    // A refused connection, as node-postgres reports it.
    const refused = new pg.Pool({ connectionString: 'postgres://brandlock@127.0.0.1:9/postgres', connectionTimeoutMillis: 5_000 });
    const down = await refused.query('SELECT 1').catch((e: unknown) => e);
    await refused.end();
    expect(isDatabaseUnavailable(down)).toBe(true);
    // Postgres's own "cannot connect now" and "too many connections".
    expect(isDatabaseUnavailable(Object.assign(new Error('the database system is starting up'), { code: '57P03' }))).toBe(true);
    expect(isDatabaseUnavailable(Object.assign(new Error('sorry, too many clients already'), { code: '53300' }))).toBe(true);
    // A query's own faults are not outages: they stay 500s and are logged with their stack.
    expect(isDatabaseUnavailable(Object.assign(new Error('syntax error at or near "SELEC"'), { code: '42601' }))).toBe(false);
    expect(isDatabaseUnavailable(Object.assign(new Error('duplicate key value violates unique constraint'), { code: '23505' }))).toBe(false);
    expect(isDatabaseUnavailable(new TypeError("Cannot read properties of undefined (reading 'id')"))).toBe(false);
  });
});
