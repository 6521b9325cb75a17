/**
 * The shape of a `brandlock` CLI command, and the context it runs in. Commands are plain objects in
 * `commands/`, one file each, listed in `commands/index.ts`; `runCli` parses arguments and dispatches.
 */

export interface CliOption {
  type: 'string' | 'boolean';
  short?: string;
  description: string;
  /** Value placeholder for help, e.g. "<file>". */
  value?: string;
  multiple?: boolean;
  default?: string | boolean;
}

export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  /** True when stdout is an interactive terminal (progress bars); false in pipes and CI. */
  isTTY: boolean;
  cwd: string;
  env: Record<string, string | undefined>;
  /** Aborted on Ctrl-C, so long commands can stop cleanly. */
  signal: AbortSignal;
}

export interface CliArgs {
  positionals: string[];
  values: Record<string, string | boolean | string[] | undefined>;
}

export interface CliCommand {
  /** Words that select the command, e.g. ["lock", "check"]. */
  path: string[];
  summary: string;
  /** Positional arguments for the usage line, e.g. "<brief> --lock <lock>". */
  usage: string;
  /** Longer help text shown by --help. */
  description?: string;
  options?: Record<string, CliOption>;
  positionals: { min: number; max: number };
  /** Returns the exit code: 0 success, 1 invalid input or a failed check, 2 usage error. */
  run(args: CliArgs, io: CliIo): Promise<number>;
}

/** Thrown for usage errors (wrong arguments): exit code 2 with the command's usage. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** Thrown for bad input (a file that is missing or invalid): exit code 1 with this message. */
export class InputError extends Error {
  override name = 'InputError';
}

export const EXIT = { ok: 0, invalid: 1, usage: 2 } as const;
