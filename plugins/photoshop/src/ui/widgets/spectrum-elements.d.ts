// JSX types for the Spectrum UXP widgets Photoshop provides built in (sp-button, sp-textfield, ...), with the
// attributes Adobe documents for them (no `indeterminate` on sp-progressbar, no `selected` on sp-action-button).
// Boolean attributes are omitted with `undefined` (UXP treats any present attribute as true).
import type { JSX } from 'preact';

type Sp = JSX.HTMLAttributes<HTMLElement> & {
  class?: string;
  disabled?: boolean;
  quiet?: boolean;
  /** Documented for sp-menu-item only (not sp-action-button). */
  selected?: boolean;
  checked?: boolean;
  invalid?: boolean;
  variant?: string;
  size?: string;
  placeholder?: string;
  value?: string | number;
  type?: string;
  max?: number;
  min?: number;
  'value-label'?: string;
  slot?: string;
  label?: string;
  valid?: boolean;
  multiline?: boolean;
  emphasized?: boolean;
  isrequired?: string;
};

declare module 'preact' {
  namespace JSX {
    interface IntrinsicElements {
      'sp-button': Sp;
      'sp-action-button': Sp;
      'sp-checkbox': Sp;
      'sp-divider': Sp;
      'sp-dropdown': Sp;
      'sp-menu': Sp;
      'sp-menu-item': Sp;
      'sp-menu-divider': Sp;
      'sp-progressbar': Sp;
      'sp-textfield': Sp;
      'sp-textarea': Sp;
      'sp-heading': Sp;
      'sp-body': Sp;
      'sp-detail': Sp;
      'sp-label': Sp;
      'sp-link': Sp;
      'sp-radio-group': Sp;
      'sp-radio': Sp;
      'sp-slider': Sp;
    }
  }
}
