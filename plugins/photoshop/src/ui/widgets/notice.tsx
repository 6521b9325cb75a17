/** An inline message: an error with what to do, a warning, or a success note. */
import type { ComponentChildren, JSX } from 'preact';

export type NoticeKind = 'error' | 'warning' | 'success' | 'info';

export function Notice(p: { kind: NoticeKind; title: string; children?: ComponentChildren; onDismiss?: () => void }): JSX.Element {
  return (
    <div class={`notice notice-${p.kind}`} role={p.kind === 'error' ? 'alert' : 'status'}>
      <div class="notice-bar"></div>
      <div class="notice-body">
        <div class="notice-title">{p.title}</div>
        {p.children ? <div class="notice-text">{p.children}</div> : null}
      </div>
      {p.onDismiss ? (
        <sp-action-button class="notice-close" quiet onClick={p.onDismiss}>
          ✕
        </sp-action-button>
      ) : null}
    </div>
  );
}
