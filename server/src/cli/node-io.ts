/** The CLI's I/O bound to the real process: stdout/stderr, TTY detection, Ctrl-C as an AbortSignal. */
import type { CliIo } from './command';

export function nodeIo(): CliIo {
  const controller = new AbortController();
  let interrupts = 0;
  process.on('SIGINT', () => {
    interrupts++;
    if (interrupts > 1) process.exit(130);
    process.stderr.write('\nStopping after the current step (Ctrl-C again to quit at once)...\n');
    controller.abort(new Error('interrupted'));
  });
  process.on('SIGTERM', () => controller.abort(new Error('terminated')));
  return {
    out: (t) => void process.stdout.write(t),
    err: (t) => void process.stderr.write(t),
    isTTY: Boolean(process.stdout.isTTY),
    cwd: process.cwd(),
    env: process.env,
    signal: controller.signal,
  };
}
