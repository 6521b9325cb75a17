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

/** A time as the server writes it (`Date.toISOString`), years 1000 to 9999 as the database stores them. */
const ISO_TIME = /^[1-9]\d{3}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?Z$/;
/** Row ids the server makes: UUIDs, with a suffix for an output's index. */
const TEXT_ID = /^[A-Za-z0-9._:-]{1,128}$/;
/** The audit trail's serial ids (a Postgres integer). */
const SERIAL_ID = /^[1-9]\d{0,9}$/;

/**
 * The key a cursor holds, checked as strictly as the server writes it: a client can hand-make the
 * base64url, and a NUL, a lone surrogate, a date the database cannot store or a non-number for a
 * serial id would otherwise reach SQL and come back as a 500.
 */
export function decodeCursor(cursor: string | undefined, options: { serialId?: boolean } = {}): CursorKey | null {
  if (!cursor) return null;
  try {
    const [at, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown[];
    const idOk = typeof id === 'string' && (options.serialId ? SERIAL_ID.test(id) && Number(id) <= 2_147_483_647 : TEXT_ID.test(id));
    if (typeof at === 'string' && ISO_TIME.test(at) && !Number.isNaN(Date.parse(at)) && idOk) return { at, id: id as string };
  } catch {
    // falls through to the error below
  }
  throw new CursorError('the cursor is not one this server gave out');
}

export class CursorError extends Error {
  override name = 'CursorError';
}
