/**
 * Export: the channel variants of the master, named by the lock's template, written to a folder (in
 * Photoshop, or rendered by the server), with a line per file. Only past QC: a reject is refused, a
 * flag asks first, a master QC never judged is sent to QC. Files are named by the master's view, so
 * one whose view nothing states (and its SKU is shot in several) waits until the retoucher chooses
 * it. The same over every open master or a folder. The delivery folder is remembered, and can be
 * shown in Finder or Explorer.
 */
import type { JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { FILE_EXTENSIONS, fillFileName } from '@brandlock/core/channels';
import { exportVariantsLocally, LOCAL_FORMATS } from '../../flows/export/export-variants-locally';
import { exportVariantsViaServer } from '../../flows/export/export-variants-via-server';
import { exportBatch } from '../../flows/export/export-batch';
import { identifyDocument } from '../../flows/document-identity/document-identity';
import { unstatedViewReason } from '../../flows/document-identity/document-view';
import type { Outcome } from '../widgets/outcome-list';
import type { TabProps } from '../tab-props';
import { Choice } from '../widgets/choice';
import { Checkbox } from '../widgets/checkbox';
import { ConfirmNotice } from '../widgets/confirm-notice';
import { DocumentSku } from '../widgets/document-sku';
import { ErrorNotice } from '../widgets/error-notice';
import { Progress } from '../widgets/progress';
import { Section } from '../widgets/section';
import { FolderChoice } from '../widgets/folder-choice';
import { NeedsConnection } from '../widgets/needs-connection';
import { Reveal } from '../widgets/reveal';
import { OutcomeList, summarise } from '../widgets/outcome-list';
import { BatchScopeChoice, useBatchScope, useRememberedFolder } from '../widgets/batch-scope-choice';
import { asPanelError } from '../as-panel-error';
import { shortJobId } from '../../flows/short-job-id';
import type { PanelError } from '../../errors/panel-error';

const verdictLine = { pass: ['ok', 'PASS', 'QC passed it.'], flag: ['warn', 'FLAG', 'QC flagged it: Export asks before writing.'], reject: ['fail', 'REJECT', 'QC rejected it: Export will not write it.'] } as const;

export function ExportTab(p: TabProps): JSX.Element {
  const { session, flow, identity } = p;
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const [route, setRoute] = useState<'local' | 'server'>('local');
  const [includeFlagged, setIncludeFlagged] = useState(false);
  const [result, setResult] = useState<{ outcomes: Outcome[]; note: string } | null>(null);
  const [revealError, setRevealError] = useState<PanelError | null>(null);
  const scope = useBatchScope(p.services, 'brandlock.exportSourceFolder');
  const delivery = useRememberedFolder(p.services, 'brandlock.exportFolder');

  const local = route === 'local' || scope.kind !== 'active';
  useEffect(() => {
    if (!session) return;
    setChosen(new Set(session.lock.channels.filter((c) => !local || LOCAL_FORMATS.has(c.format)).map((c) => c.id)));
  }, [session, local]);

  if (!session) return <NeedsConnection what="Channels and the naming template" onConnect={() => p.goTo('connect')} />;
  const lock = session.lock;
  const channels = lock.channels.filter((c) => chosen.has(c.id));
  const sku = identity?.sku ?? null;
  // The view Export names the files by, and the example shows: never a guess (see document-view.ts).
  const view = identity?.view ?? null;
  const noView = identity && sku ? unstatedViewReason(identity) : null;
  const verdict = p.docXmp.qcVerdict as keyof typeof verdictLine | undefined;
  const example = channels[0] && sku && view
    ? fillFileName(lock.naming, {
        brand: lock.brand.id, season: lock.season, version: lock.version, sku, colorway: identity?.colorway ?? undefined, category: identity?.category ?? undefined, view,
        channel: channels[0].id, market: 'all', width: channels[0].width, height: channels[0].height, ext: FILE_EXTENSIONS[channels[0].format], index: 1,
      })
    : null;

  function toggle(id: string, on: boolean) {
    const next = new Set(chosen);
    if (on) next.add(id);
    else next.delete(id);
    setChosen(next);
  }

  async function onExport(acceptFlag: boolean) {
    setResult(null);
    const folder = delivery.folder!;
    const r = await flow.run(scope.kind === 'active' ? `Export ${sku}` : 'Export of many masters', async (signal, report) => {
      if (scope.kind !== 'active') {
        const where = scope.kind === 'open' ? { kind: 'open' as const } : { kind: 'folder' as const, folder: scope.folder! };
        const identify = (doc: { title: string }, xmp: Record<string, string>) => identifyDocument({ title: doc.title, xmp }, lock, p.brief ?? null);
        const run = await exportBatch(p.services.ps, p.services.files, lock, session!.info.lockHash, where, identify, { channels, folder, includeFlagged }, { signal, onProgress: report });
        return { outcomes: run.outcomes, note: includeFlagged ? 'Flagged masters were included, as you chose.' : 'Flagged masters were left out; tick "Include flagged masters" to export them too.' };
      }
      const request = {
        sku: sku!, colorway: identity?.colorway ?? undefined, view: view!, category: identity?.category ?? undefined, channels, folder, acceptFlag,
      };
      if (route === 'server') {
        const done = await exportVariantsViaServer(p.services.ps, p.services.files, session!, { ...request, briefId: identity?.row ? p.brief!.id : null, briefColorway: identity?.row?.colorway ?? null }, { signal, onProgress: report });
        return { outcomes: done.outcomes, note: done.jobId ? `Rendered by the server (job ${shortJobId(done.jobId)}).` : 'Nothing sent to the server: the master is too small for every chosen channel.' };
      }
      const done = await exportVariantsLocally(p.services.ps, p.services.files, lock, session!.info.lockHash, request, { signal, onProgress: report });
      const framing =
        done.subjectFrom === 'selection'
          ? 'your selection'
          : done.ignoredSelection === 'finding-selection'
            ? "core's estimate, not the selection QC made round a finding"
            : done.ignoredSelection === 'partial-selection'
              ? `core's estimate, not your selection, which covers only ${Math.round((done.selectionCovered ?? 0) * 100)}% of the garment (select the whole garment to frame on it)`
              : "core's estimate (select the garment first to frame it yourself)";
      return { outcomes: done.outcomes, note: `Made in Photoshop; subject framed from ${framing}.` };
    });
    if (r) setResult(r);
    p.documentsChanged();
  }

  async function reveal() {
    setRevealError(null);
    try {
      await p.services.files.revealFolder(delivery.folder!);
    } catch (e) {
      setRevealError(asPanelError(e));
    }
  }

  const ready = channels.length > 0 && Boolean(delivery.folder) && (scope.kind === 'active' ? Boolean(p.doc && sku && view) : scope.ready);

  return (
    <div>
      <Section title="MASTERS">
        <BatchScopeChoice scope={scope} services={p.services} openCount={p.openCount} folderHint="Every image in it, exported as the SKU its name gives, if QC passed it (its metadata says)." />
        {scope.kind === 'active' ? (
          <div>
            <DocumentSku identity={identity} brief={p.brief} lock={lock} onChoose={p.chooseIdentity} />
            <div class="row small">
              {verdict && verdictLine[verdict] ? <span class={`badge ${verdictLine[verdict][0]}`}>{verdictLine[verdict][1]}</span> : <span class="badge">NO QC</span>}
              <span class="muted">{verdict && verdictLine[verdict] ? verdictLine[verdict][2] : 'QC has not judged it: run QC first.'}</span>
            </div>
            {example?.success ? (
              <div class="field-hint">
                Named by the lock, e.g. <span class="mono">{example.name}</span>
              </div>
            ) : example ? (
              <div class="field-hint warn-text">{example.issues.map((i) => i.message).join('; ')}</div>
            ) : null}
          </div>
        ) : (
          <Checkbox label="Include flagged masters" checked={includeFlagged} onChange={setIncludeFlagged} hint="Rejected masters and masters QC never judged are never exported." />
        )}
      </Section>
      {scope.kind === 'active' ? (
        <Section title="RENDER">
          <Choice<'local' | 'server'>
            label="Where"
            value={route}
            onChange={setRoute}
            options={[
              { value: 'local', label: 'In Photoshop' },
              { value: 'server', label: 'On the server' },
            ]}
          />
        </Section>
      ) : null}
      <Section title="CHANNELS" aside={`${channels.length} of ${lock.channels.length}`}>
        <div class="list">
          {lock.channels.map((c) => (
            <div class="list-item compact" key={c.id}>
              <div class="grow">
                <Checkbox label={c.name} checked={chosen.has(c.id)} onChange={(on) => toggle(c.id, on)} disabled={local && !LOCAL_FORMATS.has(c.format)} />
              </div>
              <div class={`list-meta${local && !LOCAL_FORMATS.has(c.format) ? ' server-only' : ''}`} title={LOCAL_FORMATS.has(c.format) ? '' : 'Photoshop cannot write this format; render it on the server'}>
                {c.width}×{c.height} {FILE_EXTENSIONS[c.format].toUpperCase()}
              </div>
            </div>
          ))}
        </div>
      </Section>
      <Section title="SAVE TO">
        <FolderChoice folder={delivery.folder} hint="8-bit sRGB copies; existing files are never overwritten. Remembered for next time." onChoose={delivery.pick} />
      </Section>
      {scope.kind === 'active' && noView ? <div class="field-hint warn-text">{noView} Choose it on the card above to export.</div> : null}
      <div class="actions">
        <sp-button variant="cta" disabled={flow.running || !ready || undefined} onClick={() => onExport(false)}>
          Export {channels.length} variant{channels.length === 1 ? '' : 's'}
          {scope.kind === 'active' ? '' : ' each'}
        </sp-button>
      </div>
      {flow.running && flow.progress ? <Progress state={flow.progress} onCancel={flow.cancel} cancelling={flow.cancelling} /> : null}
      {flow.error?.code === 'needs-confirmation' ? <ConfirmNotice error={flow.error} confirmLabel="Export anyway" onConfirm={() => (flow.clearError(), onExport(true))} onCancel={flow.clearError} /> : null}
      <ErrorNotice error={flow.error} onDismiss={flow.clearError} />
      {result ? (
        <Reveal>
          <Section title="RESULT" aside={summarise(result.outcomes)}>
            <OutcomeList outcomes={result.outcomes} />
            <div class="field-hint">{result.note}</div>
            {delivery.folder ? (
              <div class="actions">
                <sp-link class="small" onClick={reveal}>
                  {navigator.platform?.startsWith('Win') ? 'Show in Explorer' : 'Reveal in Finder'}
                </sp-link>
              </div>
            ) : null}
            <ErrorNotice error={revealError} onDismiss={() => setRevealError(null)} />
          </Section>
        </Reveal>
      ) : null}
    </div>
  );
}
