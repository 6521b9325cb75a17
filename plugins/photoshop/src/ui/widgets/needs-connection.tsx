/** The empty state of a tab that needs the Brand Lock from the server. */
import type { JSX } from 'preact';

export function NeedsConnection(p: { what: string; onConnect(): void }): JSX.Element {
  return (
    <div class="empty">
      <div class="empty-title">Connect to load the Brand Lock</div>
      <div class="empty-text">{p.what} come from your brand's lock on the brandlock server.</div>
      <sp-button variant="primary" onClick={p.onConnect}>
        Connect…
      </sp-button>
    </div>
  );
}
