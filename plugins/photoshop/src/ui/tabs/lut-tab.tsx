/**
 * LUT: the brand's grade as a Color Lookup adjustment layer (or baked into pixels) at a chosen
 * strength and blend mode (Color grades colour and leaves luminance alone), on top of the layers and over the whole image, on the active document, every open
 * document, or a folder of files saved as copies in their own format; before/after in one click;
 * progress, cancel, and a line per file.
 */
import type { JSX } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { BrandLut } from '../../flows/lut/brand-lut';
import { applyBrandLut, lutOutputFolderName, type LutRunResult } from '../../flows/lut/apply-brand-lut';
import { showBrandLayers } from '../../flows/lut/before-after';
import { prepareBrandLut } from '../../flows/lut/prepare-brand-lut';
import { cachedLutCube, loadLutCube, lutFileName } from '../../flows/lut/load-lut-cube';
import type { TabProps } from '../tab-props';
import { LAST_LUT_KEY } from '../../flows/settings-keys';
import { Dropdown } from '../widgets/dropdown';
import { Checkbox } from '../widgets/checkbox';
import { Choice } from '../widgets/choice';
import type { LayerBlendMode } from '../../descriptors/layers';
import { bakeGamutNote } from '../../flows/lut/bake-gamut-note';
import { ErrorNotice } from '../widgets/error-notice';
import { Progress } from '../widgets/progress';
import { Section } from '../widgets/section';
import { NeedsConnection } from '../widgets/needs-connection';
import { Reveal } from '../widgets/reveal';
import { OutcomeList, summarise } from '../widgets/outcome-list';
import { BatchScopeChoice, useBatchScope } from '../widgets/batch-scope-choice';

export function LutTab(p: TabProps): JSX.Element {
  const { session, flow } = p;
  const [lutId, setLutId] = useState<string | null>(null);
  const [bake, setBake] = useState(false);
  const [opacity, setOpacity] = useState(100);
  const [blendMode, setBlendMode] = useState<LayerBlendMode>('normal');
  const [result, setResult] = useState<LutRunResult | null>(null);
  const [haveCube, setHaveCube] = useState<boolean | null>(null);
  const cache = useRef(new Map<string, BrandLut>());
  const scope = useBatchScope(p.services, 'brandlock.lutFolder');

  const luts = session ? [...session.lock.luts].sort((a, b) => Number(b.use === 'grade') - Number(a.use === 'grade')) : [];

  useEffect(() => {
    p.services.settings.get(LAST_LUT_KEY).then((saved) => setLutId((id) => id ?? (luts.some((l) => l.id === saved) ? saved : luts[0]?.id ?? null)));
  }, [session]);
  useEffect(() => {
    const r = session?.lock.luts.find((l) => l.id === lutId);
    if (r && session) cachedLutCube(p.services, r, session.info.lockHash).then((t) => setHaveCube(t !== null));
  }, [session, lutId, result]);

  if (!session) return <NeedsConnection what="The brand's LUTs" onConnect={() => p.goTo('connect')} />;
  const ref = luts.find((l) => l.id === lutId) ?? null;

  async function onApply() {
    if (!ref) return;
    setResult(null);
    await p.services.settings.set(LAST_LUT_KEY, ref.id);
    const run = await flow.run(`Apply ${ref.name}`, async (signal, report) => {
      let lut = cache.current.get(ref.id);
      if (!lut) {
        report({ fraction: null, label: `Loading ${ref.name}…` });
        const text = await loadLutCube(p.services, session!, ref, session!.info.lockHash);
        lut = prepareBrandLut(ref, text);
        cache.current.set(ref.id, lut);
      }
      const target = scope.kind === 'folder' ? { kind: 'folder' as const, folder: scope.folder! } : { kind: scope.kind };
      return applyBrandLut(p.services.ps, p.services.files, lut, target, { bake, opacity, blendMode, signal, onProgress: report });
    });
    if (run) setResult(run);
    p.documentsChanged();
  }

  async function compare(show: boolean) {
    await flow.run(show ? 'After' : 'Before', () => showBrandLayers(p.services.ps, show));
    p.documentsChanged();
  }

  const ready = ref && scope.ready && (scope.kind === 'folder' || p.doc);
  // Why Apply is greyed out, said beside it rather than left to guess.
  const waiting = flow.running ? null : !ref ? 'The lock has no grading LUT to apply.' : scope.kind !== 'folder' && !p.doc ? 'Open a document to apply the LUT to, or choose a folder.' : !scope.ready ? 'Choose the folder to grade.' : null;

  return (
    <div>
      <Section title="BRAND LUT">
        <Dropdown label="LUT" value={lutId} options={luts.map((l) => ({ value: l.id, label: l.use === 'grade' ? l.name : `${l.name} (${l.use})` }))} onChange={setLutId} />
        {ref?.notes ? <div class="field-hint">{ref.notes}</div> : null}
        {ref && haveCube === false ? (
          <div class="field-hint">
            Apply fetches {lutFileName(ref)} from the server; if the server has no copy, it asks once for the file from the lock's folder ({ref.file}) and keeps it for this lock version.
          </div>
        ) : null}
        <div class="field">
          <sp-slider class="field-control" min={10} max={100} value={opacity} value-label="%" onInput={(e: Event) => setOpacity(Number((e.target as HTMLInputElement).value))}>
            <sp-label slot="label">Strength (layer opacity)</sp-label>
          </sp-slider>
        </div>
        <Choice<LayerBlendMode>
          label="Blend mode"
          value={blendMode}
          options={[{ value: 'normal', label: 'Normal' }, { value: 'color', label: 'Color' }, { value: 'luminosity', label: 'Luminosity' }]}
          onChange={setBlendMode}
        />
        {blendMode !== 'normal' ? (
          <div class="field-hint">{blendMode === 'color' ? 'Grades hue and saturation only; the image keeps its luminance.' : 'Grades luminance only; the image keeps its colours.'}</div>
        ) : null}
      </Section>
      <Section title="APPLY TO">
        <BatchScopeChoice
          scope={scope}
          services={p.services}
          openCount={p.openCount}
          folderHint={scope.folder && ref ? `Graded copies go to ${scope.folder.name}/${lutOutputFolderName({ lutId: ref.id } as BrandLut)}/, in each file's own format; originals stay untouched.` : 'Every JPEG, PNG, TIFF, PSD or WebP in it is graded.'}
        />
        <Checkbox label="Bake into pixels" checked={bake} onChange={setBake} hint="Writes graded pixels to a new layer (Imaging API) instead of a Color Lookup layer. For files that leave Photoshop." />
        {bake && scope.kind === 'active' && bakeGamutNote(p.doc) ? <div class="field-hint warn-text">{bakeGamutNote(p.doc)}</div> : null}
      </Section>
      <div class="actions">
        <sp-button variant="secondary" size="s" disabled={flow.running || !p.doc || undefined} onClick={() => compare(false)}>
          Before
        </sp-button>
        <sp-button variant="secondary" size="s" disabled={flow.running || !p.doc || undefined} onClick={() => compare(true)}>
          After
        </sp-button>
        <sp-button variant="cta" disabled={flow.running || !ready || undefined} onClick={onApply}>
          {bake ? 'Bake LUT' : 'Apply LUT'}
        </sp-button>
      </div>
      {waiting ? <div class="field-hint">{waiting}</div> : null}
      {flow.running && flow.progress ? <Progress state={flow.progress} onCancel={flow.cancel} cancelling={flow.cancelling} /> : null}
      <ErrorNotice error={flow.error} onDismiss={flow.clearError} />
      {result ? (
        <Reveal>
          <Section title="RESULT" aside={summarise(result.outcomes)}>
            <OutcomeList outcomes={result.outcomes} />
          </Section>
        </Reveal>
      ) : null}
    </div>
  );
}
