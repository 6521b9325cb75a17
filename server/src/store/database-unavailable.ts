/**
 * Whether an error means the database cannot be reached (down, restarting, refusing connections, out
 * of connection slots, or not answering within the connect timeout), as opposed to a fault in a query.
 * The API answers those 503 with Retry-After, so clients and people retry instead of reporting a bug.
 */

/** Node's network errors for a connection that could not be made or was cut. */
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);
/**
 * Postgres SQLSTATEs of a server that is not serving: class 08 (connection exception), 57P01-57P03
 * (shut down by an administrator, crash shutdown, cannot connect now: starting or in recovery) and
 * 53300 (too many connections).
 */
const SQLSTATE = /^(?:08[0-9A-Z]{3}|57P0[123]|53300)$/;
/** What node-postgres says when a connection fails or times out without a code. */
const PG_MESSAGES = /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|Connection refused/i;

/**
 * @example isDatabaseUnavailable(await pool.query('SELECT 1').catch((e) => e)) // true while Postgres is stopped
 */
export function isDatabaseUnavailable(err: unknown): boolean {
  for (let e = err, depth = 0; e && typeof e === 'object' && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && (NETWORK_CODES.has(code) || SQLSTATE.test(code))) return true;
    // Several addresses tried (localhost as ::1 and 127.0.0.1): Node reports an AggregateError.
    if (e instanceof AggregateError && e.errors.some((x) => isDatabaseUnavailable(x))) return true;
    const message = (e as { message?: unknown }).message;
    if (typeof message === 'string' && PG_MESSAGES.test(message)) return true;
  }
  return false;
}
