/**
 * Generate: pick a SKU from the server's current brief (or type one), see its locked recipe, send the
 * document, the active layer or the selection, and get the result back as a named layer.
 */
import type { JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { PlannedJob } from '@brandlock/core/brief';
import type { CurrentBrief } from '../../ports/brandlock-server';
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
import { RecipeCard } from './recipe-card';
import type { PanelError } from '../../errors/panel-error';

export function GenerateTab(p: TabProps): JSX.Element {
  const session = p.session;
  const [brief, setBrief] = useState<CurrentBrief | null | undefined>(undefined);
  const [sku, setSku] = useState('');
  const [typedSku, setTypedSku] = useState(false);
  const [view, setView] = useState('');
  const [job, setJob] = useState<PlannedJob | null>(null);
  const [planError, setPlanError] = useState<PanelError | null>(null);
  const [source, setSource] = useState<GenerationSource>('document');
  const [done, setDone] = useState<GenerateOutcome | null>(null);
  const flow = useFlow();

  useEffect(() => {
    if (!session) return;
    session.currentBrief().then(
      (b) => {
        setBrief(b);
        if (b?.skus.length && !sku) {
          setSku(b.skus[0].sku);
          setView(b.skus[0].views[0] ?? '');
        }
      },
      (e) => {
        setBrief(null);
        setPlanError(asPanelError(e));
      },
    );
  }, [session]);

  useEffect(() => {
    setJob(null);
    setPlanError(null);
    if (!session || !sku || !view) return;
    let alive = true;
    session.planJob(sku, view).then(
      (j) => alive && setJob(j),
      (e) => alive && setPlanError(asPanelError(e)),
    );
    return () => {
      alive = false;
    };
  }, [session, sku, view]);

  if (!session) return <NeedsConnection what="SKUs and their recipes" onConnect={() => p.goTo('connect')} />;

  const skus = brief?.skus ?? [];
  const entry = skus.find((s) => s.sku === sku);
  const views = entry?.views.length ? entry.views : session.lock.poseSets.flatMap((ps) => ps.views.map((v) => v.id)).filter((v, i, a) => a.indexOf(v) === i);

  async function onGenerate() {
    setDone(null);
    const outcome = await flow.run((signal, report) =>
      generateIntoDocument(p.services.ps, p.services.files, session!, { sku, view, source }, { signal, onProgress: report }),
    );
    if (outcome) setDone(outcome);
    p.documentsChanged();
  }

  return (
    <div>
      <Section title="SKU" aside={brief ? `${brief.name} · ${skus.length} SKUs` : brief === null ? 'No current brief' : 'Loading brief…'}>
        {typedSku || (brief !== undefined && !skus.length) ? (
          <TextField label="SKU" value={sku} onInput={(v) => setSku(v.trim())} placeholder="e.g. NF-1001" />
        ) : (
          <Dropdown
            label="SKU from the brief"
            value={sku || null}
            options={skus.map((s) => ({ value: s.sku, label: `${s.sku} · ${s.colorway} · ${s.category}` }))}
            onChange={(v) => {
              setSku(v);
              setView(skus.find((s) => s.sku === v)?.views[0] ?? '');
            }}
          />
        )}
        <div class="row">
          <div class="grow">
            <Dropdown label="View" value={view || null} options={views.map((v) => ({ value: v, label: v }))} onChange={setView} />
          </div>
        </div>
        {skus.length ? (
          <sp-link class="small" onClick={() => setTypedSku(!typedSku)}>
            {typedSku ? 'Pick from the brief' : 'Enter a SKU instead'}
          </sp-link>
        ) : null}
      </Section>
      <ErrorNotice error={planError} />
      {job ? <RecipeCard job={job} lock={session.lock} /> : null}
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
        <Notice kind="success" title={`Placed "${done.layerName}"`}>
          In {done.documentTitle}, as one History step. The job's production record is in the layer's metadata (File Info).
        </Notice>
      ) : null}
      <div class="actions">
        <sp-button variant="cta" disabled={flow.running || !job || !p.doc || undefined} onClick={onGenerate}>
          Generate
        </sp-button>
      </div>
    </div>
  );
}
