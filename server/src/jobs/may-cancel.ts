/**
 * Who may cancel a job or a moodboard: the token that started it, and art direction and admins, who
 * run production. Anyone else is refused, so one token cannot stop another person's paid GPU run.
 */
import { canPerform } from '@brandlock/core/api';
import { ApiError } from '../middleware/api-error';
import type { AuthenticatedToken } from '../store/tokens';

/**
 * Throws 403 unless `token` started the run or may cancel any.
 * @example assertMayCancel(token, { tokenId: row.token_id, requestedBy: row.requested_by }, `job ${row.id}`);
 */
export function assertMayCancel(token: AuthenticatedToken, started: { tokenId: string | null; requestedBy: string }, what: string): void {
  if (started.tokenId === token.id || canPerform(token.role, 'jobs:cancel-any')) return;
  throw new ApiError(403, 'forbidden', `${what} was started by ${started.requestedBy}; only they, an art director or an admin can cancel it`);
}
