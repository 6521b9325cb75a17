/**
 * The export half of the Variants tab: finds brandlock variant frames (selection or page), exports
 * them for their channels and downloads one zip. Works on frames made in any earlier session, since
 * each frame carries its channel's delivery settings.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { MainBus } from '../bus/main-bus';
import type { VariantFrameInfo } from '../../protocol/variants';
import type { SelectionSummary } from '../../protocol/selection';
import { errorMessage, isCanceled } from '../../bus/bus-errors';
import { Banner, Section, Segmented } from '../components/basics';
import { Icon } from '../components/icons';
import { FileName } from '../components/file-name';
import { exportVariants, type ExportOutcome } from '../export/export-variants';
import type { ServerEncoder } from '../export/encode-for-delivery';
import { downloadBlob } from '../export/download-blob';
import { findNameCollisions } from '../../export/find-name-collisions';
import { NameCollisions } from './name-collisions';

interface Props {
  main: MainBus;
  selection: SelectionSummary | null;
  zipName: string;
  meta: Record<string, string>;
  /** Bumped when new frames were made, to list them again. */
  refreshKey: number;
  /** The tab is in view: frames are listed again only then. */
  active: boolean;
  /** The brandlock server's encoder when connected (every format, ICC profile), else null. */
  server: ServerEncoder | null;
}

export function useExport({ main, selection, zipName, meta, refreshKey, active, server }: Props) {
  const [scope, setScope] = useState<'selection' | 'page'>('page');
  const [frames, setFrames] = useState<VariantFrameInfo[]>([]);
  const [busy, setBusy] = useState<{ done: number; total: number; label: string } | null>(null);
  const [outcome, setOutcome] = useState<ExportOutcome | null>(null);
  const [error, setError] = useState<string | null>(null);
  const abort = useRef<AbortController | null>(null);

  useEffect(() => {
    if (active && !busy) main.call('listVariantFrames', { scope }).then(setFrames, (e) => setError(errorMessage(e)));
  }, [active, scope, selection, refreshKey]);

  const run = async () => {
    abort.current = new AbortController();
    setOutcome(null);
    setError(null);
    setBusy({ done: 0, total: frames.length, label: 'Exporting' });
    try {
      const res = await exportVariants(main, frames, meta, (done, total, label) => setBusy({ done, total, label }), abort.current.signal, server);
      setOutcome(res);
      if (res.zip) downloadBlob(zipName, res.zip);
    } catch (e) {
      setError(isCanceled(e) ? 'Export canceled; nothing was downloaded.' : errorMessage(e));
    }
    setBusy(null);
  };
  return { main, scope, setScope, frames, busy, outcome, error, run, cancel: () => abort.current?.abort(), server };
}

export function ExportSection({ state }: { state: ReturnType<typeof useExport> }) {
  const { main, scope, setScope, frames, outcome, error, server } = state;
  const collisions = findNameCollisions(frames);
  // Export all is pressed in the footer, below the frame list: bring its report into view.
  const report = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (outcome || error) report.current?.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
  }, [outcome, error]);
  return (
    <Section title="Export" aside={`${frames.length} variant ${frames.length === 1 ? 'frame' : 'frames'}`}>
      <div class="stack">
        <div class="row between">
          <Segmented label="Frames to export" value={scope} onChange={setScope} options={[{ value: 'page', label: 'On this page' }, { value: 'selection', label: 'Selected' }]} />
        </div>
        <NameCollisions collisions={collisions} main={main} />
        <div class="hint">
          {server
            ? 'Each frame is encoded for its channel by your brandlock server, as brandlock variants does: every format (WebP, AVIF, TIFF too), the channel\'s quality (lower only to meet its size limit), sRGB ICC profile.'
            : 'Offline, each frame is encoded here: JPEG and WebP at the channel\'s quality (lower only to meet its size limit), PNG as exported, TIFF deflate-compressed, each with an sRGB ICC profile. AVIF needs your brandlock server.'}
        </div>
        {(error || outcome) && (
          <div ref={report} class="stack">
            {error && <Banner tone="danger">{error}</Banner>}
            {outcome && <ExportReport outcome={outcome} />}
          </div>
        )}
      </div>
    </Section>
  );
}

function ExportReport({ outcome }: { outcome: ExportOutcome }) {
  return (
    <div class="stack">
      {outcome.zip && <Banner tone="success">Downloaded {outcome.files.length} {outcome.files.length === 1 ? 'file' : 'files'} and a manifest in one zip.</Banner>}
      {!outcome.zip && <Banner tone="warning">Nothing was downloaded: no frame was exported.</Banner>}
      {outcome.skipped.length > 0 && (
        <Banner tone="warning">
          Skipped, not in the zip ({outcome.skipped.reduce((n, c) => n + c.frames.length, 0)} frames share a file name with another):{' '}
          {outcome.skipped.map((c, i) => <>{i > 0 && ', '}<b><FileName name={c.fileName} /></b></>)}
        </Banner>
      )}
      {outcome.failed.map((f) => <Banner tone="danger"><b>{f.frame.fileName}</b>: {f.message}</Banner>)}
      {outcome.notExported.map((f) => <Banner tone="warning">Not exported: <b>{f.frame.fileName}</b>: {f.message}</Banner>)}
      <div class="result-list">
        {outcome.files.map((f) => (
          <div class="result-row">
            <Icon name={f.warning ? 'warning' : 'check'} />
            <div class="grow">
              <div class="name">{f.frame.channelId} · {f.frame.delivery.format.toUpperCase()} {f.frame.width}×{f.frame.height}</div>
              <div class="name wrap mono muted"><FileName name={f.frame.fileName} /></div>
            </div>
            <span class="muted">{f.quality !== null ? `q${f.quality} · ` : ''}{kb(f.bytes)}</span>
          </div>
        ))}
      </div>
      {outcome.files.filter((f) => f.warning).map((f) => <Banner tone="warning"><b>{f.frame.fileName}</b>: {f.warning}</Banner>)}
      {outcome.files.filter((f) => f.frame.notes?.length).map((f) => <Banner tone="warning"><b>{f.frame.fileName}</b>, as made: {f.frame.notes.join('; ')}</Banner>)}
    </div>
  );
}

function kb(n: number): string {
  return n >= 1_000_000 ? `${(n / 1_000_000).toFixed(1)} MB` : `${Math.max(1, Math.round(n / 1000))} kB`;
}
