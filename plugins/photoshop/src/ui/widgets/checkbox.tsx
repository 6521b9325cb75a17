/** An sp-checkbox with an optional explanation under it. */
import type { JSX } from 'preact';

export interface CheckboxProps {
  label: string;
  checked: boolean;
  onChange(checked: boolean): void;
  hint?: string;
  disabled?: boolean;
}

export function Checkbox(p: CheckboxProps): JSX.Element {
  return (
    <div class="field">
      <sp-checkbox
        checked={p.checked || undefined}
        disabled={p.disabled || undefined}
        onChange={(e: Event) => p.onChange(Boolean((e.target as HTMLInputElement).checked))}
      >
        {p.label}
      </sp-checkbox>
      {p.hint ? <div class="field-hint indent">{p.hint}</div> : null}
    </div>
  );
}
