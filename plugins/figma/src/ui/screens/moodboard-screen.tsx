/**
 * Moodboard from a brief: environment, lighting moods from the lock's presets, model direction from
 * its profiles, the story's swatches from its palette (the whole palette when none is picked), garment
 * focus, 6 to 50 images. The server plans the board as cells and makes the
 * images; the board fills in as they arrive, with progress and cancel. The brief and the run live in
 * the app (above the tabs), and the form is locked while a board fills. The board is placed beside
 * the designer's work without moving their view or selection; Show board takes them to it.
 */
import { useEffect, useState } from 'preact/hooks';
import type { LoadedLock } from '../lock/loaded-lock';
import type { MoodboardApi } from '../moodboard/moodboard-api';
import type { MoodboardRun, RunState } from '../moodboard/moodboard-run';
import { checkBrief, defaultBrief, type MoodboardBrief } from '../../moodboard/moodboard-brief';
import { BOARD_MAX_IMAGES, BOARD_MIN_IMAGES } from '../../layout/board-grid';
import { Banner, EmptyState, Field, Progress, Section } from '../components/basics';
import { labToSrgb, parseColor } from '@brandlock/core/color';
import { providerName } from '../../moodboard/stage-text';

interface Props {
  run: MoodboardRun;
  state: RunState;
  loaded: LoadedLock | null;
  api: MoodboardApi | null;
  onOpenConnect(): void;
}

export function MoodboardScreen({ run, state, loaded, api, onOpenConnect }: Props) {
  const lock = loaded?.lock ?? null;
  const [touched, setTouched] = useState(false);
  const [elsewhere, setElsewhere] = useState(false);
  // Who will make the images, said before the art director asks for them.
  const [maker, setMaker] = useState<string | null>(null);
  useEffect(() => {
    setMaker(null);
    if (api) api.providers().then((list) => setMaker(list.providers.find((p) => p.default)?.name ?? null), () => setMaker(null));
  }, [api]);
  const { brief, status, result, error } = state;
  const boardId = status?.boardId ?? result?.boardId ?? null;
  const showBoard = async () => setElsewhere(!(await run.showBoard(boardId!).catch(() => false)));
  // The brief lives in the run (above the tabs); a new lock starts a new one.
  useEffect(() => run.setBrief(lock ? defaultBrief(lock) : null), [lock]);

  if (!lock || !brief) {
    return (
      <div class="content">
        <EmptyState icon="grid" headline="No Brand Lock yet">
          Moodboards use the lock's lighting presets, model profiles and palette. Connect to your brandlock server first.
          <div style="margin-top:12px"><button class="button primary" onClick={onOpenConnect}>Connect</button></div>
        </EmptyState>
      </div>
    );
  }

  const running = status !== null;
  const issues = checkBrief(brief, lock);
  const set = (patch: Partial<MoodboardBrief>) => run.setBrief({ ...brief, ...patch });
  const toggle = (key: 'lightingIds' | 'modelIds' | 'swatchIds', id: string) => set({ [key]: brief[key].includes(id) ? brief[key].filter((x) => x !== id) : [...brief[key], id] });
  const show = (k: keyof MoodboardBrief) => (touched ? issues[k] : undefined);

  const start = () => {
    setTouched(true);
    if (Object.keys(issues).length || !api || running) return;
    void run.start(api, lock, brief);
  };

  return (
    <>
      <div class="content">
        <fieldset class="plain" disabled={running}>
        {!api && (
          <div class="section">
            <Banner tone="warning">Moodboards are made by your brandlock server. <button class="link" onClick={onOpenConnect}>Connect to it</button> to make one.</Banner>
          </div>
        )}
        {api && maker === 'local' && (
          <div class="section">
            <Banner tone="info">Your server has no GPU provider: each image will be a study made from the lock (the model's reference relit by the preset, the pose, the story's swatches in that light), not a photograph. Environment and garment focus go into each cell's prompt for a GPU run.</Banner>
          </div>
        )}
        {api && maker && maker !== 'local' && <div class="section hint">Images are made by {providerName(maker)}, one request per image.</div>}
        <Section title="Brief">
          <div class="stack">
            <Field label="Environment" htmlFor="env">
              <input id="env" class={`input${show('environment') ? ' invalid' : ''}`} value={brief.environment} placeholder="e.g. sunlit concrete loft" onInput={(e) => set({ environment: e.currentTarget.value })} />
            </Field>
            {show('environment') && <div class="hint" style="color:var(--text-danger);padding-left:100px">{issues.environment}</div>}
            <Field label="Garment focus" htmlFor="garment">
              <input id="garment" class="input" list="categories" value={brief.garmentFocus} placeholder="e.g. linen shirts" onInput={(e) => set({ garmentFocus: e.currentTarget.value })} />
              <datalist id="categories">{lock.categories.map((c) => <option value={c.name} />)}</datalist>
            </Field>
            <Field label="Images">
              <div class="slider-row">
                <input type="range" min={BOARD_MIN_IMAGES} max={BOARD_MAX_IMAGES} value={brief.count} aria-label="Images on the board" onInput={(e) => set({ count: Number(e.currentTarget.value) })} />
                <span class="value">{brief.count}</span>
              </div>
            </Field>
          </div>
        </Section>
        <Section title="Lighting mood" aside="from the lock">
          <div class="chip-list">
            {lock.lighting.map((l) => (
              <label class={`chip${brief.lightingIds.includes(l.id) ? ' on' : ''}`} title={l.promptFragment}>
                <input type="checkbox" checked={brief.lightingIds.includes(l.id)} onChange={() => toggle('lightingIds', l.id)} />
                <span class="swatch sm" title={`Backdrop ${l.background}`} style={{ background: css(l.background) }} />
                {l.name} <span class="dim">{l.colorTemperatureK} K</span>
              </label>
            ))}
          </div>
          {show('lightingIds') && <div class="hint" style="color:var(--text-danger);margin-top:6px">{issues.lightingIds}</div>}
        </Section>
        <Section title="Model direction" aside="from the lock">
          <div class="chip-list">
            {lock.models.map((m) => (
              <label class={`chip${brief.modelIds.includes(m.id) ? ' on' : ''}`} title={`${m.bodyType}; ${m.skinTone}`}>
                <input type="checkbox" checked={brief.modelIds.includes(m.id)} onChange={() => toggle('modelIds', m.id)} />
                {m.name} <span class="dim">{m.bodyType.split(',')[0]}</span>
              </label>
            ))}
          </div>
        </Section>
        <Section title="Palette" aside={brief.swatchIds.length ? `${brief.swatchIds.length} of ${lock.palette.swatches.length} swatches` : 'the whole palette; pick the story\'s swatches'}>
          <div class="chip-list">
            {lock.palette.swatches.map((s) => (
              <label class={`chip${brief.swatchIds.includes(s.id) ? ' on' : ''}`} title={s.code ? `${s.name} · ${s.code}` : s.name}>
                <input type="checkbox" checked={brief.swatchIds.includes(s.id)} onChange={() => toggle('swatchIds', s.id)} />
                <span class="swatch sm" style={{ background: css(s.color) }} />
                {s.name}
              </label>
            ))}
          </div>
          {show('swatchIds') && <div class="hint" style="color:var(--text-danger);margin-top:6px">{issues.swatchIds}</div>}
        </Section>
        <Section title="Notes" aside="optional">
          <textarea class="textarea" rows={2} maxLength={2000} value={brief.notes} placeholder="Art direction for the board's notes area" onInput={(e) => set({ notes: e.currentTarget.value })} />
        </Section>
        </fieldset>
        {(result || error) && (
          <div class="section">
            {error && <Banner tone="danger">{error}</Banner>}
            {result && (
              <Banner tone={result.outcome === 'complete' ? 'success' : result.outcome === 'canceled' ? 'warning' : 'danger'}>
                {result.outcome === 'complete' ? `Placed ${result.placed} of ${result.total} images on the board.` : result.outcome === 'canceled' ? `Canceled with ${result.placed} images on the board.` : `The moodboard stopped: ${result.message}`}
                {result.outcome !== 'failed' && result.message && <div class="muted">{result.message}</div>}
                {!status && (
                  <div>
                    <button class="link" onClick={showBoard}>Show board</button>
                    {elsewhere && <span class="muted"> It is on another page of this file.</span>}
                  </div>
                )}
              </Banner>
            )}
          </div>
        )}
      </div>
      <div class="footer">
        {status ? (
          <>
            <Progress done={status.placed} total={status.total} label={`${status.title}: ${status.stage}`} />
            {status.boardId && <button class="button" onClick={showBoard}>Show board</button>}
            <button class="button" onClick={() => run.cancel()}>Cancel</button>
          </>
        ) : (
          <>
            <span class="status-text">{brief.count} images · {brief.lightingIds.length} lighting {brief.lightingIds.length === 1 ? 'mood' : 'moods'}{brief.swatchIds.length ? ` · ${brief.swatchIds.length} ${brief.swatchIds.length === 1 ? 'swatch' : 'swatches'}` : ''}</span>
            <button class="button primary" disabled={!api} onClick={start}>Make moodboard</button>
          </>
        )}
      </div>
    </>
  );
}

function css(color: string): string {
  const p = parseColor(color);
  if (!p.success) return 'transparent';
  if (p.hex) return p.hex;
  const [r, g, b] = labToSrgb(p.lab);
  return `rgb(${r * 255} ${g * 255} ${b * 255})`;
}
