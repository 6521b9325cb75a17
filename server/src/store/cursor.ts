/**
 * Opaque page cursors: the sort key of the last item (time and id), base64url-encoded. A cursor that
 * does not decode is a bad request, never a silent first page.
 */

export interface CursorKey {
  at: string;
  id: string;
}

export function encodeCursor(key: CursorKey): string {
  return Buffer.from(JSON.stringify([key.at, key.id])).toString('base64url');
}

export function decodeCursor(cursor: string | undefined): CursorKey | null {
  if (!cursor) return null;
  try {
    const [at, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown[];
    if (typeof at === 'string' && typeof id === 'string' && !Number.isNaN(Date.parse(at))) return { at, id };
  } catch {
    // falls through to the error below
  }
  throw new CursorError('the cursor is not one this server gave out');
}

export class CursorError extends Error {
  override name = 'CursorError';
}
