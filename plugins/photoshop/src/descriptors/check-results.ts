/**
 * batchPlay reports a failed command by resolving with `{_obj: "error", message, result}` instead of
 * throwing. Every flow checks its results with this, so a failure becomes a message a retoucher can
 * read (with Photoshop's own words) and a user cancel (-128) becomes a cancel.
 */
import type { ActionResult } from '../ports/ps-host';
import { PanelError } from '../errors/panel-error';

export const USER_CANCELLED = -128;

export function checkResults(results: ActionResult[], what: string): ActionResult[] {
  for (const r of results) {
    if (r?._obj !== 'error') continue;
    const code = typeof r.result === 'number' ? r.result : null;
    if (code === USER_CANCELLED) throw new PanelError('cancelled', `Cancelled: brandlock did not ${what}.`);
    const said = typeof r.message === 'string' && r.message ? `: ${r.message}` : '';
    throw new PanelError(
      'host-command-failed',
      `Photoshop could not ${what}${said}${code === null ? '' : ` (error ${code})`}.`,
      'Check the layer and selection it needs, then try again; the document was left as it was before this step.',
    );
  }
  return results;
}
