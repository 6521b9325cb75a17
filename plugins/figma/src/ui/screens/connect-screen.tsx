/**
 * Where the Brand Lock comes from: the brand's brandlock server (URL and token, kept in Figma's
 * per-user client storage), or lock files opened from disk for offline work.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { MainBus } from '../bus/main-bus';
import { connectServer, type ServerConnection } from '../server/connect-server';
import { builtInServer, NETWORK_ACCESS } from '../server/network-access';
import type { LoadedLock } from '../lock/loaded-lock';
import { attachCubes, readLockFiles } from '../lock/read-lock-files';
import { labToSrgb, parseColor } from '@brandlock/core/color';
import { Banner, Field, Section } from '../components/basics';
import { Icon } from '../components/icons';

interface Props {
  main: MainBus;
  loaded: LoadedLock | null;
  connection: ServerConnection | null;
  onLoaded(loaded: LoadedLock): void;
  onConnected(connection: ServerConnection | null, loaded: LoadedLock | null): void;
}

export function ConnectScreen({ main, loaded, connection, onLoaded, onConnected }: Props) {
  const input = useRef<HTMLInputElement>(null);
  const [url, setUrl] = useState('');
  const [token, setToken] = useState('');
  const [connecting, setConnecting] = useState(false);
  const [serverError, setServerError] = useState<string | null>(null);
  useEffect(() => {
    main.call('getSettings', undefined).then((s) => {
      setUrl((u) => u || s.serverUrl || builtInServer());
      setToken((t) => t || s.token);
    }, () => undefined);
  }, []);

  const connect = async () => {
    setConnecting(true);
    setServerError(null);
    const res = await connectServer(url, token);
    setConnecting(false);
    if (!res.success) {
      setServerError(res.message);
      return;
    }
    await main.call('saveSettings', { serverUrl: res.connection.url, token: token.trim() });
    onConnected(res.connection, res.loaded);
  };
  const disconnect = async () => {
    await main.call('saveSettings', { serverUrl: url, token: '' });
    setToken('');
    onConnected(null, null);
  };
  const [problems, setProblems] = useState<string[]>([]);
  const [notes, setNotes] = useState<string[]>([]);

  const openFiles = async (files: FileList | null) => {
    if (!files?.length) return;
    const list = [...files];
    if (loaded && !list.some((f) => f.name.toLowerCase().endsWith('.json'))) {
      const attached = await attachCubes(loaded, list);
      setProblems([]);
      setNotes(attached.notes);
      onLoaded(attached.loaded);
      return;
    }
    const res = await readLockFiles(list);
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
      <Section title="brandlock server" aside={connection ? `signed in as ${connection.who.name} (${connection.who.role})` : 'moodboards, jobs, the current lock'}>
        {/* Not a <form>: Figma's sandboxed iframe may refuse form submission; Enter connects instead. */}
        <div class="stack" onKeyDown={(e) => e.key === 'Enter' && url.trim() && token.trim() && void connect()}>
          <Field label="Server URL" htmlFor="server-url">
            <input id="server-url" class="input" value={url} placeholder="https://brandlock.example.com" autoComplete="url" onInput={(e) => setUrl(e.currentTarget.value)} />
          </Field>
          <Field label="Token" htmlFor="server-token">
            <input id="server-token" class="input" type="password" value={token} placeholder="bl_…" autoComplete="off" onInput={(e) => setToken(e.currentTarget.value)} />
          </Field>
          <div class="row" style="justify-content:flex-end">
            {connection && <button type="button" class="button ghost" onClick={disconnect}>Sign out</button>}
            <button type="button" class="button primary" onClick={connect} disabled={connecting || !url.trim() || !token.trim()}>{connecting ? 'Connecting…' : connection ? 'Reconnect' : 'Connect'}</button>
          </div>
          {serverError && <Banner tone="danger">{serverError}</Banner>}
          <div class="hint">This build reaches {NETWORK_ACCESS.length ? NETWORK_ACCESS.join(', ') : 'no server'}. The token is kept in Figma's storage on this computer only, never in the file.</div>
        </div>
      </Section>
      <Section title="Open lock files" aside="works offline">
        <div class="stack">
          <div class="hint">Pick the brand's <span class="mono">brand-lock.json</span>, with its <span class="mono">.cube</span> files for LUT previews. Moodboards need the server. {'Connected to a server? Pick just the .cube files to add them to its lock.'}</div>
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
