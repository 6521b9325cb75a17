/**
 * QC: core's rules on the document's pixels against its category's thresholds and its SKU's swatch
 * (never without one); the verdict, the swatch beside the garment as measured, every failing finding
 * with its number and limit, the regions drawn on a thumbnail (click one to select it in the
 * document), and the verdict written to the document's XMP. The same over every open master or a
 * folder, one line per file.
 */
import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import { failingFindings, type Finding } from '@brandlock/core/qc';
import { runDocumentQc, type DocumentQcResult } from '../../flows/qc/run-document-qc';
import { runQcBatch } from '../../flows/qc/run-qc-batch';
import { qcTargetFor } from '../../flows/qc/qc-target';
import { selectFlaggedRegion } from '../../flows/qc/select-region';
import { identifyDocument } from '../../flows/document-identity/document-identity';
import type { BatchRun } from '../../flows/batch-scope';
import type { TabProps } from '../tab-props';
import { Checkbox } from '../widgets/checkbox';
import { Choice } from '../widgets/choice';
import { ColorChips } from '../widgets/color-chips';
import { DocumentSku } from '../widgets/document-sku';
import { ErrorNotice } from '../widgets/error-notice';
import { Notice } from '../widgets/notice';
import { Progress } from '../widgets/progress';
import { Section } from '../widgets/section';
import { NeedsConnection } from '../widgets/needs-connection';
import { Reveal } from '../widgets/reveal';
import { OutcomeList, summarise } from '../widgets/outcome-list';
import { BatchScopeChoice, useBatchScope } from '../widgets/batch-scope-choice';
import { FindingRow, RegionThumbnail } from './qc-findings';

const verdictWords = { pass: 'PASS', flag: 'FLAG', reject: 'REJECT' } as const;
const verdictMeaning = {
  pass: 'Goes on to brand review.',
  flag: 'Needs a retoucher pass on the items below.',
  reject: 'Regenerate: the items below are beyond what retouching should fix.',
} as const;

export function QcTab(p: TabProps): JSX.Element {
  const { session, flow } = p;
  const [result, setResult] = useState<DocumentQcResult | null>(null);
  const [batch, setBatch] = useState<BatchRun | null>(null);
  const [showPassed, setShowPassed] = useState(false);
  const [sidecars, setSidecars] = useState(true);
  const scope = useBatchScope(p.services, 'brandlock.qcFolder');

  if (!session) return <NeedsConnection what="QC thresholds and swatches" onConnect={() => p.goTo('connect')} />;
  const lock = session.lock;
  const target = p.identity && p.doc ? qcTargetFor(p.identity, lock, p.doc.title) : null;

  async function onRun() {
    setResult(null);
    setBatch(null);
    if (scope.kind === 'active') {
      if (!target?.success) return;
      const t = target.target;
      const r = await flow.run(`QC ${t.sku ?? t.colorway}`, (signal, report) => {
        report({ fraction: null, label: `Checking against ${t.swatch.name} and ${t.category.name}…` });
        return runDocumentQc(p.services.ps, lock, { ...t, by: session!.info.user.name, lockHash: session!.info.lockHash, signal });
      });
      setResult(r ?? null);
    } else {
      const where = scope.kind === 'open' ? { kind: 'open' as const } : { kind: 'folder' as const, folder: scope.folder! };
      const identify = (doc: { title: string }, xmp: Record<string, string>) => identifyDocument({ title: doc.title, xmp }, lock, p.brief ?? null);
      const r = await flow.run(scope.kind === 'open' ? 'QC of open documents' : `QC of ${scope.folder!.name}`, (signal, report) =>
        runQcBatch(p.services.ps, p.services.files, lock, where, identify, { by: session!.info.user.name, lockHash: session!.info.lockHash, signal, onProgress: report, sidecars }),
      );
      setBatch(r ?? null);
    }
    p.documentsChanged();
  }

  const failing = result ? failingFindings(result.findings) : [];
  const passed = result ? result.findings.filter((f) => f.severity === 'pass' || f.severity === 'info') : [];
  const select = (f: Finding) => () => result && f.box && flow.run('Select region', () => selectFlaggedRegion(p.services.ps, result.document.id, f.box!));
  const ready = scope.kind === 'active' ? Boolean(p.doc && target?.success) : scope.ready;

  return (
    <div>
      <Section title="JUDGE">
        <BatchScopeChoice scope={scope} services={p.services} openCount={p.openCount} />
        {scope.kind === 'active' ? <DocumentSku identity={p.identity} brief={p.brief} lock={lock} onChoose={p.chooseIdentity} /> : null}
        {scope.kind === 'active' && target?.success ? (
          <div class="field-hint">
            Max ΔE00 {target.target.swatch.tolerance} · exposure ± {lock.lighting.find((l) => l.id === target.target.category.lighting)?.exposure.toleranceEv ?? '?'} EV · blur ≤{' '}
            {target.target.category.qc.maxBlurPx} px · review {target.target.category.qc.humanReview}
          </div>
        ) : scope.kind !== 'active' ? (
          <div class="field-hint">Each master is judged as the SKU its metadata or name gives; one brandlock cannot place is listed, not guessed.</div>
        ) : null}
        {scope.kind === 'open' ? <div class="field-hint">Each open document gets its verdict in its own XMP (save the document to keep it).</div> : null}
        {scope.kind === 'folder' ? (
          <Checkbox
            label="Write each verdict to an XMP sidecar"
            checked={sidecars}
            onChange={setSidecars}
            hint={sidecars ? 'Beside each image as <name>.xmp (verdict, ΔE00, lock hash); the images themselves are not changed.' : 'Verdicts are only listed here; no file in the folder is written or changed.'}
          />
        ) : null}
      </Section>
      <div class="actions">
        <sp-button variant="cta" disabled={flow.running || !ready || undefined} onClick={onRun}>
          {scope.kind === 'active' ? 'Run QC' : 'Run QC on all'}
        </sp-button>
      </div>
      {flow.running && flow.progress ? <Progress state={flow.progress} onCancel={flow.cancel} cancelling={flow.cancelling} /> : null}
      <ErrorNotice error={flow.error} onDismiss={flow.clearError} />
      {batch ? (
        <Reveal>
          <Section title="RESULT" aside={summarise(batch.outcomes)}>
            <OutcomeList outcomes={batch.outcomes} />
          </Section>
        </Reveal>
      ) : null}
      {result ? (
        <Reveal>
          <div class={`verdict ${result.verdict}`}>
            <div class="verdict-word">{verdictWords[result.verdict]}</div>
            <div class="grow">
              <div class="small">{verdictMeaning[result.verdict]}</div>
              <div class="list-sub">
                {result.recorded ? "Written to the document's metadata" : 'Not written to the document'} · {result.document.title}
              </div>
            </div>
          </div>
          {result.recordError ? <Notice kind="warning" title="The verdict is not in the document's metadata.">{result.recordError}</Notice> : null}
          <ColorChips swatch={result.swatch} measured={result.garment} />
          {failing.length ? (
            <Section title="TO FIX" aside={`${failing.length} of ${result.findings.length} checks`}>
              <div class="list">
                {failing.map((f, i) => (
                  <FindingRow key={i} f={f} onSelect={f.box ? select(f) : undefined} />
                ))}
              </div>
            </Section>
          ) : null}
          {failing.some((f) => f.box) ? <RegionThumbnail {...p} result={result} failing={failing} onSelect={select} /> : null}
          <Section title="PASSED" aside={<sp-link onClick={() => setShowPassed(!showPassed)}>{showPassed ? 'Hide' : `Show ${passed.length}`}</sp-link>}>
            {showPassed ? (
              <div class="list">
                {passed.map((f, i) => (
                  <FindingRow key={i} f={f} />
                ))}
              </div>
            ) : null}
          </Section>
          {result.fullScale > 1 ? <div class="field-hint">Sharpness and halo were measured at 1/{result.fullScale.toFixed(1)} scale (document over 24 MP).</div> : null}
        </Reveal>
      ) : null}
    </div>
  );
}
