/**
 * The "make variants" form: which of the lock's channels, the naming facts the lock's template needs
 * (SKU, colorway, view...), and optional overlay copy with where it sits and how it is set.
 */
import type { BrandLock } from '@brandlock/core/brand';
import { FILE_EXTENSIONS, fillFileName } from '@brandlock/core/channels';
import type { OverlayPosition } from '../../layout/overlay-box';
import type { Rgb } from '../../protocol/geometry';
import { resolveSwatches } from '../../palette/swatch-colors';
import { Field, Section, Segmented } from '../components/basics';

export interface MakeOptions {
  channelIds: string[];
  naming: { sku: string; colorway: string; view: string; category: string; market: string };
  copy: string;
  position: OverlayPosition;
  font: { family: string; style: string };
  colorId: string;
  align: 'LEFT' | 'CENTER' | 'RIGHT';
}

export function defaultMakeOptions(lock: BrandLock, naming: Record<string, string>): MakeOptions {
  const category = lock.categories.find((c) => c.id === naming.category);
  const channelIds = category?.channels?.length ? category.channels : lock.channels.map((c) => c.id);
  const light = resolveSwatches(lock.palette).reduce((a, b) => (b.lab.l > a.lab.l ? b : a));
  return {
    channelIds: channelIds.filter((id) => lock.channels.some((c) => c.id === id)),
    naming: { sku: naming.sku ?? '', colorway: naming.colorway ?? '', view: naming.view ?? 'front', category: category?.id ?? '', market: naming.market ?? 'all' },
    copy: '',
    position: 'bottom',
    font: { family: 'Inter', style: 'Bold' },
    colorId: light.id,
    align: 'LEFT',
  };
}

export function overlayColour(lock: BrandLock, id: string): Rgb {
  const s = resolveSwatches(lock.palette).find((x) => x.id === id);
  return s ? s.rgb : { r: 1, g: 1, b: 1 };
}

interface Props {
  lock: BrandLock;
  options: MakeOptions;
  onChange(next: MakeOptions): void;
}

export function MakeForm({ lock, options, onChange }: Props) {
  const set = (patch: Partial<MakeOptions>) => onChange({ ...options, ...patch });
  const setNaming = (key: keyof MakeOptions['naming'], value: string) => set({ naming: { ...options.naming, [key]: value } });
  const toggle = (id: string) => set({ channelIds: options.channelIds.includes(id) ? options.channelIds.filter((c) => c !== id) : [...options.channelIds, id] });
  const swatches = resolveSwatches(lock.palette);
  const all = options.channelIds.length === lock.channels.length;
  return (
    <>
      <Section title="Channels" aside={<button class="link" onClick={() => set({ channelIds: all ? [] : lock.channels.map((c) => c.id) })}>{all ? 'None' : 'All'}</button>}>
        <div class="chip-list">
          {lock.channels.map((c) => {
            const on = options.channelIds.includes(c.id);
            return (
              <label class={`chip${on ? ' on' : ''}`} title={`${c.name}: ${c.width}×${c.height} ${c.format.toUpperCase()}`}>
                <input type="checkbox" checked={on} onChange={() => toggle(c.id)} />
                {c.name} <span class="dim">{c.width}×{c.height}</span>
              </label>
            );
          })}
        </div>
      </Section>
      <Section title="File names" aside="from the lock's template">
        <div class="stack">
          <Field label="SKU" htmlFor="sku"><input id="sku" class="input" value={options.naming.sku} placeholder="NF-WV-1001" onInput={(e) => setNaming('sku', e.currentTarget.value)} /></Field>
          <Field label="Colorway" htmlFor="colorway"><input id="colorway" class="input" value={options.naming.colorway} placeholder="ink" onInput={(e) => setNaming('colorway', e.currentTarget.value)} /></Field>
          <Field label="View" htmlFor="view"><input id="view" class="input" value={options.naming.view} onInput={(e) => setNaming('view', e.currentTarget.value)} /></Field>
          <NamePreview lock={lock} options={options} />
          <Field label="Category" htmlFor="category">
            <select id="category" class="select" value={options.naming.category} onChange={(e) => setNaming('category', e.currentTarget.value)}>
              <option value="">—</option>
              {lock.categories.map((c) => <option value={c.id}>{c.name}</option>)}
            </select>
          </Field>
        </div>
      </Section>
      <Section title="Copy overlay" aside="optional">
        <div class="stack">
          <textarea class="textarea" rows={2} maxLength={280} placeholder="Headline on every variant, fitted to each frame" value={options.copy} onInput={(e) => set({ copy: e.currentTarget.value })} />
          {options.copy.trim() && (
            <>
              <Field label="Position">
                <Segmented label="Position" value={options.position} onChange={(position) => set({ position })} options={[{ value: 'top', label: 'Top' }, { value: 'center', label: 'Middle' }, { value: 'bottom', label: 'Bottom' }]} />
              </Field>
              <Field label="Font" htmlFor="font">
                <div class="row">
                  <input id="font" class="input" value={options.font.family} onInput={(e) => set({ font: { ...options.font, family: e.currentTarget.value } })} />
                  <input class="input" style="width:96px" aria-label="Font style" value={options.font.style} onInput={(e) => set({ font: { ...options.font, style: e.currentTarget.value } })} />
                </div>
              </Field>
              <Field label="Colour" htmlFor="colour">
                <div class="row">
                  <span class="swatch" style={{ background: swatches.find((s) => s.id === options.colorId)?.hex }} />
                  <select id="colour" class="select" value={options.colorId} onChange={(e) => set({ colorId: e.currentTarget.value })}>
                    {swatches.map((s) => <option value={s.id}>{s.name}</option>)}
                  </select>
                </div>
              </Field>
            </>
          )}
        </div>
      </Section>
    </>
  );
}

/** The file name the first chosen channel gets, or why the template cannot be filled yet. */
function NamePreview({ lock, options }: { lock: BrandLock; options: MakeOptions }) {
  const channel = lock.channels.find((c) => options.channelIds.includes(c.id));
  if (!channel) return null;
  const n = options.naming;
  const res = fillFileName(lock.naming, {
    brand: lock.brand.id, season: lock.season, version: lock.version, sku: n.sku.trim(), colorway: n.colorway.trim(), view: n.view.trim(), category: n.category,
    channel: channel.id, market: n.market || 'all', width: channel.width, height: channel.height, ext: FILE_EXTENSIONS[channel.format], index: 1,
  });
  return (
    <div class="name-preview" title={lock.naming.template}>
      {res.success ? <span class="mono" title="File name of the first channel">{res.name}</span> : <span class="invalid-text">{res.issues.map((i) => i.message).join('; ')}</span>}
    </div>
  );
}
