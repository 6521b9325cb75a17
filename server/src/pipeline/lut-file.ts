/**
 * Reads a .cube file from disk into a CubeLut, with every problem named by file and line
 * ("grades/warm.cube:12: ..."), and parser warnings kept beside the LUT.
 */
import { readFile, stat } from 'node:fs/promises';
import { formatCubeIssue, parseCube, type CubeLut } from '@brandlock/core';

export type LutFileResult = { success: true; lut: CubeLut; warnings: string[] } | { success: false; message: string };

/** 256³ entries at ~25 bytes a line is about 420 MB; anything larger is not a .cube this can hold. */
const MAX_BYTES = 450 * 1024 * 1024;

/**
 * Reads and parses a .cube file; `label` is how the file is named in messages (default: the path).
 * @example const res = await readLutFile('samples/luts/warm-studio.cube'); if (res.success) applyLut(raster, res.lut);
 */
export async function readLutFile(path: string, label = path): Promise<LutFileResult> {
  let size: number;
  try {
    const info = await stat(path);
    if (!info.isFile()) return { success: false, message: `${label}: not a file` };
    size = info.size;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return { success: false, message: code === 'ENOENT' ? `${label}: no such file` : `${label}: cannot read (${code ?? (e as Error).message})` };
  }
  if (size > MAX_BYTES) return { success: false, message: `${label}: ${(size / 1048576).toFixed(0)} MB is larger than any valid .cube (at most ${MAX_BYTES / 1048576} MB)` };
  const text = await readFile(path, 'utf8');
  if (text.includes('\u0000')) return { success: false, message: `${label}: this is a binary file, not .cube text` };
  const res = parseCube(text);
  if (!res.success) return { success: false, message: formatCubeIssue(res.issue, label) };
  return { success: true, lut: res.lut, warnings: res.warnings.map((w) => formatCubeIssue(w, label)) };
}
