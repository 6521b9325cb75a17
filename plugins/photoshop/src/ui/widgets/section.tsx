/** A titled group inside a tab, and a read-only key/value list for locked settings and results. */
import type { ComponentChildren, JSX } from 'preact';

export function Section(p: { title: string; aside?: ComponentChildren; children: ComponentChildren }): JSX.Element {
  return (
    <div class="section">
      <div class="section-head">
        <sp-detail class="section-title">{p.title}</sp-detail>
        {p.aside ? <div class="section-aside">{p.aside}</div> : null}
      </div>
      {p.children}
    </div>
  );
}

export function Facts(p: { rows: [string, ComponentChildren][]; mono?: string[]; wrap?: string[] }): JSX.Element {
  return (
    <div class="facts">
      {p.rows.map(([k, v]) => (
        <div class="fact" key={k}>
          <div class="fact-key">{k}</div>
          <div class={`fact-value${p.mono?.includes(k) ? ' mono' : ''}${p.wrap?.includes(k) ? ' wrap' : ''}`}>{v}</div>
        </div>
      ))}
    </div>
  );
}
