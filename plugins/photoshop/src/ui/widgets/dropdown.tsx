/**
 * A labelled sp-dropdown. UXP dropdowns report the choice as `selectedIndex` on change and ignore a
 * `value` attribute, so the selection is set per item with `selected`.
 */
import type { JSX } from 'preact';

export interface DropdownOption {
  value: string;
  label: string;
  disabled?: boolean;
}

export interface DropdownProps {
  label: string;
  options: DropdownOption[];
  value: string | null;
  onChange(value: string): void;
  placeholder?: string;
  disabled?: boolean;
}

export function Dropdown(p: DropdownProps): JSX.Element {
  return (
    <div class="field">
      <sp-label class="field-label">{p.label}</sp-label>
      <sp-dropdown
        class="field-control"
        placeholder={p.placeholder ?? 'Choose…'}
        disabled={p.disabled || undefined}
        onChange={(e: Event) => {
          const option = p.options[(e.target as unknown as { selectedIndex: number }).selectedIndex];
          if (option) p.onChange(option.value);
        }}
      >
        <sp-menu slot="options">
          {p.options.map((o) => (
            <sp-menu-item key={o.value} selected={o.value === p.value || undefined} disabled={o.disabled || undefined}>
              {o.label}
            </sp-menu-item>
          ))}
        </sp-menu>
      </sp-dropdown>
    </div>
  );
}
