/** A labelled sp-textfield; UXP has no `<label for>`, so the label rides in the field's label slot. */
import type { JSX } from 'preact';

export interface TextFieldProps {
  label: string;
  value: string;
  onInput(value: string): void;
  type?: 'text' | 'password' | 'search';
  placeholder?: string;
  invalid?: boolean;
  disabled?: boolean;
  hint?: string;
  /** Enter in the field: submit the form it belongs to. */
  onEnter?(): void;
}

export function TextField(p: TextFieldProps): JSX.Element {
  return (
    <div class="field">
      <sp-label class="field-label">{p.label}</sp-label>
      <sp-textfield
        class="field-control"
        type={p.type ?? 'text'}
        placeholder={p.placeholder}
        value={p.value}
        invalid={p.invalid || undefined}
        disabled={p.disabled || undefined}
        onInput={(e: Event) => p.onInput(String((e.target as HTMLInputElement).value ?? ''))}
        onKeyDown={p.onEnter ? (e: KeyboardEvent) => e.key === 'Enter' && p.onEnter!() : undefined}
      ></sp-textfield>
      {p.hint ? <div class="field-hint">{p.hint}</div> : null}
    </div>
  );
}
