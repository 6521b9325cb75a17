/** Shows a flow's PanelError: its message as the title and what to do as the text. */
import type { JSX } from 'preact';
import type { PanelError } from '../../errors/panel-error';
import { Notice } from './notice';

export function ErrorNotice(p: { error: PanelError | null; onDismiss?: () => void }): JSX.Element | null {
  if (!p.error) return null;
  return (
    <Notice kind={p.error.code === 'cancelled' ? 'info' : 'error'} title={p.error.message} onDismiss={p.onDismiss}>
      {p.error.hint || undefined}
    </Notice>
  );
}
