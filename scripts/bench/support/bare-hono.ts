/**
 * The benchmarks' reference server: an 8-line Hono app (GET /v1/jobs/:id answers {"ok":true}) on the
 * same Node and @hono/node-server as brandlock, in its own process on a loopback port.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { join } from 'node:path';

const root = new URL('../../../', import.meta.url).pathname;

export async function startBareHono(): Promise<{ url: string; stop: () => void }> {
  const cache = join(root, 'node_modules', '.cache', 'brandlock-bench');
  mkdirSync(cache, { recursive: true });
  const file = join(cache, `bare-hono-${process.pid}.mjs`);
  writeFileSync(
    file,
    `import { Hono } from 'hono';\nimport { serve } from '@hono/node-server';\nconst app = new Hono();\napp.get('/v1/jobs/:id', (c) => c.json({ ok: true }));\n` +
      `const s = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, (i) => console.log('listening on http://127.0.0.1:' + i.port));\n`,
  );
  const child = spawn(process.execPath, [file], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  while (!/listening on (\S+)/.test(out)) await new Promise((r) => setTimeout(r, 20));
  return { url: /listening on (\S+)/.exec(out)![1], stop: () => void (child.kill('SIGTERM'), rmSync(file, { force: true })) };
}
