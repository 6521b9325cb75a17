/** `brandlock serve`: runs the brandlock server (the same as `npm start`) until Ctrl-C. */
import { EXIT, InputError, type CliCommand } from '../command';

export const serve: CliCommand = {
  path: ['serve'],
  summary: 'Run the brandlock server: API, job queue and workers (configured by environment variables)',
  usage: '[--port <n>] [--host <address>]',
  description:
    'Embedded defaults: PGlite in ./.brandlock (BRANDLOCK_DATA), the local provider, 127.0.0.1:8787. Set DATABASE_URL for a Postgres server ' +
    'and provider keys (FAL_KEY, REPLICATE_API_TOKEN, RUNWAYML_API_SECRET, COMFYUI_URL) for GPU providers; see the README. ' +
    'The first start prints an admin token once.',
  options: {
    port: { type: 'string', value: '<n>', description: 'Port (default: PORT or 8787; 0 picks a free one)' },
    host: { type: 'string', value: '<address>', description: 'Address to listen on (default: HOST or 127.0.0.1)' },
    data: { type: 'string', value: '<dir>', description: 'Data folder (default: BRANDLOCK_DATA or ./.brandlock)' },
  },
  positionals: { min: 0, max: 0 },
  async run({ values }, io) {
    const { ConfigError, readServerConfig } = await import('../../config/server-config');
    const { serveHttp } = await import('../../runtime/serve-http');
    const env = { ...io.env };
    if (typeof values.port === 'string') env.PORT = values.port;
    if (typeof values.host === 'string') env.HOST = values.host;
    if (typeof values.data === 'string') env.BRANDLOCK_DATA = values.data;
    let config;
    try {
      config = readServerConfig(env, io.cwd);
    } catch (e) {
      if (e instanceof ConfigError) throw new InputError(e.message);
      throw e;
    }
    let serving;
    try {
      serving = await serveHttp(config, io);
    } catch (e) {
      throw new InputError(`the server could not start: ${(e as Error).message}`);
    }
    await new Promise<void>((resolve) => {
      if (io.signal.aborted) resolve();
      io.signal.addEventListener('abort', () => resolve(), { once: true });
    });
    io.err('Stopping: letting running steps finish...\n');
    await serving.close();
    return EXIT.ok;
  },
};
