/**
 * A question the flow stopped to ask (a flagged master to export, another SKU's master to generate
 * into): what QC or the document says, and the two answers, scrolled into view.
 */
import type { JSX } from 'preact';
import type { PanelError } from '../../errors/panel-error';
import { Reveal } from './reveal';

export function ConfirmNotice(p: { error: PanelError; confirmLabel: string; onConfirm(): void; onCancel(): void }): JSX.Element {
  return (
    <Reveal key={p.error.message}>
      <div class="notice notice-warning" role="alertdialog">
        <div class="notice-bar"></div>
        <div class="notice-body">
          <div class="notice-title">{p.error.message}</div>
          {p.error.hint ? <div class="notice-text">{p.error.hint}</div> : null}
          <div class="actions">
            <sp-button variant="secondary" quiet onClick={p.onCancel}>
              Not now
            </sp-button>
            <sp-button variant="primary" onClick={p.onConfirm}>
              {p.confirmLabel}
            </sp-button>
          </div>
        </div>
      </div>
    </Reveal>
  );
}
