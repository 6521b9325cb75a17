/**
 * Palette check: every solid fill and stroke in the selection (or page) against the Brand Lock's
 * palette by ΔE00, the off-palette colours with their nearest swatch, and one click to snap them.
 * Neutrals and brandlock's own boards and frames are left out unless asked for; only near misses are
 * pre-selected; a colour from a style or variable is snapped there (library ones are named, not changed).
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { MainBus } from '../bus/main-bus';
import type { LoadedLock } from '../lock/loaded-lock';
import type { PaletteScan } from '../../protocol/palette';
import type { SelectionSummary } from '../../protocol/selection';
import { matchPalette, type ColourInUse } from '../../palette/match-palette';
import { errorMessage, isCanceled } from '../../bus/bus-errors';
import { Banner, EmptyState, Progress, Section, Segmented } from '../components/basics';
import { Icon } from '../components/icons';

interface Props {
  main: MainBus;
  loaded: LoadedLock | null;
  selection: SelectionSummary | null;
  /** The tab is in view: a hidden tab does not rescan on every selection change. */
  active: boolean;
  onOpenConnect(): void;
}

export function PaletteScreen({ main, loaded, selection, active, onOpenConnect }: Props) {
  const [scope, setScope] = useState<'selection' | 'page'>('selection');
  const [scan, setScan] = useState<PaletteScan | null>(null);
  const [busy, setBusy] = useState<{ done: number; total: number; label: string } | null>(null);
  const [skip, setSkip] = useState<Set<string>>(new Set());
  const [includeNeutrals, setIncludeNeutrals] = useState(false);
  const [includeOwn, setIncludeOwn] = useState(false);
  const [message, setMessage] = useState<{ tone: 'success' | 'warning' | 'danger'; text: string } | null>(null);
  const report = useMemo(() => (scan && loaded ? matchPalette(scan.uses, loaded.lock.palette, { includeNeutrals }) : null), [scan, loaded, includeNeutrals]);
  // Only near misses are pre-selected: a colour far from every swatch is probably not meant as one.
  useEffect(() => setSkip(new Set(report ? report.offPalette.filter((c) => !c.nearMiss).map((c) => c.hex) : [])), [report]);

  const check = async (keepMessage = false) => {
    if (!loaded) return;
    setBusy({ done: 0, total: 0, label: 'Reading colours' });
    if (!keepMessage) setMessage(null);
    try {
      setScan(await main.call('paletteScan', { scope, includeOwn }, { onProgress: setBusy }));
    } catch (e) {
      if (!isCanceled(e)) setMessage({ tone: 'danger', text: errorMessage(e) });
    } finally {
      setBusy(null);
    }
  };

  // A page-wide check is not redone on every click in the canvas; "Check again" refreshes it.
  useEffect(() => {
    if (active) void check();
  }, [active, scope, includeOwn, scope === 'selection' ? selection : null, loaded]);

  if (!loaded) {
    return (
      <div class="content">
        <EmptyState icon="palette" headline="No Brand Lock yet">
          Connect to your brandlock server or open a lock file to check colours against the brand palette.
          <div style="margin-top:12px">
            <button class="button primary" onClick={onOpenConnect}>Connect</button>
          </div>
        </EmptyState>
      </div>
    );
  }

  const toSnap = report ? report.offPalette.filter((c) => !skip.has(c.hex)) : [];
  const paintCount = toSnap.reduce((s, c) => s + c.uses.length, 0);
  const snap = async () => {
    setBusy({ done: 0, total: paintCount, label: 'Snapping to palette' });
    try {
      const snaps = toSnap.flatMap((c) => c.uses.map((u) => ({ nodeId: u.nodeId, target: u.target, index: u.index, range: u.range, from: u.color, color: c.nearest.rgb, binding: u.binding })));
      const res = await main.call('paletteSnap', { snaps }, { onProgress: setBusy });
      const updated = res.updated.length ? ` Updated ${res.updated.join(', ')} (every layer using ${res.updated.length === 1 ? 'it' : 'them'} follows).` : '';
      const skipped = res.skipped.length ? ` Not changed: ${res.skipped.map((s) => `${s.name} (${s.reason})`).join('; ')}.` : '';
      setMessage(res.failed.length || res.skipped.length
        ? { tone: 'warning', text: `Snapped ${res.changed} ${res.changed === 1 ? 'paint' : 'paints'}.${updated}${skipped}${res.failed.length ? ` ${res.failed.length} could not be changed (${res.failed[0].nodeName}: ${res.failed[0].message}).` : ''}` }
        : { tone: 'success', text: `Snapped ${res.changed} ${res.changed === 1 ? 'paint' : 'paints'} to the palette.${updated} Undo with ⌘Z.` });
    } catch (e) {
      setMessage({ tone: 'danger', text: errorMessage(e) });
    }
    setBusy(null);
    await check(true);
  };

  const empty = scan && scan.uses.length === 0;
  return (
    <>
      <div class="content">
        <Section>
          <div class="row between">
            <Segmented label="What to check" value={scope} onChange={setScope} options={[{ value: 'selection', label: 'Selection' }, { value: 'page', label: 'Whole page' }]} />
            <button class="button ghost" onClick={() => check()} disabled={!!busy}>Check again</button>
          </div>
          <div class="row" style="margin-top:8px;flex-wrap:wrap">
            <label class="check-inline"><input type="checkbox" checked={includeNeutrals} onChange={() => setIncludeNeutrals(!includeNeutrals)} /> Neutrals</label>
            <label class="check-inline"><input type="checkbox" checked={includeOwn} onChange={() => setIncludeOwn(!includeOwn)} /> brandlock boards and frames</label>
          </div>
          {report && !empty && (
            <div class="stat-grid" style="margin-top:10px">
              <div class="stat"><div class="n">{report.colours.length}</div><div class="l">colours in use</div></div>
              <div class={`stat ${report.offPalette.length ? 'bad' : 'good'}`}><div class="n">{report.offPalette.length}</div><div class="l">off palette</div></div>
              <div class="stat good"><div class="n">{report.onPalette.length}</div><div class="l">on palette</div></div>
            </div>
          )}
          {message && <div style="margin-top:10px"><Banner tone={message.tone}>{message.text}</Banner></div>}
          {scan && <NotChecked scan={scan} neutrals={report?.neutrals ?? 0} />}
        </Section>
        {empty && (
          <EmptyState icon="palette" headline={scope === 'selection' && !selection?.count ? 'Select layers to check' : 'No solid colours here'}>
            {scope === 'selection' && !selection?.count ? 'Or switch to Whole page.' : 'Fills and strokes with a solid colour are checked; images and gradients are not.'}
          </EmptyState>
        )}
        {report && report.offPalette.length > 0 && (
          <>
            <div class="section-title" style="padding:12px 12px 4px;margin:0">
              <span>Off palette</span>
              <span class="aside">ΔE00 to nearest swatch</span>
            </div>
            {report.offPalette.map((c) => (
              <ColourRow key={c.hex} colour={c} checked={!skip.has(c.hex)} onToggle={() => setSkip(toggle(skip, c.hex))} onSelect={() => main.call('selectNodes', { nodeIds: c.uses.map((u) => u.nodeId) })} />
            ))}
          </>
        )}
        {report && report.onPalette.length > 0 && (
          <>
            <div class="section-title" style="padding:12px 12px 4px;margin:0">
              <span>On palette</span>
            </div>
            {report.onPalette.map((c) => (
              <ColourRow key={c.hex} colour={c} onSelect={() => main.call('selectNodes', { nodeIds: c.uses.map((u) => u.nodeId) })} />
            ))}
          </>
        )}
      </div>
      <div class="footer">
        {busy ? (
          <Progress {...busy} />
        ) : (
          <>
            <span class="status-text">
              {report && report.offPalette.length ? `${toSnap.length} ${toSnap.length === 1 ? 'colour' : 'colours'} on ${paintCount} ${paintCount === 1 ? 'paint' : 'paints'}` : report ? 'Everything is on palette' : ''}
            </span>
            <button class="button primary" disabled={!toSnap.length} onClick={snap}>
              Snap to palette
            </button>
          </>
        )}
      </div>
    </>
  );
}

function ColourRow({ colour, checked, onToggle, onSelect }: { colour: ColourInUse; checked?: boolean; onToggle?: () => void; onSelect: () => void }) {
  const layers = new Set(colour.uses.map((u) => u.nodeId)).size;
  const tone = colour.onPalette ? 'good' : colour.deltaE > 10 ? 'bad' : 'warn';
  const kinds = [...new Set(colour.uses.map((u) => (u.range ? 'text' : u.target)))].join(', ');
  const binding = colour.uses.find((u) => u.binding)?.binding ?? null;
  return (
    <div class="colour-row">
      {onToggle ? <input type="checkbox" checked={checked} onChange={onToggle} aria-label={`Snap ${colour.hex}`} /> : <span />}
      <span class="pair" title={`${colour.hex} → ${colour.nearest.hex}`}>
        <span class="swatch" style={{ background: colour.hex }} />
        {!colour.onPalette && <span class="swatch" style={{ background: colour.nearest.hex }} />}
      </span>
      <div class="grow">
        <div class="name">
          {colour.onPalette ? colour.nearest.name : <>{colour.hex.toUpperCase()} <span class="muted">→</span> {colour.nearest.name}</>}
        </div>
        <div class="detail">
          <span class={`de ${tone}`}>ΔE {colour.deltaE.toFixed(1)}</span> · {layers} {layers === 1 ? 'layer' : 'layers'} · {kinds}
          {binding && <> · {binding.kind} {binding.name}{binding.remote ? ' (library: not changed)' : ''}</>}
          {!colour.onPalette && !colour.nearMiss && ' · far from every swatch'}
        </div>
      </div>
      <button class="button ghost" onClick={onSelect} title="Select these layers">
        <Icon name="target" />
      </button>
    </div>
  );
}

function NotChecked({ scan, neutrals }: { scan: PaletteScan; neutrals: number }) {
  const parts = [
    neutrals && `${neutrals} neutral colour${neutrals === 1 ? '' : 's'}`,
    scan.notChecked.own && `${scan.notChecked.own} brandlock board${scan.notChecked.own === 1 ? '' : 's'} and frame${scan.notChecked.own === 1 ? '' : 's'}`,
    scan.notChecked.gradients && `${scan.notChecked.gradients} gradient${scan.notChecked.gradients === 1 ? '' : 's'}`,
    scan.notChecked.images && `${scan.notChecked.images} image${scan.notChecked.images === 1 ? '' : 's'}`,
    scan.notChecked.hidden && `${scan.notChecked.hidden} hidden layer${scan.notChecked.hidden === 1 ? '' : 's'}`,
  ].filter(Boolean);
  if (!parts.length && !scan.truncated) return null;
  return (
    <div class="hint" style="margin-top:8px">
      Not checked: {parts.join(', ')}
      {scan.truncated && ' · stopped after 20,000 layers'}
    </div>
  );
}

function toggle(set: Set<string>, key: string): Set<string> {
  const next = new Set(set);
  if (next.has(key)) next.delete(key);
  else next.add(key);
  return next;
}
