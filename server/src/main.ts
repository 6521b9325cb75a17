/** `npm start`: the brandlock server on the configuration in the environment (bundled to dist/server.mjs). */
import { ConfigError, readServerConfig } from './config/server-config';
import { serveHttp } from './runtime/serve-http';

async function main(): Promise<void> {
  let config;
  try {
    config = readServerConfig(process.env, process.cwd());
  } catch (e) {
    if (e instanceof ConfigError) {
      process.stderr.write(`brandlock server: ${e.message}\n`);
      process.exit(1);
    }
    throw e;
  }
  const serving = await serveHttp(config, { out: (t) => void process.stdout.write(t), err: (t) => void process.stderr.write(t), env: process.env });
  const shutdown = (signal: string) => {
    process.stderr.write(`brandlock server: ${signal}, stopping after running steps finish\n`);
    serving.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', () => shutdown('SIGINT'));
  process.once('SIGTERM', () => shutdown('SIGTERM'));
}

main().catch((e: unknown) => {
  process.stderr.write(`brandlock server: could not start: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
