/**
 * Runs the bundled server (dist/server.mjs, what `npm start` runs) as a child process, the way a user
 * starts it, and reads its URL and first admin token from what it prints.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('../../../', import.meta.url).pathname;

/**
 * Builds the server bundle into its own folder under dist/ (beside node_modules, so its external
 * packages resolve); returns the path of server.mjs and a function that removes the folder.
 */
export function buildServerBundle(name: string): { bundle: string; remove: () => void } {
  const outDir = join(root, 'dist', `${name}-${process.pid}`);
  const build = spawnSync(process.execPath, ['esbuild.config.mjs', 'server'], { cwd: root, encoding: 'utf8', env: { ...process.env, BRANDLOCK_DIST: outDir } });
  if (build.status !== 0) throw new Error(`build failed: ${build.stderr}`);
  return { bundle: join(outDir, 'server.mjs'), remove: () => rmSync(outDir, { recursive: true, force: true }) };
}

export interface SpawnedServer {
  child: ChildProcess;
  url: string;
  adminToken: string | null;
  stdout: () => string;
  stderr: () => string;
  /** Resolves with the exit code (or signal) when the process ends. */
  exited: Promise<number | string>;
}

/**
 * Render processes at normal priority unless a test asks otherwise: on a shared test machine, renders
 * at the production default (nice 10) wait behind every other process's work. The priority itself is
 * tested where it is the point (server/src/render).
 */
export const TEST_RENDER_PRIORITY = { BRANDLOCK_RENDER_NICE: '0' };

export async function spawnServer(bundle: string, env: Record<string, string>, cwd: string, timeoutMs = 60_000): Promise<SpawnedServer> {
  const child = spawn(process.execPath, [bundle], { cwd, env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', PORT: '0', ...TEST_RENDER_PRIORITY, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (err += d));
  const exited = new Promise<number | string>((resolve) => child.on('exit', (code, signal) => resolve(code ?? signal ?? 'unknown')));
  const started = Date.now();
  while (!/listening on (\S+)/.test(out)) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`server exited before listening: ${err}`);
    if (Date.now() - started > timeoutMs) {
      child.kill('SIGKILL');
      throw new Error(`server did not start in ${timeoutMs} ms: ${err}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  await new Promise((r) => setTimeout(r, 50));
  return {
    child,
    url: /listening on (\S+)/.exec(out)![1],
    adminToken: /^\s+(bl_\S+)$/m.exec(out)?.[1] ?? null,
    stdout: () => out,
    stderr: () => err,
    exited,
  };
}
