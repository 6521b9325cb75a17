/**
 * Where the Brand Lock comes from: the brand's brandlock server (URL and token, kept in Figma's
 * per-user client storage), or lock files opened from disk for offline work.
 */
import { useRef, useState } from 'preact/hooks';
import type { LoadedLock } from '../lock/loaded-lock';
import { readLockFiles } from '../lock/read-lock-files';
import { labToSrgb, parseColor } from '@brandlock/core/color';
import { Banner, Section } from '../components/basics';
import { Icon } from '../components/icons';

interface Props {
  loaded: LoadedLock | null;
  onLoaded(loaded: LoadedLock): void;
}

export function ConnectScreen({ loaded, onLoaded }: Props) {
  const input = useRef<HTMLInputElement>(null);
  const [problems, setProblems] = useState<string[]>([]);
  const [notes, setNotes] = useState<string[]>([]);

  const openFiles = async (files: FileList | null) => {
    if (!files?.length) return;
    const res = await readLockFiles([...files]);
    if (!res.success) {
      setProblems(res.messages);
      setNotes([]);
      return;
    }
    setProblems([]);
    setNotes(res.notes);
    onLoaded(res.loaded);
  };

  return (
    <div class="content">
      {loaded && <LockSummary loaded={loaded} />}
      <Section title="Open lock files" aside="works offline">
        <div class="stack">
          <div class="hint">Pick the brand's <span class="mono">brand-lock.json</span>, with its <span class="mono">.cube</span> files for LUT previews. Moodboards need the server.</div>
          <input ref={input} type="file" multiple accept=".json,.cube,application/json" style="display:none" onChange={(e) => openFiles((e.target as HTMLInputElement).files)} />
          <div>
            <button class="button" onClick={() => input.current?.click()}>
              <Icon name="file" /> Choose files…
            </button>
          </div>
          {problems.length > 0 && (
            <Banner tone="danger">
              <b>This lock cannot be used</b>
              <ul class="issues">
                {problems.map((p) => <li>{p}</li>)}
              </ul>
            </Banner>
          )}
          {notes.map((n) => <Banner tone="warning">{n}</Banner>)}
        </div>
      </Section>
    </div>
  );
}

/** Swatch colours for CSS: hex as written, Lab converted through core. */
function swatchCss(color: string): string {
  const parsed = parseColor(color);
  if (!parsed.success) return 'transparent';
  if (parsed.hex) return parsed.hex;
  const [r, g, b] = labToSrgb(parsed.lab);
  return `rgb(${Math.round(r * 255)} ${Math.round(g * 255)} ${Math.round(b * 255)})`;
}

function LockSummary({ loaded }: { loaded: LoadedLock }) {
  const { lock } = loaded;
  return (
    <Section title="Brand Lock" aside={loaded.source.kind === 'server' ? 'from the server' : loaded.source.name}>
      <div class="lock-card">
        <div class="row">
          <div class="lock-swatches">
            {lock.palette.swatches.slice(0, 6).map((s) => <span class="swatch" style={{ background: swatchCss(s.color) }} />)}
          </div>
          <div class="grow">
            <div class="title">{lock.brand.name} · {lock.version}{lock.season ? ` · ${lock.season}` : ''}</div>
            <div class="muted mono" title={loaded.hash}>{loaded.hash.slice(0, 23)}…</div>
          </div>
        </div>
        <div class="muted" style="margin-top:6px">
          {lock.palette.swatches.length} swatches · {lock.channels.length} channels · {lock.luts.length} LUTs · {lock.lighting.length} lighting presets
        </div>
      </div>
    </Section>
  );
}
