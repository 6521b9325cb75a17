/**
 * LUT: the brand's grade as a Color Lookup adjustment layer (or baked into pixels) on the active
 * document, every open document, or a folder of files saved as copies; progress, cancel, and a line
 * per file.
 */
import type { JSX } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { FolderRef } from '../../ports/file-system';
import type { BrandLut } from '../../flows/lut/brand-lut';
import { applyBrandLut, lutOutputFolderName, type LutRunResult } from '../../flows/lut/apply-brand-lut';
import { prepareBrandLut } from '../../flows/lut/prepare-brand-lut';
import { cachedLutCube, loadLutCube, lutFileName } from '../../flows/lut/load-lut-cube';
import type { TabProps } from '../tab-props';
import { LAST_LUT_KEY } from '../../flows/settings-keys';
import { useFlow } from '../use-flow';
import { Dropdown } from '../widgets/dropdown';
import { Segmented } from '../widgets/segmented';
import { Checkbox } from '../widgets/checkbox';
import { ErrorNotice } from '../widgets/error-notice';
import { Progress } from '../widgets/progress';
import { Section } from '../widgets/section';
import { NeedsConnection } from '../widgets/needs-connection';
import { Reveal } from '../widgets/reveal';
import { FolderChoice } from '../widgets/folder-choice';
import { OutcomeList, summarise } from '../widgets/outcome-list';

type Scope = 'active' | 'open' | 'folder';

export function LutTab(p: TabProps): JSX.Element {
  const session = p.session;
  const [lutId, setLutId] = useState<string | null>(null);
  const [scope, setScope] = useState<Scope>('active');
  const [folder, setFolder] = useState<FolderRef | null>(null);
  const [bake, setBake] = useState(false);
  const [openCount, setOpenCount] = useState(0);
  const [result, setResult] = useState<LutRunResult | null>(null);
  const [haveCube, setHaveCube] = useState<boolean | null>(null);
  const cache = useRef(new Map<string, BrandLut>());
  const flow = useFlow();

  const luts = session ? [...session.lock.luts].sort((a, b) => Number(b.use === 'grade') - Number(a.use === 'grade')) : [];

  useEffect(() => {
    p.services.settings.get(LAST_LUT_KEY).then((saved) => setLutId((id) => id ?? (luts.some((l) => l.id === saved) ? saved : luts[0]?.id ?? null)));
  }, [session]);
  useEffect(() => {
    p.services.ps.documents().then((d) => setOpenCount(d.length));
  }, [p.doc, result]);
  useEffect(() => {
    const r = session?.lock.luts.find((l) => l.id === lutId);
    if (r && session) cachedLutCube(p.services, r, session.info.lockHash).then((t) => setHaveCube(t !== null));
  }, [session, lutId, result]);

  if (!session) return <NeedsConnection what="The brand's LUTs" onConnect={() => p.goTo('connect')} />;
  const ref = luts.find((l) => l.id === lutId) ?? null;

  async function pickFolder() {
    const picked = await p.services.files.pickFolder();
    if (picked) setFolder(picked);
  }

  async function onApply() {
    if (!ref) return;
    setResult(null);
    await p.services.settings.set(LAST_LUT_KEY, ref.id);
    const run = await flow.run(async (signal, report) => {
      let lut = cache.current.get(ref.id);
      if (!lut) {
        report({ fraction: null, label: `Loading ${ref.name}…` });
        const hash = session!.info.lockHash;
        const text = await loadLutCube(p.services, session!, ref, hash);
        lut = prepareBrandLut(ref, text);
        cache.current.set(ref.id, lut);
      }
      const target = scope === 'folder' ? { kind: 'folder' as const, folder: folder! } : { kind: scope };
      return applyBrandLut(p.services.ps, p.services.files, lut, target, { bake, signal, onProgress: report });
    });
    if (run) setResult(run);
    p.documentsChanged();
  }

  const ready = ref && (scope !== 'folder' || folder) && (scope === 'folder' || p.doc);

  return (
    <div>
      <Section title="BRAND LUT">
        <Dropdown
          label="LUT"
          value={lutId}
          options={luts.map((l) => ({ value: l.id, label: l.use === 'grade' ? l.name : `${l.name} (${l.use})` }))}
          onChange={setLutId}
        />
        {ref?.notes ? <div class="field-hint">{ref.notes}</div> : null}
        {ref && haveCube === false ? (
          <div class="field-hint warn-text">
            Apply fetches {lutFileName(ref)} from the server; if the server has no copy, it asks once for the file from the lock's folder ({ref.file}) and keeps it for this lock version.
          </div>
        ) : null}
      </Section>
      <Section title="APPLY TO">
        <Segmented<Scope>
          label="Documents"
          value={scope}
          onChange={(v) => setScope(v)}
          options={[
            { value: 'active', label: 'Active' },
            { value: 'open', label: `All open (${openCount})` },
            { value: 'folder', label: 'Folder…' },
          ]}
        />
        {scope === 'folder' ? (
          <FolderChoice
            folder={folder}
            hint={folder && ref ? `Graded copies go to ${folder.name}/${lutOutputFolderName({ lutId: ref.id } as BrandLut)}/; originals stay untouched.` : 'Every JPEG, PNG, TIFF, PSD or WebP in it is graded.'}
            onChoose={pickFolder}
          />
        ) : null}
        <Checkbox
          label="Bake into pixels"
          checked={bake}
          onChange={setBake}
          hint="Writes graded pixels to a new layer (Imaging API) instead of a Color Lookup layer. For files that leave Photoshop."
        />
      </Section>
      {flow.running && flow.progress ? <Progress state={flow.progress} onCancel={flow.cancel} cancelling={flow.cancelling} /> : null}
      <ErrorNotice error={flow.error} onDismiss={flow.clearError} />
      <div class="actions">
        <sp-button variant="cta" disabled={flow.running || !ready || undefined} onClick={onApply}>
          {bake ? 'Bake LUT' : 'Apply LUT'}
        </sp-button>
      </div>
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
