/** Turns anything a flow throws into the PanelError the panel shows with its hint. */
import { PanelError, isPanelError } from '../errors/panel-error';

export function asPanelError(error: unknown): PanelError {
  if (isPanelError(error)) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new PanelError('host-command-failed', `Something went wrong: ${message}`, 'Try again; if it keeps happening, send this message to your brandlock admin.', { cause: error });
}
