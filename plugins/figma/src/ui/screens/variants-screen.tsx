/**
 * Channel variants: make one frame per channel from the selected image, and export every variant
 * frame for its channel in one zip.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { MainBus } from '../bus/main-bus';
import type { LoadedLock } from '../lock/loaded-lock';
import type { SelectionSummary } from '../../protocol/selection';
import { errorMessage, isCanceled } from '../../bus/bus-errors';
import { Banner, EmptyState, Progress, Section } from '../components/basics';
import { Icon } from '../components/icons';
import { SelectionCard } from '../components/selection-card';
import { ExportSection, useExport } from '../variants/export-panel';
import { MakeForm, defaultMakeOptions, type MakeOptions } from '../variants/make-form';
import { makeVariants, type MakeResult } from '../variants/make-variants';
import type { ServerEncoder } from '../export/encode-for-delivery';
import type { ServerConnection } from '../server/connect-server';
import { VideoLoopsSection } from '../video/video-loops-section';

interface Props {
  main: MainBus;
  loaded: LoadedLock | null;
  selection: SelectionSummary | null;
  editorType: string;
  active: boolean;
  /** The brandlock server's encoder when connected. */
  server: ServerEncoder | null;
  onOpenConnect(): void;
  /** The server connection, for its product loops; null offline. */
  connection?: ServerConnection | null;
}

export function VariantsScreen({ main, loaded, selection, editorType, active, server, onOpenConnect, connection = null }: Props) {
  const lock = loaded?.lock ?? null;
  const image = selection?.image ?? null;
  const [options, setOptions] = useState<MakeOptions | null>(lock ? defaultMakeOptions(lock, image?.naming ?? {}) : null);
  const [made, setMade] = useState(0);
  const [busy, setBusy] = useState<{ done: number; total: number; label: string } | null>(null);
  const [result, setResult] = useState<MakeResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const abort = useRef<AbortController | null>(null);
  const report = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (result || error) report.current?.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
  }, [result, error]);
  useEffect(() => setOptions(lock ? defaultMakeOptions(lock, image?.naming ?? {}) : null), [lock]);
  useEffect(() => {
    // A newly selected image brings its own SKU/colorway/view when brandlock stored them; the rest of the form stays.
    if (lock && image && Object.keys(image.naming).length) setOptions((o) => (o ? { ...o, naming: { ...o.naming, ...defaultMakeOptions(lock, image.naming).naming } } : o));
  }, [image?.nodeId]);
  const exporter = useExport({
    main,
    selection,
    zipName: `${lock?.brand.id ?? 'brandlock'}${options?.naming.sku ? `-${options.naming.sku}` : ''}-variants.zip`,
    meta: lock ? { brand: lock.brand.name, lockVersion: lock.version, lockHash: loaded!.hash } : {},
    refreshKey: made,
    active,
    server,
  });

  if (editorType === 'figjam') {
    return <div class="content"><EmptyState icon="frames" headline="Channel variants need Figma Design">FigJam boards have no export settings or layout grids. Open a design file to make variants.</EmptyState></div>;
  }
  if (!lock || !loaded || !options) {
    return (
      <div class="content">
        <EmptyState icon="frames" headline="No Brand Lock yet">
          Channel sizes, crops and file names come from the lock. Connect to your server or open a lock file.
          <div style="margin-top:12px"><button class="button primary" onClick={onOpenConnect}>Connect</button></div>
        </EmptyState>
      </div>
    );
  }

  const make = async () => {
    if (!image) return;
    abort.current = new AbortController();
    setError(null);
    setResult(null);
    try {
      const res = await makeVariants({ main, loaded, image, options, signal: abort.current.signal, onProgress: (done, total, label) => setBusy({ done, total, label }) });
      setResult(res);
      setMade((n) => n + 1);
    } catch (e) {
      setError(isCanceled(e) ? 'Canceled; no frames were left behind.' : errorMessage(e));
    }
    setBusy(null);
  };

  const canMake = !!image && options.channelIds.length > 0 && !!options.naming.sku.trim();
  const working = busy ?? exporter.busy;
  return (
    <>
      <div class="content">
        <Section>
          <SelectionCard selection={selection} />
        </Section>
        <MakeForm main={main} lock={lock} options={options} onChange={setOptions} />
        {(result || error) && (
          <div class="section stack" ref={report}>
            {error && <Banner tone="danger">{error}</Banner>}
            {result && <MakeReport result={result} main={main} />}
          </div>
        )}
        <ExportSection state={exporter} />
        {connection && <VideoLoopsSection main={main} client={connection.client} serverUrl={connection.url} sku={image?.naming.sku ?? null} />}
      </div>
      <div class="footer">
        {working ? (
          <>
            <Progress {...working} />
            <button class="button" onClick={() => (busy ? abort.current?.abort() : exporter.cancel())}>Cancel</button>
          </>
        ) : (
          <>
            <button class="button" disabled={!exporter.frames.length} onClick={exporter.run} title="Export every variant frame for its channel">
              <Icon name="download" /> Export all{exporter.frames.length ? ` (${exporter.frames.length})` : ''}
            </button>
            <span class="status-text">{!image ? 'Select an image' : !options.naming.sku.trim() ? 'Enter the SKU for file names' : ''}</span>
            <button class="button primary" disabled={!canMake} onClick={make}>
              Make {options.channelIds.length} {options.channelIds.length === 1 ? 'variant' : 'variants'}
            </button>
          </>
        )}
      </div>
    </>
  );
}

/** One line per distinct message, naming every channel (and its frame) it applies to. */
function groupWarnings(warnings: MakeResult['warnings']): { channels: { name: string; nodeId?: string }[]; message: string }[] {
  const byMessage = new Map<string, { name: string; nodeId?: string }[]>();
  for (const w of warnings) byMessage.set(w.message, [...(byMessage.get(w.message) ?? []), { name: w.channel, nodeId: w.nodeId }]);
  return [...byMessage].map(([message, channels]) => ({ message, channels }));
}

function MakeReport({ result, main }: { result: MakeResult; main: MainBus }) {
  // Each channel named in a warning goes to its frame on the canvas.
  const show = (nodeId: string) => void main.call('selectNodes', { nodeIds: [nodeId] }).catch(() => undefined);
  const subject = result.subject.how === 'marked' ? 'the layer named "subject"' : result.subject.how === 'saliency' ? 'a guess (no clear background); draw a "subject" rectangle for exact framing' : `the ${result.subject.how === 'alpha' ? 'transparent background' : 'studio background'}`;
  return (
    <>
      <Banner tone={result.created.length ? 'success' : 'warning'}>
        {result.created.length ? `Made ${result.created.length} frames beside the image.` : 'No frames were made.'}
        <div class="muted">Subject from {subject}.</div>
      </Banner>
      {result.issues.map((i) => <Banner tone="danger"><b>{i.channel}</b>: {i.message}</Banner>)}
      {result.warnings.length > 0 && (
        <Banner tone="warning">
          <ul class="issues">
            {groupWarnings(result.warnings).map((w) => (
              <li>
                {w.channels.map((c, i) => (
                  <>
                    {i > 0 && ', '}
                    {c.nodeId ? <button class="link strong" title="Select this frame on the canvas" onClick={() => show(c.nodeId!)}>{c.name}</button> : <b>{c.name}</b>}
                  </>
                ))}
                : {w.message}
              </li>
            ))}
          </ul>
        </Banner>
      )}
    </>
  );
}
