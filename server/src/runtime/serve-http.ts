/**
 * Serves the API over HTTP (@hono/node-server) and stops cleanly on SIGINT/SIGTERM: stop accepting,
 * let running steps finish, close the database. Prints the URL and, on the very first start, the
 * admin token (once, to stdout; never to the log).
 */
import { serve } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import type { ServerConfig } from '../config/server-config';
import { configSecrets } from '../config/server-config';
import { createLogger, type LogLevel } from '../log/logger';
import { startBrandlockServer, SERVER_VERSION, type BrandlockServer } from './brandlock-server';

export interface ServeIo {
  out(text: string): void;
  err(text: string): void;
  env: Record<string, string | undefined>;
}

export interface ServingServer {
  server: BrandlockServer;
  url: string;
  close(): Promise<void>;
}

export async function serveHttp(config: ServerConfig, io: ServeIo): Promise<ServingServer> {
  const log = createLogger({ secrets: configSecrets(config), level: (io.env.BRANDLOCK_LOG_LEVEL as LogLevel | undefined) ?? 'info', sink: (line) => io.err(`${line}\n`) });
  const server = await startBrandlockServer({ config, log });
  const http = await new Promise<ReturnType<typeof serve>>((resolve, reject) => {
    // Slow headers are cut off after headersTimeoutMs, checked every second (Node checks every 30 s by
    // default, so a trickling client kept its socket for up to 90 s); a request body, an upload of a
    // large master on a slow link, keeps Node's five minutes.
    const serverOptions = { headersTimeout: config.headersTimeoutMs, connectionsCheckingInterval: Math.min(1000, config.headersTimeoutMs) };
    const s = serve({ fetch: server.app.fetch, hostname: config.host, port: config.port, serverOptions }, () => resolve(s));
    s.once('error', reject);
  });
  const address = http.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  const url = `http://${host}:${address.port}`;
  const providers = server.registry.describe().map((p) => `${p.name}${p.default ? ' (default)' : ''}`).join(', ');
  io.out(
    [
      `brandlock server ${SERVER_VERSION} listening on ${url}`,
      `  database   ${config.databaseUrl ? 'Postgres server (DATABASE_URL)' : `PGlite in ${config.dataDir}`}`,
      `  blobs      ${config.blobDir}`,
      `  providers  ${providers}`,
      ...(server.firstAdminToken
        ? ['', 'First start: an admin token was created. It is shown only this once; keep it somewhere safe:', `  ${server.firstAdminToken}`, `Use it as "Authorization: Bearer <token>", and make per-person tokens with "brandlock token create" or POST /v1/tokens.`]
        : []),
      '',
    ].join('\n'),
  );
  let closing: Promise<void> | null = null;
  return {
    server,
    url,
    close() {
      closing ??= (async () => {
        await new Promise<void>((resolve) => http.close(() => resolve()));
        await server.stop();
      })();
      return closing;
    },
  };
}
