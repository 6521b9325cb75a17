/**
 * Parses `brandlock` arguments (node:util parseArgs), prints help, dispatches to a command and maps
 * errors to exit codes: 0 success, 1 invalid input, 2 usage errors.
 */
import { parseArgs } from 'node:util';
import { EXIT, InputError, UsageError, type CliCommand, type CliIo } from './command';
import { commands, loadCommands, type CommandEntry } from './commands';

const BIN = 'brandlock';

function findCommand(argv: string[]): { command: CommandEntry; rest: string[] } | null {
  let best: { command: CommandEntry; rest: string[] } | null = null;
  for (const command of commands) {
    const n = command.path.length;
    if (argv.length >= n && command.path.every((w, i) => argv[i] === w)) {
      if (!best || n > best.command.path.length) best = { command, rest: argv.slice(n) };
    }
  }
  return best;
}

/** Help for one command: usage, description, options. */
export function commandHelp(command: CliCommand): string {
  const lines = [`Usage: ${BIN} ${command.path.join(' ')} ${command.usage}`.trimEnd(), '', command.summary];
  if (command.description) lines.push('', command.description.trim());
  const options = Object.entries(command.options ?? {});
  lines.push('', 'Options:');
  const rows = options.map(([name, o]) => [`${o.short ? `-${o.short}, ` : '    '}--${name}${o.value ? ` ${o.value}` : ''}`, o.description + (o.default !== undefined && o.default !== false ? ` (default: ${o.default})` : '')]);
  rows.push(['-h, --help', 'Show this help']);
  const width = Math.max(...rows.map((r) => r[0].length));
  for (const [flag, text] of rows) lines.push(`  ${flag.padEnd(width)}  ${text}`);
  return lines.join('\n') + '\n';
}

/** Help listing every command (it loads them all). */
export async function globalHelp(): Promise<string> {
  const groups = (await loadCommands()).map((c) => [`${c.path.join(' ')} ${c.usage}`.trim(), c.summary]);
  const width = Math.min(48, Math.max(...groups.map((g) => g[0].length)));
  return [
    `Usage: ${BIN} <command> [options]`,
    '',
    'brandlock enforces a Brand Lock across AI-assisted product image production.',
    '',
    'Commands:',
    ...groups.map(([u, s]) => `  ${u.padEnd(width)}  ${s}`),
    '',
    `Run "${BIN} <command> --help" for a command's options.`,
    'Exit codes: 0 success, 1 invalid input or failed check, 2 usage error.',
    '',
  ].join('\n');
}

/** Runs the CLI on argv (without node and script), returning the exit code. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  if (argv.length === 0 || argv[0] === '--help' || argv[0] === '-h' || argv[0] === 'help') {
    io.out(await globalHelp());
    return argv.length === 0 ? EXIT.usage : EXIT.ok;
  }
  if (argv[0] === '--version') {
    io.out('brandlock 0.1.0\n');
    return EXIT.ok;
  }
  const found = findCommand(argv);
  if (!found) {
    io.err(`${BIN}: unknown command "${argv.filter((a) => !a.startsWith('-')).slice(0, 2).join(' ')}"\n\n${await globalHelp()}`);
    return EXIT.usage;
  }
  const { rest } = found;
  const command = await found.command.load();
  if (rest.includes('--help') || rest.includes('-h')) {
    io.out(commandHelp(command));
    return EXIT.ok;
  }
  try {
    const options = Object.fromEntries(
      Object.entries(command.options ?? {}).map(([name, o]) => [
        name,
        Object.fromEntries(Object.entries({ type: o.type, short: o.short, multiple: o.multiple, default: o.default }).filter(([, v]) => v !== undefined)),
      ]),
    );
    let parsed;
    try {
      parsed = parseArgs({ args: rest, options: options as never, allowPositionals: true, strict: true });
    } catch (e) {
      throw new UsageError((e as Error).message);
    }
    const { positionals, values } = parsed;
    if (positionals.length < command.positionals.min) throw new UsageError(`missing argument: expected ${command.usage}`);
    if (positionals.length > command.positionals.max) throw new UsageError(`unexpected argument "${positionals[command.positionals.max]}"`);
    return await command.run({ positionals, values: values as Record<string, string | boolean | string[] | undefined> }, io);
  } catch (e) {
    const err = e as Error;
    if (err?.name === 'UsageError') {
      io.err(`${BIN} ${command.path.join(' ')}: ${err.message}\n\n${commandHelp(command)}`);
      return EXIT.usage;
    }
    if (err?.name === 'InputError') {
      io.err(`${BIN} ${command.path.join(' ')}: ${err.message}\n`);
      return EXIT.invalid;
    }
    throw e;
  }
}

export { UsageError, InputError };
