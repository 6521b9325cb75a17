/**
 * Progress of a running flow: what is happening, how far, and a Cancel button. UXP's sp-progressbar
 * documents max and value only (no indeterminate state), so while the amount is unknown (queued on the
 * server) the words say so and the bar waits at zero.
 */
import type { JSX } from 'preact';

export interface ProgressState {
  /** 0..1, or null while the amount is unknown (queued on the server). */
  fraction: number | null;
  label: string;
}

export function Progress(p: { state: ProgressState; onCancel?: () => void; cancelling?: boolean }): JSX.Element {
  const pct = p.state.fraction === null ? 0 : Math.round(p.state.fraction * 100);
  return (
    <div class="progress">
      <div class="progress-row">
        <div class="progress-text">
          <div class="progress-label">
            {p.state.label}
            {p.state.fraction !== null ? ` · ${pct}%` : ''}
          </div>
          <sp-progressbar class="progress-bar" max={100} value={pct}></sp-progressbar>
        </div>
        {p.onCancel ? (
          <sp-button class="progress-cancel" variant="secondary" quiet size="s" disabled={p.cancelling || undefined} onClick={p.onCancel}>
            {p.cancelling ? 'Cancelling…' : 'Cancel'}
          </sp-button>
        ) : null}
      </div>
    </div>
  );
}
