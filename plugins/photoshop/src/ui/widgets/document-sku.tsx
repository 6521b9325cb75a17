/**
 * Which SKU the open document is, as every tab that judges or names it needs: what the document's
 * XMP or file name says (and where that came from), filled in from the brief, with a way to change it.
 * When nothing says, it asks: a search over the brief's SKUs (a 500-SKU season does not fit a
 * dropdown), or, for a SKU outside the brief, the palette swatch and category to judge it against.
 * The view (front, back...) is chosen on the card too, and asked for when nothing states it and the
 * SKU is shot in several: delivered files are named by it.
 */
import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import type { BrandLock } from '@brandlock/core/brand';
import type { CurrentBrief } from '../../ports/brandlock-server';
import { categoryFor, targetSwatchFor, type DocumentIdentity, type ViewSource } from '../../flows/document-identity/document-identity';
import { unstatedViewReason, viewChoices } from '../../flows/document-identity/document-view';
import type { IdentityChoice } from '../use-panel-state';
import { Dropdown } from './dropdown';
import { TextField } from './text-field';

const sources = { xmp: "from the document's metadata", name: 'from the file name', chosen: 'as you chose' } as const;

function viewSource(from: ViewSource, id: DocumentIdentity): string {
  return from === 'only' ? `View: the only one ${id.sku ?? 'this SKU'} is shot in` : `View ${sources[from]}`;
}

/** The view the document is, with where that came from, or why it must be chosen. */
function ViewChoice(p: { identity: DocumentIdentity; lock: BrandLock; onChoose(choice: IdentityChoice): void }): JSX.Element | null {
  const options = viewChoices(p.identity, p.lock);
  if (!options.length) return null;
  const why = unstatedViewReason(p.identity);
  return (
    <div class="view-choice">
      <Dropdown label="View" value={p.identity.view} options={options} placeholder="Which view is this?" onChange={(view) => p.onChoose({ view })} />
      <div class={`list-sub${why ? ' warn-text' : ''}`}>{why ?? viewSource(p.identity.viewFrom!, p.identity)}</div>
    </div>
  );
}

/** A search over the brief's SKUs: up to six matches by SKU or colourway, one click to choose. */
export function BriefSkuSearch(p: { brief: CurrentBrief; label: string; onChoose(sku: string, colorway: string): void }): JSX.Element {
  const [text, setText] = useState('');
  const q = text.trim().toLowerCase();
  const matches = p.brief.skus.filter((s) => !q || s.sku.toLowerCase().includes(q) || s.colorway.toLowerCase().includes(q)).slice(0, 6);
  return (
    <div>
      <TextField label={p.label} type="search" value={text} onInput={setText} placeholder={`Search ${p.brief.skus.length} SKUs of ${p.brief.name}`} />
      <div class="list picker">
        {matches.map((s) => (
          <div class="list-item compact pick" key={`${s.sku}\u0000${s.colorway}`} onClick={() => p.onChoose(s.sku, s.colorway)}>
            <div class="list-main">
              <div class="list-title">{s.sku}</div>
              <div class="list-sub">
                {s.colorway} · {s.category} · {s.status}
              </div>
            </div>
          </div>
        ))}
        {!matches.length ? <div class="list-item compact muted small">No SKU of the brief matches "{text}".</div> : null}
      </div>
    </div>
  );
}

function SkuSearch(p: { brief: CurrentBrief | null | undefined; lock: BrandLock; onChoose(choice: IdentityChoice): void }): JSX.Element {
  const [swatch, setSwatch] = useState<string | null>(null);
  const [category, setCategory] = useState<string | null>(null);
  return (
    <div>
      {p.brief?.skus.length ? <BriefSkuSearch brief={p.brief} label="Which SKU is this?" onChoose={(sku, colorway) => p.onChoose({ sku, colorway })} /> : null}
      <div class="field-hint">{p.brief?.skus.length ? 'Not in the brief? Judge it against:' : 'The server has no brief; judge it against:'}</div>
      <div class="row">
        <div class="grow">
          <Dropdown label="Swatch" value={swatch} options={p.lock.palette.swatches.map((s) => ({ value: s.id, label: `${s.name} ${s.color}` }))} onChange={setSwatch} />
        </div>
        <div class="grow">
          <Dropdown label="Category" value={category} options={p.lock.categories.map((c) => ({ value: c.id, label: c.id }))} onChange={setCategory} />
        </div>
      </div>
      <div class="actions">
        <sp-button variant="secondary" size="s" disabled={!swatch || !category || undefined} onClick={() => p.onChoose({ colorway: swatch!, category: category! })}>
          Use this swatch
        </sp-button>
      </div>
    </div>
  );
}

export function DocumentSku(p: {
  identity: DocumentIdentity | null;
  brief: CurrentBrief | null | undefined;
  lock: BrandLock;
  onChoose(choice: IdentityChoice | null): void;
}): JSX.Element | null {
  const [changing, setChanging] = useState(false);
  const id = p.identity;
  if (!id) return null;
  const category = categoryFor(id, p.lock);
  const swatch = category ? targetSwatchFor(id, p.lock, category) : null;
  const known = Boolean((id.sku || id.colorway) && category && swatch);
  const choose = (c: IdentityChoice | null) => {
    setChanging(false);
    p.onChoose(c);
  };
  return (
    <div class={`card${known && !id.nameSays && id.view ? '' : ' card-warn'}`}>
      {known && !changing ? (
        <div>
          <div class="row">
            <div class="chip-color small-chip" style={{ backgroundColor: swatch!.hex ?? '#808080' }}></div>
            <div class="grow list-main">
              <div class="list-title">
                <b>{id.sku ?? swatch!.name}</b>
                {id.view ? ` · ${id.view}` : ''}
              </div>
              <div class="list-sub">
                {swatch!.name} · {category!.id}
                {id.from ? ` · ${sources[id.from]}` : ''}
                {id.sku && !id.row && p.brief ? ' · not in the brief' : ''}
              </div>
              {id.nameSays ? (
                <div class="list-sub warn-text">
                  Its file name says {id.nameSays}. Check which SKU this is (Change) before QC or Export; a batch export skips it.
                </div>
              ) : null}
            </div>
            <sp-link class="small" onClick={() => setChanging(true)}>
              Change
            </sp-link>
          </div>
          <ViewChoice identity={id} lock={p.lock} onChoose={p.onChoose} />
        </div>
      ) : (
        <div>
          <div class="list-title">
            {changing
              ? 'Choose the SKU'
              : id.sku && !id.row && id.colorways.length > 1
                ? `${id.sku} is briefed in ${id.colorways.length} colourways (${id.colorways.join(', ')}): which is this?`
                : id.sku
                  ? `${id.sku}: no swatch or category found`
                  : 'brandlock cannot tell which SKU this is'}
          </div>
          <div class="list-sub">Its name and metadata do not say. Colour is always judged against the SKU's swatch, so choose it.</div>
          <SkuSearch brief={p.brief} lock={p.lock} onChoose={choose} />
          {changing ? (
            <div class="actions">
              <sp-link class="small" onClick={() => choose(null)}>
                Use what the document says
              </sp-link>
            </div>
          ) : null}
        </div>
      )}
    </div>
  );
}
