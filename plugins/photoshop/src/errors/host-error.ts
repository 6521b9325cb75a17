/**
 * Turns what Photoshop throws into PanelErrors. Photoshop signals "another plugin or dialog is modal"
 * with error number 9 ("Host is in a modal state and the request cannot be executed"; since 25.10
 * the message names the plugin holding it) and a user cancel with -128 or a message about
 * cancelling. Both hosts (real and fake) throw through this, so the mapping is exercised in tests.
 */
import { PanelError, isPanelError } from './panel-error';

interface RawHostError {
  number?: unknown;
  message?: unknown;
}

/** The plugin named in a modal-collision message, when Photoshop names one. */
function modalHolder(message: string): string | null {
  const quoted = /(?:plugin|by)\s+["'“]([^"'”]+)["'”]/i.exec(message);
  if (quoted) return quoted[1];
  const id = /plugin(?:\s+id)?[:\s]+([\w.-]+\.[\w.-]+)/i.exec(message);
  return id ? id[1] : null;
}

export function toPanelError(error: unknown, what: string): PanelError {
  if (isPanelError(error)) return error;
  const raw = (error ?? {}) as RawHostError;
  const message = typeof raw.message === 'string' ? raw.message : String(error);
  if (raw.number === 9 || /modal state/i.test(message)) {
    const holder = modalHolder(message);
    return new PanelError(
      'modal-busy',
      holder
        ? `Photoshop is busy with another plugin ("${holder}"), so brandlock cannot ${what} right now.`
        : `Photoshop is busy (another plugin, a dialog or a running action holds it), so brandlock cannot ${what} right now.`,
      'Finish or cancel what is running there (close open dialogs, commit a transform with Enter), then try again.',
      { cause: error },
    );
  }
  if (raw.number === -128 || /\bcancel(l?ed)?\b/i.test(message)) {
    return new PanelError('cancelled', `Cancelled: brandlock did not ${what}.`, '', { cause: error });
  }
  return new PanelError('host-command-failed', `Photoshop could not ${what}: ${message}`, 'The document was left as it was before this step.', {
    cause: error,
  });
}
