/**
 * One choice among a few (Source, Documents, Where): Spectrum's sp-radio-group of sp-radio, the
 * control UXP documents for it ("checked", "change" with event.target.value). A row of
 * sp-action-buttons marked `selected` is not documented for UXP's built-in widget, so Photoshop may
 * not show which one is chosen.
 */
import type { JSX } from 'preact';

export interface ChoiceProps<T extends string> {
  label: string;
  options: { value: T; label: string; disabled?: boolean }[];
  value: T;
  onChange(value: T): void;
}

export function Choice<T extends string>(p: ChoiceProps<T>): JSX.Element {
  return (
    <div class="field">
      <sp-label class="field-label">{p.label}</sp-label>
      <sp-radio-group
        class="choice"
        onChange={(e: Event) => {
          const value = String((e.target as HTMLInputElement).value ?? '');
          const option = p.options.find((o) => o.value === value);
          if (option && !option.disabled) p.onChange(option.value);
        }}
      >
        {p.options.map((o) => (
          <sp-radio key={o.value} value={o.value} checked={o.value === p.value || undefined} disabled={o.disabled || undefined}>
            {o.label}
          </sp-radio>
        ))}
      </sp-radio-group>
    </div>
  );
}
