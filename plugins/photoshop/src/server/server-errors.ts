/**
 * Turns the API client's errors into what a retoucher reads: the server unreachable, the token
 * refused, the role not allowed, the server's own message for everything else.
 */
import {
  isBrandlockAuthError, isBrandlockForbiddenError, isBrandlockHttpError, isBrandlockNetworkError, isBrandlockTimeoutError,
} from '@brandlock/core/api';
import { PanelError, isPanelError } from '../errors/panel-error';

export function toServerError(error: unknown, serverUrl: string, what: string): PanelError {
  if (isPanelError(error)) return error;
  if ((error as { name?: string })?.name === 'AbortError') return new PanelError('cancelled', `Cancelled: brandlock did not ${what}.`);
  if (isBrandlockNetworkError(error) || isBrandlockTimeoutError(error)) {
    return new PanelError(
      'server-unreachable',
      `Cannot reach the brandlock server at ${serverUrl}${isBrandlockTimeoutError(error) ? ' (no answer in time)' : ''}.`,
      'Check the address, your network or VPN, and that the server is running (its admin starts it with npm start).',
      { cause: error },
    );
  }
  if (isBrandlockAuthError(error)) {
    return new PanelError('bad-token', 'The server did not accept this token.', 'It may be mistyped or revoked. Ask your brandlock admin for a new one (brandlock token create --role retoucher).', { cause: error });
  }
  if (isBrandlockForbiddenError(error)) {
    // The server's words say why: a role, or (cancelling) a job someone else started.
    return new PanelError('forbidden', `The server did not let you ${what}.`, `The server said: ${error.serverMessage}`, { cause: error });
  }
  if (isBrandlockHttpError(error)) {
    return new PanelError('server-error', `The server could not ${what}: ${error.serverMessage}`, error.issues.map((i) => i.message).join('; '), { cause: error });
  }
  const message = error instanceof Error ? error.message : String(error);
  return new PanelError('server-error', `The server could not ${what}: ${message}`, '', { cause: error });
}
