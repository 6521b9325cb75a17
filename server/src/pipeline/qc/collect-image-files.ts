/**
 * Expands the CLI's `<files or folders>` into the list of files to check. Folders are walked
 * recursively for image files (also formats brandlock cannot read, such as PSD or BMP, so they
 * show up as error rows rather than vanish); hidden entries and flag sidecars are skipped. A named
 * file is always taken, whatever its extension.
 */
import { readdir, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';

const IMAGE_EXTENSIONS = /\.(jpe?g|png|webp|avif|tiff?|gif|heic|heif|bmp|psd|jxl|svg|cr2|nef|arw|dng)$/i;
const MAX_FILES = 100_000;

export interface CollectedFiles {
  /** Absolute paths, sorted. */
  files: string[];
  /** Inputs that do not exist or cannot be read, with the reason. */
  problems: { input: string; message: string }[];
}

/**
 * @example await collectImageFiles(['shoot/', 'extra.jpg'], process.cwd())
 */
export async function collectImageFiles(inputs: readonly string[], cwd: string): Promise<CollectedFiles> {
  const files = new Set<string>();
  const problems: CollectedFiles['problems'] = [];
  for (const input of inputs) {
    const path = resolve(cwd, input);
    try {
      const info = await stat(path);
      if (info.isDirectory()) await walk(path, files);
      else files.add(path);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      problems.push({ input, message: code === 'ENOENT' ? 'no such file or folder' : `cannot read (${code ?? (e as Error).message})` });
    }
    if (files.size > MAX_FILES) throw new RangeError(`more than ${MAX_FILES} image files; run QC on smaller folders`);
  }
  return { files: [...files].sort(), problems };
}

async function walk(dir: string, into: Set<string>): Promise<void> {
  const entries = await readdir(dir, { withFileTypes: true });
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) await walk(path, into);
    else if (entry.isFile() && IMAGE_EXTENSIONS.test(entry.name)) into.add(path);
  }
}
