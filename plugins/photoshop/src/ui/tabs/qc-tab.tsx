/**
 * QC: core's rules on the document's pixels against the category's thresholds and the SKU's swatch;
 * the verdict, every failing finding with its number and limit, the regions drawn on a thumbnail
 * (click one to select it in the document), and the verdict written to the document's XMP.
 */
import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import { failingFindings, swatchFromPalette, type Finding } from '@brandlock/core/qc';
import { runDocumentQc, type DocumentQcResult } from '../../flows/qc/run-document-qc';
import { findingTitle, limitText, measuredText } from '../../flows/qc/describe-finding';
import { selectFlaggedRegion } from '../../flows/qc/select-region';
import type { TabProps } from '../tab-props';
import { LAST_QC_CATEGORY_KEY } from '../../flows/settings-keys';
import { useFlow } from '../use-flow';
import { rasterDataUrl } from '../raster-data-url';
import { Dropdown } from '../widgets/dropdown';
import { ErrorNotice } from '../widgets/error-notice';
import { Meter } from '../widgets/meter';
import { Progress } from '../widgets/progress';
import { Section } from '../widgets/section';
import { NeedsConnection } from '../widgets/needs-connection';
import { Reveal } from '../widgets/reveal';

const THUMB_MAX = { width: 296, height: 180 };
const verdictWords = { pass: 'PASS', flag: 'FLAG', reject: 'REJECT' } as const;
const verdictMeaning = {
  pass: 'Goes on to brand review.',
  flag: 'Needs a retoucher pass on the items below.',
  reject: 'Regenerate: the items below are beyond what retouching should fix.',
} as const;

function FindingRow(p: { f: Finding; onSelect?: () => void }): JSX.Element {
  const { f } = p;
  const numeric = typeof f.measured === 'number' && f.limits && (f.limits.reject ?? f.limits.flag) !== undefined;
  const limit = f.limits ? (f.limits.reject ?? f.limits.flag ?? 0) : 0;
  return (
    <div class="list-item">
      <span class={`badge ${f.severity}`}>{f.severity.toUpperCase()}</span>
      <div class="list-main">
        <div class="row">
          <div class="list-title grow">{findingTitle(f)}</div>
          <div class="small">
            <b>{measuredText(f)}</b>
          </div>
        </div>
        {numeric && f.limits?.direction === 'max' ? (
          <Meter value={Math.abs(f.measured as number)} limit={limit} scale={Math.max(limit * 1.5, Math.abs(f.measured as number) * 1.05)} verdict={f.severity === 'reject' ? 'reject' : f.severity === 'flag' ? 'flag' : 'pass'} />
        ) : null}
        <div class="list-sub">{limitText(f)}</div>
        <div class="list-sub">{f.message}</div>
        {f.box && p.onSelect ? (
          <sp-link class="small" onClick={p.onSelect}>
            Select this region
          </sp-link>
        ) : null}
      </div>
    </div>
  );
}

export function QcTab(p: TabProps): JSX.Element {
  const session = p.session;
  const [categoryId, setCategoryId] = useState<string | null>(session?.lock.categories[0]?.id ?? null);
  const [swatchId, setSwatchId] = useState<string>('');
  const [result, setResult] = useState<DocumentQcResult | null>(null);
  const [showPassed, setShowPassed] = useState(false);
  const flow = useFlow();

  if (!session) return <NeedsConnection what="QC thresholds and swatches" onConnect={() => p.goTo('connect')} />;
  const lock = session.lock;
  const category = lock.categories.find((c) => c.id === categoryId) ?? lock.categories[0];

  async function onRun() {
    await p.services.settings.set(LAST_QC_CATEGORY_KEY, category.id);
    const r = await flow.run(async (_s, report) => {
      report({ fraction: null, label: `Checking against ${category.name}…` });
      const swatch = swatchId ? swatchFromPalette(lock, swatchId, category) : null;
      return runDocumentQc(p.services.ps, lock, { category, swatch, by: session!.info.user.name, lockHash: session!.info.lockHash });
    });
    setResult(r ?? null);
    p.documentsChanged();
  }

  const failing = result ? failingFindings(result.findings) : [];
  const passed = result ? result.findings.filter((f) => f.severity === 'pass' || f.severity === 'info') : [];
  const thumbWidth = result ? Math.min(THUMB_MAX.width, Math.round((THUMB_MAX.height * result.proxy.width) / result.proxy.height)) : 0;
  const thumb = result ? rasterDataUrl(result.proxy, thumbWidth) : null;
  const scale = result && thumb ? thumb.width / result.document.width : 1;
  const select = (f: Finding) => () => result && f.box && flow.run(() => selectFlaggedRegion(p.services.ps, result.document.id, f.box!));

  return (
    <div>
      <Section title="JUDGE AGAINST">
        <Dropdown label="Category" value={category.id} options={lock.categories.map((c) => ({ value: c.id, label: c.name }))} onChange={setCategoryId} />
        <Dropdown
          label="SKU swatch"
          value={swatchId}
          options={[{ value: '', label: 'Unknown (skip colour accuracy)' }, ...lock.palette.swatches.map((s) => ({ value: s.id, label: `${s.name} ${s.color}` }))]}
          onChange={setSwatchId}
        />
        <div class="field-hint">
          Max ΔE00 {category.qc.maxDeltaE00} · exposure ± {lock.lighting.find((l) => l.id === category.lighting)?.exposure.toleranceEv ?? '?'} EV · blur ≤ {category.qc.maxBlurPx} px ·
          review {category.qc.humanReview}
        </div>
      </Section>
      {flow.running && flow.progress ? <Progress state={flow.progress} /> : null}
      <ErrorNotice error={flow.error} onDismiss={flow.clearError} />
      <div class="actions">
        <sp-button variant="cta" disabled={flow.running || !p.doc || undefined} onClick={onRun}>
          Run QC
        </sp-button>
      </div>
      {result ? (
        <Reveal>
          <div class={`verdict ${result.verdict}`}>
            <div class="verdict-word">{verdictWords[result.verdict]}</div>
            <div class="grow">
              <div class="small">{verdictMeaning[result.verdict]}</div>
              <div class="list-sub">Written to the document's metadata · {result.document.title}</div>
            </div>
          </div>
          {failing.length ? (
            <Section title="TO FIX" aside={`${failing.length} of ${result.findings.length} checks`}>
              <div class="list">
                {failing.map((f, i) => (
                  <FindingRow key={i} f={f} onSelect={f.box ? select(f) : undefined} />
                ))}
              </div>
            </Section>
          ) : null}
          {thumb && failing.some((f) => f.box) ? (
            <Section title="WHERE" aside="click a box to select it">
              <div class="thumb" style={{ width: `${thumb.width}px`, height: `${thumb.height}px` }}>
                <img src={thumb.url} alt="" />
                {failing
                  .filter((f) => f.box)
                  .map((f, i) => (
                    <div
                      key={i}
                      class={`region ${f.severity}`}
                      style={{ left: `${f.box!.x * scale}px`, top: `${f.box!.y * scale}px`, width: `${f.box!.width * scale}px`, height: `${f.box!.height * scale}px` }}
                      onClick={select(f)}
                    >
                      <span class="region-label">{findingTitle(f)}</span>
                    </div>
                  ))}
              </div>
            </Section>
          ) : null}
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
