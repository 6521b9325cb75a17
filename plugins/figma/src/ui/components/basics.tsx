/** Small building blocks in Figma's UI3 idiom: banner, labelled field, segmented control, progress, empty state. */
import type { ComponentChildren } from 'preact';
import { Icon, type IconName } from './icons';

export function Banner({ tone = 'info', children }: { tone?: 'info' | 'warning' | 'danger' | 'success'; children: ComponentChildren }) {
  const icon: IconName = tone === 'success' ? 'check' : tone === 'danger' ? 'error' : tone === 'warning' ? 'warning' : 'info';
  return (
    <div class={`banner ${tone}`} role={tone === 'danger' ? 'alert' : 'status'}>
      <Icon name={icon} />
      <div class="grow">{children}</div>
    </div>
  );
}

export function Field({ label, children, top = false, htmlFor }: { label: string; children: ComponentChildren; top?: boolean; htmlFor?: string }) {
  return (
    <div class={`field${top ? ' top' : ''}`}>
      <label for={htmlFor}>{label}</label>
      <div>{children}</div>
    </div>
  );
}

export function Segmented<T extends string>({ options, value, onChange, label }: { options: { value: T; label: string }[]; value: T; onChange: (v: T) => void; label: string }) {
  return (
    <div class="segmented" role="group" aria-label={label}>
      {options.map((o) => (
        <button type="button" aria-pressed={o.value === value} onClick={() => onChange(o.value)}>
          {o.label}
        </button>
      ))}
    </div>
  );
}

export function Progress({ done, total, label }: { done: number; total: number; label: string }) {
  const pct = total > 0 ? Math.min(100, Math.round((done / total) * 100)) : 0;
  return (
    <div class="progress-block" role="progressbar" aria-valuemin={0} aria-valuemax={total} aria-valuenow={done} aria-label={label}>
      <div class="row between">
        <span class="muted" style="overflow:hidden;text-overflow:ellipsis;white-space:nowrap">{label}</span>
        <span class="muted">{total > 0 ? `${done} / ${total}` : ''}</span>
      </div>
      <div class="progress">
        <div style={{ width: `${pct}%` }} />
      </div>
    </div>
  );
}

export function EmptyState({ icon, headline, children }: { icon: IconName; headline: string; children?: ComponentChildren }) {
  return (
    <div class="empty">
      <Icon name={icon} />
      <div class="headline">{headline}</div>
      {children && <div>{children}</div>}
    </div>
  );
}

export function Section({ title, aside, children }: { title?: string; aside?: ComponentChildren; children: ComponentChildren }) {
  return (
    <div class="section">
      {title && (
        <div class="section-title">
          <span>{title}</span>
          {aside && <span class="aside">{aside}</span>}
        </div>
      )}
      {children}
    </div>
  );
}
