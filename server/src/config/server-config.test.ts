// Every provider credential the server is configured with is scrubbed from its logs, the ComfyUI
// proxy token and a password inside COMFYUI_URL included.
import { expect, it } from 'vitest';
import { configSecrets, readServerConfig } from './server-config';
import { createLogger } from '../log/logger';

it('scrubs every provider key, token and URL password from log lines', () => {
  const env = {
    FAL_KEY: 'fal-key-0123456789',
    REPLICATE_API_TOKEN: 'r8_replicate-token-0123',
    REPLICATE_WEBHOOK_SECRET: 'whsec_replicate-hook-0123',
    RUNWAYML_API_SECRET: 'key_runway-secret-0123',
    COMFYUI_URL: 'http://gpu-user:comfy-url-password@10.0.0.5:8188',
    COMFYUI_TOKEN: 'comfy-proxy-token-0123',
    DATABASE_URL: 'postgres://brandlock:db-password-0123@127.0.0.1:5432/brandlock',
  };
  const config = readServerConfig(env, '/tmp');
  const secrets = configSecrets(config);
  const lines: string[] = [];
  const log = createLogger({ secrets, sink: (l) => lines.push(l) });
  const everything = Object.values(env).join(' ');
  log.error('provider said', { detail: everything, token: env.COMFYUI_TOKEN });
  const out = lines.join('\n');
  expect(out).toContain('provider said');
  for (const leaked of ['fal-key-0123456789', 'r8_replicate-token-0123', 'whsec_replicate-hook-0123', 'key_runway-secret-0123', 'comfy-proxy-token-0123', 'comfy-url-password', 'db-password-0123']) {
    expect(out).not.toContain(leaked);
  }
});
