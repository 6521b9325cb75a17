/**
 * A real brandlock server for tests: the same composition as `npm start` (real PGlite, pg-boss, blob
 * folder, providers), on a private in-memory database and a temp folder, optionally listening on a
 * loopback port. Requests go through `app.request` or real HTTP.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import type { Role } from '@brandlock/core/api';
import { configSecrets, readServerConfig } from '../../src/config/server-config';
import { createLogger } from '../../src/log/logger';
import { startBrandlockServer, type BrandlockServer, type BrandlockServerOptions } from '../../src/runtime/brandlock-server';
import { createToken } from '../../src/store/tokens';
import { openTestDatabase } from './test-database';
import { TEST_RENDER_PRIORITY } from './spawn-server';

/** A Response whose JSON is untyped, for assertions. */
export type TestResponse = Omit<Response, 'json'> & { json(): Promise<any> };

export interface TestServer {
  server: BrandlockServer;
  adminToken: string;
  /** Every log line the server wrote. */
  logs: string[];
  dir: string;
  /** The loopback URL when started with `listen`. */
  url: string;
  tokenFor(role: Role, name?: string): Promise<string>;
  /** `app.request` with the admin token (or the given one; null for none). */
  request(path: string, init?: RequestInit & { token?: string | null }): Promise<TestResponse>;
  close(): Promise<void>;
}

export async function startTestServer(options: { env?: Record<string, string>; listen?: boolean } & Omit<BrandlockServerOptions, 'config' | 'db' | 'log'> = {}): Promise<TestServer> {
  const dir = await mkdtemp(join(tmpdir(), 'brandlock-test-'));
  const config = readServerConfig({ BRANDLOCK_DATA: dir, PORT: '0', BRANDLOCK_POLL_MIN_MS: '50', BRANDLOCK_POLL_MAX_MS: '500', BRANDLOCK_STEP_TIMEOUT_SECONDS: '30', ...TEST_RENDER_PRIORITY, ...options.env }, dir);
  const logs: string[] = [];
  const db = await openTestDatabase();
  const { env: _env, listen, ...rest } = options;
  const server = await startBrandlockServer({ ...rest, config, db, log: createLogger({ sink: (l) => logs.push(l), level: 'debug', secrets: configSecrets(config) }) });
  const adminToken = server.firstAdminToken!;
  let url = '';
  let http: ReturnType<typeof serve> | null = null;
  if (listen) {
    http = await new Promise((resolve) => {
      const s = serve({ fetch: server.app.fetch, hostname: '127.0.0.1', port: 0 }, () => resolve(s));
    });
    url = `http://127.0.0.1:${(http!.address() as AddressInfo).port}`;
  }
  return {
    server,
    adminToken,
    logs,
    dir,
    url,
    async tokenFor(role, name = `${role}-user`) {
      return (await createToken(server.db, { name, role })).token;
    },
    request(path, init = {}) {
      const { token = adminToken, ...rest } = init;
      const headers = new Headers(rest.headers);
      if (token) headers.set('authorization', `Bearer ${token}`);
      return Promise.resolve(server.app.request(path, { ...rest, headers })) as Promise<TestResponse>;
    },
    async close() {
      if (http) await new Promise<void>((resolve) => http!.close(() => resolve()));
      await server.stop();
      await server.db.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
