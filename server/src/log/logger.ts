/**
 * Structured log lines (one JSON object a line) with secrets scrubbed: every configured key, token and
 * password (and each part of it, in any encoding) is replaced by "[redacted]" in the final text,
 * whatever field or error message carried it.
 */
import { createSecretRedactor } from '../secrets/secret-redactor';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
const ORDER: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

export interface Logger {
  debug(msg: string, fields?: Record<string, unknown>): void;
  info(msg: string, fields?: Record<string, unknown>): void;
  warn(msg: string, fields?: Record<string, unknown>): void;
  error(msg: string, fields?: Record<string, unknown>): void;
  child(fields: Record<string, unknown>): Logger;
}

export interface LoggerOptions {
  /** Where lines go (default: stderr). */
  sink?: (line: string) => void;
  level?: LogLevel;
  /** Values that must never appear in a line. */
  secrets?: readonly string[];
}

/**
 * @example
 * const log = createLogger({ secrets: [falKey] });
 * log.info('job submitted', { jobId }); // {"t":"...","level":"info","msg":"job submitted","jobId":"..."}
 */
export function createLogger(options: LoggerOptions = {}, bound: Record<string, unknown> = {}): Logger {
  const sink = options.sink ?? ((line: string) => void process.stderr.write(`${line}\n`));
  const min = ORDER[options.level ?? 'info'];
  const redactor = createSecretRedactor(options.secrets ?? []);
  const write = (level: LogLevel, msg: string, fields: Record<string, unknown> = {}) => {
    if (ORDER[level] < min) return;
    let line: string;
    try {
      line = JSON.stringify({ t: new Date().toISOString(), level, msg, ...bound, ...fields }, replaceErrors);
    } catch {
      line = JSON.stringify({ t: new Date().toISOString(), level, msg, note: 'fields could not be serialised' });
    }
    sink(redactor.redact(line));
  };
  return {
    debug: (m, f) => write('debug', m, f),
    info: (m, f) => write('info', m, f),
    warn: (m, f) => write('warn', m, f),
    error: (m, f) => write('error', m, f),
    child: (fields) => createLogger(options, { ...bound, ...fields }),
  };
}

function replaceErrors(_key: string, value: unknown): unknown {
  if (value instanceof Error) return { name: value.name, message: value.message, stack: value.stack };
  return value;
}
