/** Shows a flow's PanelError (its message as the title, what to do as the text), scrolled into view. */
import type { JSX } from 'preact';
import type { PanelError } from '../../errors/panel-error';
import { Notice } from './notice';
import { Reveal } from './reveal';

export function ErrorNotice(p: { error: PanelError | null; onDismiss?: () => void }): JSX.Element | null {
  if (!p.error || p.error.code === 'needs-confirmation') return null;
  return (
    <Reveal key={p.error.message} block="end">
      <Notice kind={p.error.code === 'cancelled' ? 'info' : 'error'} title={p.error.message} onDismiss={p.onDismiss}>
        {p.error.hint || undefined}
      </Notice>
    </Reveal>
  );
}
