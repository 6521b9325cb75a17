/**
 * Where a season run's jobs go: a server started in this process on the embedded defaults (PGlite
 * and the blob store inside the delivery folder, workers here, loopback only), or a running server
 * given by URL and token. Either way the run talks to it through core's typed API client, so both
 * paths are the same code.
 */
import { appendFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { createBrandlockClient, type BrandlockClient } from '@brandlock/core/api';
import { ConfigError, PROVIDER_SWITCH, readServerConfig } from '../config/server-config';
import { serveHttp } from '../runtime/serve-http';
import { createToken, revokeToken } from '../store/tokens';
import { importRecipeApprovals } from '../store/recipe-approvals';
import type { RecipeApproval } from '@brandlock/core';

export interface ProduceConnection {
  api: BrandlockClient;
  /** "in-process" or the server's URL. */
  where: string;
  /** The server's log file, for in-process runs. */
  logFile: string | null;
  /** In-process only: gives the server the ledger's approvals, so its recipe gate reads what the run reads. */
  importApprovals?(approvals: readonly RecipeApproval[], source: string): Promise<void>;
  stop(): Promise<void>;
}

export interface ConnectOptions {
  outDir: string;
  server?: string;
  token?: string;
  provider?: string;
  concurrency?: number;
  env: Record<string, string | undefined>;
  cwd: string;
}

export async function connectForProduce(options: ConnectOptions): Promise<ProduceConnection> {
  if (options.server) {
    if (!options.token) throw new Error('--server needs --token (or BRANDLOCK_TOKEN): a token whose role may create jobs');
    return { api: createBrandlockClient({ baseUrl: options.server, token: options.token }), where: options.server, logFile: null, stop: async () => undefined };
  }
  const needs = options.provider && options.provider in PROVIDER_SWITCH ? PROVIDER_SWITCH[options.provider as keyof typeof PROVIDER_SWITCH] : null;
  if (needs && !options.env[needs]?.trim()) {
    throw new ConfigError([`--provider ${options.provider}: ${options.provider} is not configured here; set ${needs} in the environment (see the README's GPU providers section), or use --server with a server that holds the key`]);
  }
  const stateDir = join(options.outDir, '.brandlock');
  mkdirSync(stateDir, { recursive: true });
  const logFile = join(stateDir, 'server.log');
  const env: Record<string, string | undefined> = {
    ...options.env,
    BRANDLOCK_DATA: options.env.BRANDLOCK_DATA ?? join(stateDir, 'data'),
    HOST: '127.0.0.1',
    PORT: '0',
    BRANDLOCK_PUBLIC_URL: undefined,
  };
  if (options.provider) env.BRANDLOCK_PROVIDER = options.provider;
  if (options.concurrency) env[`BRANDLOCK_CONCURRENCY_${(options.provider ?? env.BRANDLOCK_PROVIDER ?? 'local').toUpperCase()}`] = String(options.concurrency);
  const config = readServerConfig(env, options.cwd);
  const log = (text: string) => appendFileSync(logFile, text);
  // The server's own first-start token is discarded: this run makes a token of its own and revokes it at the end.
  const serving = await serveHttp(config, { out: () => undefined, err: log, env });
  const created = await createToken(serving.server.db, { name: `produce run ${new Date().toISOString()}`, role: 'admin' });
  return {
    api: createBrandlockClient({ baseUrl: serving.url, token: created.token }),
    where: 'in-process',
    logFile,
    async importApprovals(approvals, source) {
      await importRecipeApprovals(serving.server.db, { name: created.name, tokenId: created.id }, approvals, source);
    },
    async stop() {
      await revokeToken(serving.server.db, created.id).catch(() => undefined);
      await serving.close();
    },
  };
}
