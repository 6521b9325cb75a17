/** Reads a brief file (CSV or JSON by extension or content) and parses it with core. */
import { readFile, stat } from 'node:fs/promises';
import { extname } from 'node:path';
import { parseBrief, type ParseBriefResult } from '@brandlock/core';
import { InputError } from '../cli/command';

/** Largest brief file read (a 100,000-row brief is about 30 MB). */
const MAX_BRIEF_BYTES = 64 * 1024 * 1024;

export async function readBriefFile(path: string): Promise<ParseBriefResult> {
  let text: string;
  try {
    const info = await stat(path);
    if (!info.isFile()) throw new InputError(`${path}: not a file`);
    if (info.size > MAX_BRIEF_BYTES) throw new InputError(`${path}: ${info.size} bytes is larger than the ${MAX_BRIEF_BYTES / 1024 / 1024} MB a brief may be`);
    text = await readFile(path, 'utf8');
  } catch (e) {
    if ((e as Error).name === 'InputError') throw e;
    const code = (e as NodeJS.ErrnoException).code;
    throw new InputError(code === 'ENOENT' ? `${path}: no such file` : `${path}: cannot read (${code ?? (e as Error).message})`);
  }
  const ext = extname(path).toLowerCase();
  return parseBrief(text, ext === '.json' ? 'json' : ext === '.csv' || ext === '.txt' ? 'csv' : undefined);
}
