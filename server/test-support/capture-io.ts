/** A CliIo that records what a command prints, for running the CLI in-process in tests. */
import type { CliIo } from '../src/cli/command';

export interface CapturedIo extends CliIo {
  stdout: string;
  stderr: string;
}

export function captureIo(cwd = process.cwd(), env: Record<string, string | undefined> = {}): CapturedIo {
  const io: CapturedIo = {
    stdout: '',
    stderr: '',
    out: (t) => void (io.stdout += t),
    err: (t) => void (io.stderr += t),
    isTTY: false,
    cwd,
    env,
    signal: new AbortController().signal,
  };
  return io;
}
