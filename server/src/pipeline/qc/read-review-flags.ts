/**
 * Reads the review flags attached to an image: `<image>.flags.json` beside it, a JSON array of
 * `{ source, by, reason, severity }`. No sidecar means no flags; a broken one is an error naming
 * the file and the field, because a dropped flag would let an image pass that a person stopped.
 */
import { readFile, stat } from 'node:fs/promises';
import { ReviewFlagsFile, type ReviewFlag } from '@brandlock/core';

const MAX_BYTES = 256 * 1024;

export type ReviewFlagsResult = { success: true; flags: ReviewFlag[] } | { success: false; message: string };

export async function readReviewFlags(imagePath: string): Promise<ReviewFlagsResult> {
  const sidecar = `${imagePath}.flags.json`;
  let text: string;
  try {
    const info = await stat(sidecar);
    if (info.size > MAX_BYTES) return { success: false, message: `${sidecar}: ${info.size} bytes is more than a flags file may be (${MAX_BYTES})` };
    text = await readFile(sidecar, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { success: true, flags: [] };
    return { success: false, message: `${sidecar}: cannot read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})` };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return { success: false, message: `${sidecar}: invalid JSON (${(e as Error).message})` };
  }
  const parsed = ReviewFlagsFile.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue.path.length ? `flag ${Number(issue.path[0]) + 1}${issue.path.length > 1 ? `, field "${String(issue.path[1])}"` : ''}` : 'the file';
    return { success: false, message: `${sidecar}: ${where}: ${issue.message}; expected an array of { "by", "reason", "source": "person" | "provider", "severity": "flag" | "reject" }` };
  }
  return { success: true, flags: parsed.data };
}
