/**
 * The "make variants" form: which of the lock's channels (a two-column checklist that says which take
 * copy), the naming facts the lock's template needs (SKU, colorway, view...), and optional copy: where
 * it sits (clear of the garment by default), the font (from the fonts this file can use) and the
 * colour (the palette swatch that reads best over the image by default).
 */
import type { BrandLock } from '@brandlock/core/brand';
import { channelTextPolicy, FILE_EXTENSIONS, fillFileName } from '@brandlock/core/channels';
import type { OverlayPosition } from '../../layout/copy-box';
import { resolveSwatches } from '../../palette/swatch-colors';
import { AUTO_COLOUR } from '../../variants/choose-copy-colour';
import { Field, Section, Segmented } from '../components/basics';
import { FileName } from '../components/file-name';
import { FontPicker } from './font-picker';
import type { MainBus } from '../bus/main-bus';

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
  return {
    channelIds: channelIds.filter((id) => lock.channels.some((c) => c.id === id)),
    naming: { sku: naming.sku ?? '', colorway: naming.colorway ?? '', view: naming.view ?? 'front', category: category?.id ?? '', market: naming.market ?? 'all' },
    copy: '',
    position: 'auto',
    // The lock's type when it sets one; the designer's pick otherwise.
    font: lock.typography ? { family: lock.typography.copy.family, style: lock.typography.copy.style } : { family: 'Inter', style: 'Bold' },
    colorId: AUTO_COLOUR,
    align: 'LEFT',
  };
}

interface Props {
  main: MainBus;
  lock: BrandLock;
  options: MakeOptions;
  onChange(next: MakeOptions): void;
}

export function MakeForm({ main, lock, options, onChange }: Props) {
  const set = (patch: Partial<MakeOptions>) => onChange({ ...options, ...patch });
  const setNaming = (key: keyof MakeOptions['naming'], value: string) => set({ naming: { ...options.naming, [key]: value } });
  const toggle = (id: string) => set({ channelIds: options.channelIds.includes(id) ? options.channelIds.filter((c) => c !== id) : [...options.channelIds, id] });
  const swatches = resolveSwatches(lock.palette);
  const all = options.channelIds.length === lock.channels.length;
  return (
    <>
      <Section title="Channels" aside={<button class="link" onClick={() => set({ channelIds: all ? [] : lock.channels.map((c) => c.id) })}>{all ? 'None' : 'All'}</button>}>
        <div class="check-grid">
          {lock.channels.map((c) => {
            const on = options.channelIds.includes(c.id);
            const text = channelTextPolicy(c);
            return (
              <label class={`check-item${on ? ' on' : ''}`} title={`${c.name}: ${c.width}×${c.height} ${c.format.toUpperCase()}${text.allowed ? '' : ` · no copy (${text.reason})`}`}>
                <input type="checkbox" checked={on} onChange={() => toggle(c.id)} />
                <span class="check-text">
                  <span class="check-name">{c.name}</span>
                  <span class="dim">{c.width}×{c.height}{text.allowed ? '' : ' · no copy'}</span>
                </span>
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
          <textarea class="textarea" rows={2} maxLength={280} placeholder="Headline for the channels that take copy, fitted to each frame" value={options.copy} onInput={(e) => set({ copy: e.currentTarget.value })} />
          {options.copy.trim() && (
            <>
              <Field label="Position">
                <Segmented label="Position" value={options.position} onChange={(position) => set({ position })} options={[{ value: 'auto', label: 'Clear of garment' }, { value: 'top', label: 'Top' }, { value: 'bottom', label: 'Bottom' }]} />
              </Field>
              <Field label="Align">
                <Segmented label="Align" value={options.align} onChange={(align) => set({ align })} options={[{ value: 'LEFT', label: 'Left' }, { value: 'CENTER', label: 'Centre' }, { value: 'RIGHT', label: 'Right' }]} />
              </Field>
              <Field label="Font" htmlFor="font-family">
                <FontPicker main={main} value={options.font} onChange={(font) => set({ font })} />
                {lock.typography && (lock.typography.copy.family !== options.font.family || lock.typography.copy.style !== options.font.style) && (
                  <div class="hint">
                    The lock sets {lock.typography.copy.family} {lock.typography.copy.style}.{' '}
                    <button class="link" onClick={() => set({ font: { family: lock.typography!.copy.family, style: lock.typography!.copy.style } })}>Use it</button>
                  </div>
                )}
              </Field>
              <Field label="Colour" htmlFor="colour">
                <div class="row">
                  <span class="swatch" style={{ background: swatches.find((s) => s.id === options.colorId)?.hex ?? 'conic-gradient(#1f2a44 0 50%, #f2efe9 0)' }} />
                  <select id="colour" class="select" value={options.colorId} onChange={(e) => set({ colorId: e.currentTarget.value })}>
                    <option value={AUTO_COLOUR}>Auto: the palette colour that reads best</option>
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
      {res.success ? <span title="File name of the first channel"><FileName class="mono" name={res.name} /></span> : <span class="invalid-text">{res.issues.map((i) => i.message).join('; ')}</span>}
    </div>
  );
}
