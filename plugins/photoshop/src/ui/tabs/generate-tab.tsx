/**
 * Generate: pick a SKU from the server's current brief (or type it), see the category's locked
 * recipe, send the document, the active layer or the selection, and get the result back as a layer
 * named after the SKU and job.
 */
import type { JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { CurrentBrief } from '../../ports/brandlock-server';
import type { PanelError } from '../../errors/panel-error';
import { generateIntoDocument, type GenerateOutcome } from '../../flows/generate/generate-into-document';
import type { GenerationSource } from '../../flows/generate/read-generation-source';
import type { TabProps } from '../tab-props';
import { asPanelError, useFlow } from '../use-flow';
import { Dropdown } from '../widgets/dropdown';
import { Segmented } from '../widgets/segmented';
import { TextField } from '../widgets/text-field';
import { ErrorNotice } from '../widgets/error-notice';
import { Notice } from '../widgets/notice';
import { Progress } from '../widgets/progress';
import { Section } from '../widgets/section';
import { NeedsConnection } from '../widgets/needs-connection';
import { Reveal } from '../widgets/reveal';
import { RecipeCard } from './recipe-card';

export function GenerateTab(p: TabProps): JSX.Element {
  const session = p.session;
  const [brief, setBrief] = useState<CurrentBrief | null | undefined>(undefined);
  const [briefError, setBriefError] = useState<PanelError | null>(null);
  const [sku, setSku] = useState('');
  const [typing, setTyping] = useState(false);
  const [view, setView] = useState('');
  const [source, setSource] = useState<GenerationSource>('document');
  const [done, setDone] = useState<GenerateOutcome | null>(null);
  const flow = useFlow();

  const [briefVersion, setBriefVersion] = useState(0);

  useEffect(() => {
    if (!session) return;
    session.currentBrief().then(
      (b) => {
        setBrief(b);
        const first = b?.skus[0];
        if (first && briefVersion === 0) {
          setSku(first.sku);
          setView(first.views[0]?.view ?? '');
        }
      },
      (e) => {
        setBrief(null);
        setBriefError(asPanelError(e));
      },
    );
  }, [session, briefVersion]);

  if (!session) return <NeedsConnection what="SKUs and their recipes" onConnect={() => p.goTo('connect')} />;
  const skus = brief?.skus ?? [];
  const entry = skus.find((s) => s.sku.toLowerCase() === sku.trim().toLowerCase()) ?? null;

  function chooseSku(value: string) {
    setSku(value);
    const found = skus.find((s) => s.sku.toLowerCase() === value.trim().toLowerCase());
    if (found && !found.views.some((v) => v.view === view)) setView(found.views[0]?.view ?? '');
  }

  async function onGenerate() {
    if (!brief || !entry) return;
    setDone(null);
    const outcome = await flow.run((signal, report) =>
      generateIntoDocument(p.services.ps, p.services.files, session!, { briefId: brief.id, sku: entry.sku, view, source, documentSku: null }, { signal, onProgress: report }),
    );
    if (outcome) {
      setDone(outcome);
      setBriefVersion((v) => v + 1);
    }
    p.documentsChanged();
  }

  return (
    <div>
      <Section title="SKU" aside={brief ? `${brief.name} · ${skus.length} SKUs` : brief === null ? 'No brief on the server' : 'Loading brief…'}>
        {typing ? (
          <TextField label="SKU" value={sku} onInput={chooseSku} placeholder="e.g. NF-WV-1001" invalid={Boolean(sku) && !entry} hint={sku && !entry ? `Not in ${brief?.name ?? 'the brief'}` : undefined} />
        ) : (
          <Dropdown
            label="SKU from the brief"
            value={entry?.sku ?? null}
            options={skus.map((s) => ({ value: s.sku, label: `${s.sku} · ${s.colorway} · ${s.status}` }))}
            onChange={chooseSku}
          />
        )}
        {skus.length ? (
          <sp-link class="small" onClick={() => setTyping(!typing)}>
            {typing ? 'Pick from the list' : 'Type a SKU'}
          </sp-link>
        ) : null}
        {entry ? (
          <div class="section">
            <Dropdown label="View" value={view || null} options={entry.views.map((v) => ({ value: v.view, label: `${v.viewName} · ${v.status}` }))} onChange={setView} />
          </div>
        ) : null}
      </Section>
      <ErrorNotice error={briefError} />
      {brief === null && !briefError ? (
        <Notice kind="info" title="No brief on the server yet">
          Generate works from a season brief; an art director uploads it (brandlock brief upload).
        </Notice>
      ) : null}
      {entry ? <RecipeCard lock={session.lock} sku={entry} view={view} /> : null}
      <Section title="SEND">
        <Segmented<GenerationSource>
          label="Source"
          value={source}
          onChange={(v) => setSource(v)}
          options={[
            { value: 'document', label: 'Document' },
            { value: 'layer', label: 'Layer' },
            { value: 'selection', label: 'Selection' },
          ]}
        />
      </Section>
      {flow.running && flow.progress ? <Progress state={flow.progress} onCancel={flow.cancel} cancelling={flow.cancelling} /> : null}
      <ErrorNotice error={flow.error} onDismiss={flow.clearError} />
      {done ? (
        <Reveal block="end">
          <Notice kind="success" title={`Placed "${done.layerName}"`}>
            In {done.documentTitle}, as one History step; the production record is in the layer's metadata.{done.note ? ` Server note: ${done.note}` : ''}
          </Notice>
        </Reveal>
      ) : null}
      <div class="actions">
        <sp-button variant="cta" disabled={flow.running || !entry || !view || !p.doc || undefined} onClick={onGenerate}>
          Generate
        </sp-button>
      </div>
    </div>
  );
}
