/**
 * Cleanup: Select Subject and Remove Background through Photoshop, then exposure and white balance
 * measured by core against a lighting preset of the lock and corrected with a named Curves layer.
 */
import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import { removeBackgroundInDocument, selectSubjectInDocument } from '../../flows/cleanup/subject-actions';
import { balanceFix, measureBalance, type BalanceReading } from '../../flows/cleanup/measure-balance';
import { applyBalanceCorrection } from '../../flows/cleanup/apply-balance-correction';
import type { TabProps } from '../tab-props';
import { useFlow } from '../use-flow';
import { signed } from '../format';
import { Dropdown } from '../widgets/dropdown';
import { Checkbox } from '../widgets/checkbox';
import { ErrorNotice } from '../widgets/error-notice';
import { Notice } from '../widgets/notice';
import { Meter } from '../widgets/meter';
import { Progress } from '../widgets/progress';
import { Section } from '../widgets/section';
import { NeedsConnection } from '../widgets/needs-connection';
import { Reveal } from '../widgets/reveal';

/** "Curves: +0.81 EV · red ×0.91 · blue ×1.21 (linear light, against green)" */
function describeFix([r, g, b]: [number, number, number]): string {
  const parts = [Math.abs(Math.log2(g)) > 0.005 ? `${signed(Math.log2(g))} EV` : '', Math.abs(r / g - 1) > 0.005 ? `red ×${(r / g).toFixed(2)}` : '', Math.abs(b / g - 1) > 0.005 ? `blue ×${(b / g).toFixed(2)}` : ''];
  return `Curves: ${parts.filter(Boolean).join(' · ')} (linear light, against green)`;
}

export function CleanupTab(p: TabProps): JSX.Element {
  const session = p.session;
  const [presetId, setPresetId] = useState<string | null>(session?.lock.lighting[0]?.id ?? null);
  const [reading, setReading] = useState<BalanceReading | null>(null);
  const [fixExposure, setFixExposure] = useState(true);
  const [fixCast, setFixCast] = useState(true);
  const [message, setMessage] = useState<string | null>(null);
  const flow = useFlow();

  if (!session) return <NeedsConnection what="Lighting targets" onConnect={() => p.goTo('connect')} />;
  const preset = session.lock.lighting.find((l) => l.id === presetId) ?? session.lock.lighting[0];

  async function run(action: () => Promise<string>) {
    setMessage(null);
    const text = await flow.run(async (_s, report) => {
      report({ fraction: null, label: 'Working in Photoshop…' });
      return action();
    });
    if (text) setMessage(text);
    p.documentsChanged();
  }

  async function onMeasure() {
    setMessage(null);
    const r = await flow.run(async (_s, report) => {
      report({ fraction: null, label: `Measuring against ${preset.name}…` });
      return measureBalance(p.services.ps, preset, { swatch: null, maxEv: 1 });
    });
    setReading(r ?? null);
  }

  const fix = reading ? balanceFix(reading, { exposure: fixExposure, cast: fixCast }) : null;
  const ev = reading?.exposure?.ev ?? 0;
  const tolerance = preset.exposure.toleranceEv;

  return (
    <div>
      <Section title="SUBJECT AND BACKGROUND">
        <div class="segmented">
          <sp-action-button class="segment" disabled={flow.running || !p.doc || undefined} onClick={() => run(() => selectSubjectInDocument(p.services.ps))}>
            Select Subject
          </sp-action-button>
          <sp-action-button class="segment" disabled={flow.running || !p.doc || undefined} onClick={() => run(() => removeBackgroundInDocument(p.services.ps))}>
            Remove Background
          </sp-action-button>
        </div>
        <div class="field-hint">Photoshop's own subject model; Remove Background adds a layer mask and keeps every pixel.</div>
      </Section>
      <Section title="EXPOSURE AND WHITE BALANCE">
        <Dropdown
          label="Lighting preset"
          value={preset.id}
          options={session.lock.lighting.map((l) => ({ value: l.id, label: l.name }))}
          onChange={(v) => {
            setPresetId(v);
            setReading(null);
          }}
        />
        <div class="field-hint">
          Target L* {preset.exposure.targetL} ± {tolerance} EV · backdrop {preset.background} · {preset.colorTemperatureK} K
        </div>
      </Section>
      {reading && reading.preset.id === preset.id ? (
        <Reveal>
          <div class="card">
            <div class="fact">
              <div class="fact-key">Exposure</div>
              <div class="fact-value">
                {reading.exposure ? (
                  <span>
                    <b>{signed(ev)} EV</b> {reading.exposure.verdict === 'on-target' ? 'on target' : reading.exposure.verdict} · vs {reading.exposure.swatch.name}
                    <Meter value={Math.abs(ev)} limit={tolerance} scale={Math.max(tolerance * 3, Math.abs(ev) * 1.1)} verdict={reading.exposure.verdict === 'on-target' ? 'pass' : 'flag'} />
                  </span>
                ) : (
                  'Needs the SKU swatch'
                )}
              </div>
            </div>
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
              <Checkbox label="Correct exposure" checked={fixExposure} onChange={setFixExposure} />
              <Checkbox label="Correct white balance" checked={fixCast} onChange={setFixCast} disabled={!reading.cast} />
            </div>
            {fix && (fix.fixesCast || fix.fixesExposure) ? <div class="field-hint">{describeFix(fix.correction.gains)}</div> : null}
          </div>
        </Reveal>
      ) : null}
      {flow.running && flow.progress ? <Progress state={flow.progress} /> : null}
      <ErrorNotice error={flow.error} onDismiss={flow.clearError} />
      {message ? <Notice kind="success" title={message} /> : null}
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
            run(async () => {
              const { layerName } = await applyBalanceCorrection(p.services.ps, reading, fix);
              setReading(null);
              return `Added "${layerName}".`;
            })
          }
        >
          Add correction layer
        </sp-button>
      </div>
    </div>
  );
}
