/** A row of sp-action-buttons acting as one choice (UXP has no segmented control). */
import type { JSX } from 'preact';

export interface SegmentedProps<T extends string> {
  label: string;
  options: { value: T; label: string; disabled?: boolean }[];
  value: T;
  onChange(value: T): void;
}

export function Segmented<T extends string>(p: SegmentedProps<T>): JSX.Element {
  return (
    <div class="field">
      <sp-label class="field-label">{p.label}</sp-label>
      <div class="segmented">
        {p.options.map((o) => (
          <sp-action-button
            key={o.value}
            class="segment"
            selected={o.value === p.value || undefined}
            disabled={o.disabled || undefined}
            onClick={() => !o.disabled && p.onChange(o.value)}
          >
            {o.label}
          </sp-action-button>
        ))}
      </div>
    </div>
  );
}
