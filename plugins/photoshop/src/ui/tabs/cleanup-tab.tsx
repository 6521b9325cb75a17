/**
 * Cleanup: Select Subject and Remove Background through Photoshop; then exposure, aimed at the SKU
 * swatch's lightness with QC's own garment measure (a navy shirt on its swatch needs nothing), and
 * white balance against the lighting preset's backdrop, corrected with one named Curves layer that
 * never clips. Measure and correct can be cancelled.
 */
import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import { removeBackgroundInDocument, selectSubjectInDocument } from '../../flows/cleanup/subject-actions';
import { balanceFix, measureBalance, type BalanceReading } from '../../flows/cleanup/measure-balance';
import { applyBalanceCorrection } from '../../flows/cleanup/apply-balance-correction';
import { categoryFor, targetSwatchFor } from '../../flows/document-identity/document-identity';
import type { TabProps } from '../tab-props';
import { signed } from '../format';
import { Dropdown } from '../widgets/dropdown';
import { Checkbox } from '../widgets/checkbox';
import { ColorChips } from '../widgets/color-chips';
import { DocumentSku } from '../widgets/document-sku';
import { ErrorNotice } from '../widgets/error-notice';
import { Notice } from '../widgets/notice';
import { Meter } from '../widgets/meter';
import { Progress } from '../widgets/progress';
import { Section } from '../widgets/section';
import { NeedsConnection } from '../widgets/needs-connection';
import { Reveal } from '../widgets/reveal';

/** "Curves: +0.81 EV · red ×0.91 · blue ×1.21, soft shoulder" */
function describeFix([r, g, b]: [number, number, number]): string {
  const parts = [Math.abs(Math.log2(g)) > 0.005 ? `${signed(Math.log2(g))} EV` : '', Math.abs(r / g - 1) > 0.005 ? `red ×${(r / g).toFixed(2)}` : '', Math.abs(b / g - 1) > 0.005 ? `blue ×${(b / g).toFixed(2)}` : ''];
  return `Curves: ${parts.filter(Boolean).join(' · ')} (linear light; highlights roll off, nothing clips)`;
}

const exposureWords = { 'on-target': 'on the swatch', under: 'darker than the swatch', over: 'lighter than the swatch', beyond: 'too far from the swatch to correct' } as const;

export function CleanupTab(p: TabProps): JSX.Element {
  const { session, flow } = p;
  const [presetChoice, setPresetChoice] = useState<string | null>(null);
  const [reading, setReading] = useState<BalanceReading | null>(null);
  const [fixExposure, setFixExposure] = useState(true);
  const [fixCast, setFixCast] = useState(true);
  const [message, setMessage] = useState<string | null>(null);
  // Select Subject, Remove Background and the correction layer are one Photoshop command each, which
  // nothing stops half-way: they get no Cancel button (Measure reads pixels and can stop).
  const [cancellable, setCancellable] = useState(true);

  if (!session) return <NeedsConnection what="Lighting targets" onConnect={() => p.goTo('connect')} />;
  const lock = session.lock;
  const category = p.identity ? categoryFor(p.identity, lock) : null;
  const swatch = p.identity && category ? targetSwatchFor(p.identity, lock, category) : null;
  const preset = lock.lighting.find((l) => l.id === (presetChoice ?? category?.lighting)) ?? lock.lighting[0];
  const maxEv = category?.qc.exposure.maxEvDeviation ?? 1;

  async function run(title: string, action: () => Promise<string>) {
    setMessage(null);
    setCancellable(false);
    const text = await flow.run(title, async (_s, report) => {
      report({ fraction: null, label: 'Working in Photoshop…' });
      return action();
    });
    if (text) setMessage(text);
    p.documentsChanged();
  }

  async function onMeasure() {
    setMessage(null);
    setCancellable(true);
    const r = await flow.run('Measure', async (signal, report) => {
      report({ fraction: null, label: `Measuring against ${swatch ? `${swatch.name} and ` : ''}${preset.name}…` });
      return measureBalance(p.services.ps, preset, { swatch, maxEv, signal });
    });
    setReading(r ?? null);
    // Exposure is proposed only when it is off; the box then starts ticked.
    setFixExposure(Boolean(r?.exposure && (r.exposure.verdict === 'under' || r.exposure.verdict === 'over')));
  }

  const fix = reading ? balanceFix(reading, { exposure: fixExposure, cast: fixCast }) : null;
  const e = reading?.exposure ?? null;
  const correctable = e !== null && (e.verdict === 'under' || e.verdict === 'over');

  return (
    <div>
      <Section title="SUBJECT AND BACKGROUND">
        <div class="row">
          <sp-button variant="secondary" size="s" disabled={flow.running || !p.doc || undefined} onClick={() => run('Select Subject', () => selectSubjectInDocument(p.services.ps))}>
            Select Subject
          </sp-button>
          <sp-button variant="secondary" size="s" disabled={flow.running || !p.doc || undefined} onClick={() => run('Remove Background', () => removeBackgroundInDocument(p.services.ps))}>
            Remove Background
          </sp-button>
        </div>
        <div class="field-hint">Photoshop's own subject model; Remove Background adds a layer mask and keeps every pixel.</div>
      </Section>
      <Section title="EXPOSURE AND WHITE BALANCE">
        <DocumentSku identity={p.identity} brief={p.brief} lock={lock} onChoose={p.chooseIdentity} />
        <Dropdown
          label="Lighting preset"
          value={preset.id}
          options={lock.lighting.map((l) => ({ value: l.id, label: `${l.name}${l.id === category?.lighting ? ' (the category’s)' : ''}` }))}
          onChange={(v) => {
            setPresetChoice(v);
            setReading(null);
          }}
        />
        <div class="field-hint">
          Exposure: the garment against {swatch ? `the ${swatch.name} swatch` : 'its SKU swatch (choose the SKU above)'} ± {preset.exposure.toleranceEv} EV · white balance: the backdrop against {preset.background}
        </div>
      </Section>
      <div class="actions">
        <sp-button variant="secondary" disabled={flow.running || !p.doc || undefined} onClick={onMeasure}>
          Measure
        </sp-button>
        <sp-button
          variant="cta"
          disabled={flow.running || !fix || !(fix.fixesCast || fix.fixesExposure) || undefined}
          onClick={() =>
            reading &&
            fix &&
            run('Add correction layer', async () => {
              const { layerName } = await applyBalanceCorrection(p.services.ps, reading, fix);
              setReading(null);
              return `Added "${layerName}" on top of the layers.`;
            })
          }
        >
          Add correction layer
        </sp-button>
      </div>
      {flow.running && flow.progress ? <Progress state={flow.progress} onCancel={cancellable ? flow.cancel : undefined} cancelling={flow.cancelling} /> : null}
      <ErrorNotice error={flow.error} onDismiss={flow.clearError} />
      {message ? <Notice kind="success" title={message} /> : null}
      {reading && reading.preset.id === preset.id ? (
        <Reveal>
          <div class="card">
            <div class="fact">
              <div class="fact-key">Exposure</div>
              <div class="fact-value">
                {e ? (
                  <span>
                    <b>{signed(e.ev)} EV</b> {exposureWords[e.verdict]}
                    <Meter value={Math.abs(e.ev)} limit={e.toleranceEv} scale={Math.max(e.toleranceEv * 3, Math.abs(e.ev) * 1.1)} verdict={e.verdict === 'on-target' ? 'pass' : e.verdict === 'beyond' ? 'reject' : 'flag'} />
                  </span>
                ) : (
                  'Not judged: choose the SKU, whose swatch says how light the garment should be.'
                )}
              </div>
            </div>
            {e ? <ColorChips swatch={e.swatch} measured={e.garment} /> : null}
            {e?.verdict === 'beyond' ? <div class="field-hint warn-text">More than {e.maxEv} EV off: check the SKU or the garment; a correction this large would be a different colour.</div> : null}
            <div class="fact">
              <div class="fact-key">White balance</div>
              <div class="fact-value">
                {reading.cast ? (
                  <span>
                    <b>{reading.cast.deltaE.toFixed(1)} ΔE00</b> {reading.cast.direction} · vs backdrop {preset.background}
                  </span>
                ) : (
                  'Not enough unclipped background to judge a cast'
                )}
              </div>
            </div>
            <div class="fact">
              <div class="fact-key">Subject</div>
              <div class="fact-value">{reading.subjectFrom === 'selection' ? 'Your selection' : 'Select Subject (measured, then undone)'}</div>
            </div>
            <div class="section">
              <Checkbox label="Correct exposure" checked={fixExposure && correctable} onChange={setFixExposure} disabled={!correctable} />
              <Checkbox label="Correct white balance" checked={fixCast} onChange={setFixCast} disabled={!reading.cast} />
            </div>
            {fix && (fix.fixesCast || fix.fixesExposure) ? <div class="field-hint">{describeFix(fix.correction.gains)}</div> : <div class="field-hint">Nothing to correct.</div>}
          </div>
        </Reveal>
      ) : null}
    </div>
  );
}
