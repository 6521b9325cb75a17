/**
 * Export: the channel variants of the open master, named by the lock's template, written to a folder
 * in Photoshop (duplicate, crop, resize, save as copy), with a line per file.
 */
import type { JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { FILE_EXTENSIONS, fillFileName } from '@brandlock/core/channels';
import type { FolderRef } from '../../ports/file-system';
import { exportVariantsLocally, LOCAL_FORMATS, type ExportResult } from '../../flows/export/export-variants-locally';
import { documentProvenance } from '../../flows/export/document-provenance';
import { exportVariantsViaServer } from '../../flows/export/export-variants-via-server';
import type { CurrentBrief } from '../../ports/brandlock-server';
import type { Outcome } from '../widgets/outcome-list';
import { Segmented } from '../widgets/segmented';
import type { TabProps } from '../tab-props';
import { useFlow } from '../use-flow';
import { TextField } from '../widgets/text-field';
import { Checkbox } from '../widgets/checkbox';
import { ErrorNotice } from '../widgets/error-notice';
import { Progress } from '../widgets/progress';
import { Section } from '../widgets/section';
import { FolderChoice } from '../widgets/folder-choice';
import { NeedsConnection } from '../widgets/needs-connection';
import { Reveal } from '../widgets/reveal';
import { OutcomeList, summarise } from '../widgets/outcome-list';

export function ExportTab(p: TabProps): JSX.Element {
  const session = p.session;
  const [sku, setSku] = useState('');
  const [colorway, setColorway] = useState('');
  const [view, setView] = useState('front');
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const [folder, setFolder] = useState<FolderRef | null>(null);
  const [route, setRoute] = useState<'local' | 'server'>('local');
  const [brief, setBrief] = useState<CurrentBrief | null>(null);
  const [result, setResult] = useState<{ outcomes: Outcome[]; note: string } | null>(null);
  const flow = useFlow();

  useEffect(() => {
    if (!session) return;
    session.currentBrief().then(setBrief, () => setBrief(null));
  }, [session]);
  useEffect(() => {
    if (!session) return;
    setChosen(new Set(session.lock.channels.filter((c) => route === 'server' || LOCAL_FORMATS.has(c.format)).map((c) => c.id)));
  }, [session, route]);
  useEffect(() => {
    if (!p.doc) return;
    documentProvenance(p.services.ps, p.doc.id).then(
      (found) => {
        if (found.sku) setSku((s) => s || found.sku!);
        if (found.view) setView(found.view);
      },
      () => undefined,
    );
  }, [p.doc?.id]);

  if (!session) return <NeedsConnection what="Channels and the naming template" onConnect={() => p.goTo('connect')} />;
  const lock = session.lock;
  const channels = lock.channels.filter((c) => chosen.has(c.id));
  const entry = brief?.skus.find((s) => s.sku.toLowerCase() === sku.trim().toLowerCase()) ?? null;
  const effectiveColorway = colorway || entry?.colorway || '';
  const example = channels[0]
    ? fillFileName(lock.naming, {
        brand: lock.brand.id, season: lock.season, version: lock.version, sku: sku || 'SKU', colorway: effectiveColorway || undefined, category: entry?.category, view, channel: channels[0].id,
        market: 'all', width: channels[0].width, height: channels[0].height, ext: FILE_EXTENSIONS[channels[0].format], index: 1,
      })
    : null;

  function toggle(id: string, on: boolean) {
    const next = new Set(chosen);
    if (on) next.add(id);
    else next.delete(id);
    setChosen(next);
  }

  async function pickFolder() {
    const picked = await p.services.files.pickFolder();
    if (picked) setFolder(picked);
  }

  async function onExport() {
    setResult(null);
    const request = { sku: entry?.sku ?? sku.trim(), colorway: effectiveColorway || undefined, view, category: entry?.category, channels, folder: folder! };
    const r = await flow.run(async (signal, report) => {
      if (route === 'server') {
        const done = await exportVariantsViaServer(p.services.ps, p.services.files, session!, { ...request, briefId: entry ? brief!.id : null }, { signal, onProgress: report });
        return { outcomes: done.outcomes, note: `Rendered by the server (job ${done.jobId}).` };
      }
      const done: ExportResult = await exportVariantsLocally(p.services.ps, p.services.files, lock, session!.info.lockHash, request, { signal, onProgress: report });
      return { outcomes: done.outcomes, note: `Made in Photoshop; subject framed from ${done.subjectFrom === 'selection' ? 'your selection' : "core's estimate (select the garment first to frame it yourself)"}.` };
    });
    if (r) setResult(r);
    p.documentsChanged();
  }

  return (
    <div>
      <Section title="MASTER">
        <div class="row">
          <div class="grow">
            <TextField label="SKU" value={sku} onInput={setSku} placeholder="NF-1001" />
          </div>
          <div class="grow">
            <TextField label="Colorway" value={colorway} onInput={setColorway} placeholder={entry?.colorway ?? 'Ecru'} />
          </div>
        </div>
        <TextField label="View" value={view} onInput={setView} />
        {example ? (
          example.success ? (
            <div class="field-hint">
              Named by the lock, e.g. <span class="mono">{example.name}</span>
            </div>
          ) : (
            <div class="field-hint warn-text">{example.issues.map((i) => i.message).join('; ')}</div>
          )
        ) : null}
      </Section>
      <Section title="RENDER">
        <Segmented<'local' | 'server'>
          label="Where"
          value={route}
          onChange={(v) => setRoute(v)}
          options={[
            { value: 'local', label: 'In Photoshop' },
            { value: 'server', label: 'On the server' },
          ]}
        />
      </Section>
      <Section title="CHANNELS" aside={`${channels.length} of ${lock.channels.length}`}>
        <div class="list">
          {lock.channels.map((c) => (
            <div class="list-item compact" key={c.id}>
              <div class="grow">
                <Checkbox label={c.name} checked={chosen.has(c.id)} onChange={(on) => toggle(c.id, on)} disabled={route === 'local' && !LOCAL_FORMATS.has(c.format)} />
              </div>
              <div class={`list-meta${route === 'local' && !LOCAL_FORMATS.has(c.format) ? ' server-only' : ''}`} title={LOCAL_FORMATS.has(c.format) ? '' : 'Photoshop cannot write this format; render it on the server'}>
                {c.width}×{c.height} {FILE_EXTENSIONS[c.format].toUpperCase()}
              </div>
            </div>
          ))}
        </div>
      </Section>
      <Section title="SAVE TO">
        <FolderChoice folder={folder} hint="8-bit sRGB copies; existing files are never overwritten." onChoose={pickFolder} />
      </Section>
      {flow.running && flow.progress ? <Progress state={flow.progress} onCancel={flow.cancel} cancelling={flow.cancelling} /> : null}
      <ErrorNotice error={flow.error} onDismiss={flow.clearError} />
      <div class="actions">
        <sp-button variant="cta" disabled={flow.running || !sku.trim() || !folder || !channels.length || !p.doc || undefined} onClick={onExport}>
          Export {channels.length} variant{channels.length === 1 ? '' : 's'}
        </sp-button>
      </div>
      {result ? (
        <Reveal>
          <Section title="RESULT" aside={summarise(result.outcomes)}>
            <OutcomeList outcomes={result.outcomes} />
            <div class="field-hint">{result.note}</div>
          </Section>
        </Reveal>
      ) : null}
    </div>
  );
}
