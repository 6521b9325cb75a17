/** parseCube for callers that prefer an exception: throws CubeParseError naming the file and line. */
import { CubeParseError } from './cube-issue';
import type { CubeLut } from './cube-lut';
import { parseCube } from './parse-cube';

/**
 * Parses .cube text or throws a CubeParseError whose message is "file:line: what is wrong".
 * @example parseCubeOrThrow(text, 'warm-studio.cube').lut3d?.size // 33
 */
export function parseCubeOrThrow(text: string, file?: string): CubeLut {
  const res = parseCube(text);
  if (!res.success) throw new CubeParseError(res.issue, file);
  return res.lut;
}
