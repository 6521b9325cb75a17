/** Reads a JSON file with errors that name the file, line and column. */
import { readFile } from 'node:fs/promises';
import { InputError } from '../cli/command';

/** Converts a character offset into a 1-based line and column. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n') };
}

/** Parses JSON text, throwing an InputError that says where it broke. */
export function parseJsonText(text: string, label: string): unknown {
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    const msg = (e as Error).message;
    const at = /position (\d+)/.exec(msg);
    if (at) {
      const { line, column } = lineColumn(text, Number(at[1]));
      throw new InputError(`${label}:${line}:${column}: invalid JSON: ${msg.replace(/ in JSON at position \d+.*$/, '').replace(/ \(line \d+ column \d+\)$/, '')}`);
    }
    throw new InputError(`${label}: invalid JSON: ${msg}`);
  }
}

/** Reads and parses a JSON file; missing files and syntax errors become InputErrors. */
export async function readJsonFile(path: string, label = path): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new InputError(code === 'ENOENT' ? `${label}: no such file` : `${label}: cannot read (${code ?? (e as Error).message})`);
  }
  return parseJsonText(text, label);
}
