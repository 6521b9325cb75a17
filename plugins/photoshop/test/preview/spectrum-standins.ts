/**
 * Stand-ins for Photoshop's built-in Spectrum UXP widgets, for rendering the panel in Chromium.
 * Chromium has no sp-* elements; these draw them after Spectrum's look in Photoshop (sizes, radii,
 * colours per theme) and behave enough for a test to type, pick and click. They exist only in the
 * preview bundle: the .ccx ships none of this, because Photoshop provides the real widgets.
 */

const css = String.raw;

const base = css`
  :host { box-sizing: border-box; font-family: inherit; color: var(--sp-text); }
  * { box-sizing: border-box; }
`;

function define(name: string, build: (el: HTMLElement, root: ShadowRoot) => void, observed: string[] = []) {
  if (customElements.get(name)) return;
  customElements.define(
    name,
    class extends HTMLElement {
      static get observedAttributes() {
        return observed;
      }
      root = this.attachShadow({ mode: 'open' });
      connectedCallback() {
        build(this, this.root);
      }
      attributeChangedCallback() {
        if (this.isConnected) build(this, this.root);
      }
    },
  );
}

export function defineSpectrumStandIns(): void {
  define('sp-body', (_, r) => (r.innerHTML = `<style>${base}:host{display:block;font-size:12px;line-height:1.45}</style><slot></slot>`));
  define('sp-detail', (_, r) => (r.innerHTML = `<style>${base}:host{display:inline-block;font-size:10px;font-weight:700;letter-spacing:.06em}</style><slot></slot>`));
  define('sp-label', (_, r) => (r.innerHTML = `<style>${base}:host{display:inline-block;font-size:11px;color:var(--sp-label)}</style><slot></slot>`));
  define('sp-heading', (_, r) => (r.innerHTML = `<style>${base}:host{display:block;font-size:14px;font-weight:700}</style><slot></slot>`));
  define('sp-divider', (_, r) => (r.innerHTML = `<style>:host{display:block;height:1px;background:var(--sp-border);margin:8px 0}</style>`));

  define('sp-button', (el, r) => {
    const variant = el.getAttribute('variant') ?? 'primary';
    const quiet = el.hasAttribute('quiet');
    const small = el.getAttribute('size') === 's';
    const disabled = el.hasAttribute('disabled');
    const fill = variant === 'cta' ? 'var(--sp-accent)' : quiet ? 'transparent' : 'transparent';
    const border = variant === 'cta' ? 'var(--sp-accent)' : quiet ? 'transparent' : variant === 'primary' ? 'var(--sp-text)' : 'var(--sp-border-strong)';
    const color = variant === 'cta' ? '#fff' : 'var(--sp-text)';
    r.innerHTML = `<style>${base}:host{display:inline-flex;outline:none}
      div{display:inline-flex;align-items:center;justify-content:center;height:${small ? 24 : 28}px;padding:0 ${small ? 10 : 14}px;
      border-radius:${small ? 12 : 14}px;border:2px solid ${border};background:${fill};color:${color};font-size:${small ? 11 : 12}px;
      font-weight:700;white-space:nowrap;cursor:pointer;opacity:${disabled ? 0.45 : 1}}</style><div><slot></slot></div>`;
  }, ['variant', 'quiet', 'size', 'disabled']);

  // Only `quiet` and `disabled` are documented for UXP's sp-action-button; a `selected` attribute is
  // drawn like any other button here, as Photoshop may, so the panel cannot rely on it.
  define('sp-action-button', (el, r) => {
    const quiet = el.hasAttribute('quiet');
    const disabled = el.hasAttribute('disabled');
    r.innerHTML = `<style>${base}:host{display:inline-flex}
      div{display:flex;flex:1;align-items:center;justify-content:center;height:24px;padding:0 8px;border-radius:4px;font-size:11px;white-space:nowrap;
      border:1px solid ${quiet ? 'transparent' : 'var(--sp-border-strong)'};
      background:${quiet ? 'transparent' : 'var(--sp-field)'};color:var(--sp-text);
      opacity:${disabled ? 0.45 : 1};cursor:pointer}</style><div><slot></slot></div>`;
  }, ['quiet', 'disabled']);

  // sp-radio-group / sp-radio as Adobe documents them: `checked` on the chosen radio, and a `change`
  // event whose target (the group) carries the chosen radio's value.
  define('sp-radio-group', (el, r) => {
    if (r.querySelector('slot')) return;
    r.innerHTML = `<style>${base}:host{display:flex;flex-direction:row;flex-wrap:wrap;align-items:center}</style><slot></slot>`;
    el.addEventListener('radio-pick', (e) => {
      const picked = e.target as HTMLElement;
      el.querySelectorAll('sp-radio').forEach((radio) => radio.toggleAttribute('checked', radio === picked));
      (el as unknown as { value: string }).value = picked.getAttribute('value') ?? '';
      el.dispatchEvent(new Event('change', { bubbles: true }));
    });
  });
  define('sp-radio', (el, r) => {
    const checked = el.hasAttribute('checked');
    const disabled = el.hasAttribute('disabled');
    r.innerHTML = `<style>${base}:host{display:inline-flex;align-items:center;font-size:12px;cursor:pointer;opacity:${disabled ? 0.45 : 1};height:24px}
      .dot{width:14px;height:14px;border-radius:7px;border:2px solid ${checked ? 'var(--sp-text)' : 'var(--sp-border-strong)'};margin-right:6px;display:flex;align-items:center;justify-content:center}
      .in{width:6px;height:6px;border-radius:3px;background:var(--sp-text);display:${checked ? 'block' : 'none'}}</style><div class="dot"><div class="in"></div></div><slot></slot>`;
    if (!(el as unknown as { _wired?: boolean })._wired) {
      (el as unknown as { _wired?: boolean })._wired = true;
      el.addEventListener('click', () => !el.hasAttribute('disabled') && el.dispatchEvent(new Event('radio-pick', { bubbles: true })));
    }
  }, ['checked', 'disabled']);

  define('sp-slider', (el, r) => {
    if (!r.querySelector('input')) {
      r.innerHTML = `<style>${base}:host{display:block}
        .head{display:flex;font-size:11px;color:var(--sp-label);margin-bottom:2px} .head span{margin-left:auto;color:var(--sp-text)}
        input{width:100%;accent-color:var(--sp-text)}</style><div class="head"><slot name="label"></slot><span></span></div><input type="range">`;
      const input = r.querySelector('input')!;
      input.addEventListener('input', () => {
        r.querySelector('.head span')!.textContent = `${input.value}${el.getAttribute('value-label') ?? ''}`;
        el.dispatchEvent(new Event('input', { bubbles: true }));
      });
      Object.defineProperty(el, 'value', { get: () => input.value, set: (v: string) => (input.value = String(v)), configurable: true });
    }
    const input = r.querySelector('input')!;
    input.min = el.getAttribute('min') ?? '0';
    input.max = el.getAttribute('max') ?? '100';
    if (el.hasAttribute('value')) input.value = el.getAttribute('value')!;
    r.querySelector('.head span')!.textContent = `${input.value}${el.getAttribute('value-label') ?? ''}`;
  }, ['min', 'max', 'value', 'value-label']);

  define('sp-textfield', (el, r) => {
    if (!r.querySelector('input')) {
      r.innerHTML = `<style>${base}:host{display:inline-block}
        input{width:100%;height:26px;padding:0 8px;border-radius:4px;border:1px solid var(--sp-border-strong);background:var(--sp-field);
        color:var(--sp-text);font-size:12px;font-family:inherit;outline:none}
        input:focus{border-color:var(--sp-accent)} input::placeholder{color:var(--sp-placeholder)}
        :host([invalid]) input{border-color:var(--sp-negative)}</style><input>`;
      const input = r.querySelector('input')!;
      input.addEventListener('input', () => {
        (el as unknown as { _value: string })._value = input.value;
        el.dispatchEvent(new Event('input', { bubbles: true }));
      });
      Object.defineProperty(el, 'value', {
        get: () => input.value,
        set: (v: string) => {
          if (input.value !== String(v ?? '')) input.value = String(v ?? '');
        },
        configurable: true,
      });
    }
    const input = r.querySelector('input')!;
    input.type = el.getAttribute('type') === 'password' ? 'password' : 'text';
    input.placeholder = el.getAttribute('placeholder') ?? '';
    input.disabled = el.hasAttribute('disabled');
  }, ['type', 'placeholder', 'disabled', 'invalid']);

  define('sp-checkbox', (el, r) => {
    if (!r.querySelector('.box')) {
      r.innerHTML = `<style>${base}:host{display:inline-flex;align-items:center;cursor:pointer;font-size:12px}
        .box{width:14px;height:14px;border-radius:2px;border:2px solid var(--sp-border-strong);margin-right:8px;display:flex;align-items:center;justify-content:center}
        :host([checked]) .box{background:var(--sp-text);border-color:var(--sp-text)}
        .tick{display:none;width:7px;height:4px;border-left:2px solid var(--sp-bg);border-bottom:2px solid var(--sp-bg);transform:rotate(-45deg) translate(1px,-1px)}
        :host([checked]) .tick{display:block} :host([disabled]){opacity:.45}</style><div class="box"><div class="tick"></div></div><slot></slot>`;
      el.addEventListener('click', () => {
        if (el.hasAttribute('disabled')) return;
        el.toggleAttribute('checked');
        el.dispatchEvent(new Event('change', { bubbles: true }));
      });
      Object.defineProperty(el, 'checked', {
        get: () => el.hasAttribute('checked'),
        set: (v: boolean) => el.toggleAttribute('checked', Boolean(v)),
        configurable: true,
      });
    }
  }, ['checked', 'disabled']);

  define('sp-progressbar', (el, r) => {
    const max = Number(el.getAttribute('max') ?? 100);
    const value = Number(el.getAttribute('value') ?? 0);
    r.innerHTML = `<style>${base}:host{display:block}
      .track{height:4px;border-radius:2px;background:var(--sp-track);overflow:hidden}
      .fill{height:4px;border-radius:2px;background:var(--sp-accent);width:${Math.max(0, Math.min(100, (value / max) * 100))}%}</style><div class="track"><div class="fill"></div></div>`;
  }, ['value', 'max']);

  define('sp-link', (_, r) => (r.innerHTML = `<style>${base}:host{display:inline-block;color:var(--sp-accent-text);cursor:pointer;text-decoration:underline;font-size:inherit}</style><slot></slot>`));
  define('sp-menu', (_, r) => (r.innerHTML = '<slot></slot>'));
  define('sp-menu-item', (_, r) => (r.innerHTML = '<slot></slot>'));

  define('sp-dropdown', (el, r) => {
    const render = () => {
      const items = [...el.querySelectorAll('sp-menu-item')];
      const selected = items.find((i) => i.hasAttribute('selected'));
      const text = selected?.textContent?.trim() || el.getAttribute('placeholder') || '';
      r.innerHTML = `<style>${base}:host{display:inline-block}
        .picker{display:flex;align-items:center;height:26px;padding:0 8px;border-radius:4px;border:1px solid var(--sp-border-strong);
        background:var(--sp-field);font-size:12px;cursor:pointer;opacity:${el.hasAttribute('disabled') ? 0.45 : 1}}
        .text{flex:1;overflow:hidden;white-space:nowrap;text-overflow:ellipsis;color:${selected ? 'var(--sp-text)' : 'var(--sp-placeholder)'}}
        .chev{width:6px;height:6px;border-right:2px solid var(--sp-text-2);border-bottom:2px solid var(--sp-text-2);transform:rotate(45deg);margin:-3px 2px 0 8px}
        .hidden{display:none}</style><div class="picker"><span class="text"></span><span class="chev"></span></div><div class="hidden"><slot></slot></div>`;
      r.querySelector('.text')!.textContent = text;
      Object.defineProperty(el, 'selectedIndex', { get: () => items.findIndex((i) => i.hasAttribute('selected')), configurable: true });
    };
    render();
    new MutationObserver(render).observe(el, { subtree: true, childList: true, attributes: true, characterData: true });
  }, ['disabled', 'placeholder']);
}

/** Picks an item in a stand-in dropdown the way a user would, firing the same change event. */
export function pickDropdownItem(dropdown: Element, index: number): void {
  dropdown.querySelectorAll('sp-menu-item').forEach((item, i) => item.toggleAttribute('selected', i === index));
  dropdown.dispatchEvent(new Event('change', { bubbles: true }));
}
