/**
 * The plugin window: the brand and lock in the header, one tab per feature, and the screen below.
 * Opens on the tab of the menu entry or relaunch button the designer used.
 */
import { useEffect, useState } from 'preact/hooks';
import type { MainBus } from './bus/main-bus';
import type { LoadedLock } from './lock/loaded-lock';
import type { SelectionSummary } from '../protocol/selection';
import type { PluginCommand } from '../manifest/manifest-types';
import { Icon } from './components/icons';
import { connectServer, type ServerConnection } from './server/connect-server';
import { ConnectScreen } from './screens/connect-screen';
import { PaletteScreen } from './screens/palette-screen';
import { VariantsScreen } from './screens/variants-screen';
import { MoodboardScreen } from './screens/moodboard-screen';
import { LutScreen } from './screens/lut-screen';

export type Tab = PluginCommand | 'connect';

const TABS: { id: PluginCommand; label: string; figjam: boolean }[] = [
  { id: 'moodboard', label: 'Moodboard', figjam: true },
  { id: 'variants', label: 'Variants', figjam: false },
  { id: 'palette', label: 'Palette', figjam: true },
  { id: 'lut', label: 'LUT', figjam: true },
];

export function App({ main, initialLock = null }: { main: MainBus; initialLock?: LoadedLock | null }) {
  const [tab, setTab] = useState<Tab>('palette');
  const [selection, setSelection] = useState<SelectionSummary | null>(null);
  const [editorType, setEditorType] = useState('figma');
  const [loaded, setLoaded] = useState<LoadedLock | null>(initialLock);
  const [connection, setConnection] = useState<ServerConnection | null>(null);

  useEffect(() => {
    const offs = [
      main.on('selection', setSelection),
      main.on('command', ({ command, editorType: editor }) => {
        setEditorType(editor);
        if (command) setTab(command);
      }),
    ];
    main.announceReady();
    // Reconnect with the stored URL and token; on failure the designer sees why on the connection screen.
    main.call('getSettings', undefined).then(async (s) => {
      if (!s.serverUrl || !s.token) return;
      const res = await connectServer(s.serverUrl, s.token);
      if (res.success) {
        setConnection(res.connection);
        setLoaded((prev) => prev ?? res.loaded);
      }
    }, () => undefined);
    return () => offs.forEach((off) => off());
  }, [main]);

  const openConnect = () => setTab('connect');
  const lock = loaded?.lock;
  return (
    <div class="shell">
      <div class="header">
        <div class="brand-mark">bl</div>
        <div class="grow" style="min-width:0">
          <div class="brand-name">{lock ? lock.brand.name : 'brandlock'}</div>
          <div class="brand-meta">{lock ? `${lock.version}${lock.season ? ` · ${lock.season}` : ''}` : 'No Brand Lock'}</div>
        </div>
        <span class={`status-dot ${loaded ? (loaded.source.kind === 'server' ? 'ok' : 'warn') : ''}`} title={loaded ? (loaded.source.kind === 'server' ? 'Connected' : 'Working from lock files') : 'Not connected'} />
        <button class="icon-button" aria-label="Connection and lock" aria-pressed={tab === 'connect'} onClick={openConnect}>
          <Icon name="settings" />
        </button>
      </div>
      <div class="tabs" role="tablist">
        {TABS.map((t) => (
          <button class="tab" role="tab" aria-selected={tab === t.id} disabled={editorType === 'figjam' && !t.figjam} onClick={() => setTab(t.id)}>
            {t.label}
          </button>
        ))}
      </div>
      {tab === 'connect' && (
        <ConnectScreen
          main={main}
          loaded={loaded}
          connection={connection}
          onLoaded={setLoaded}
          onConnected={(c, l) => {
            setConnection(c);
            setLoaded(l);
          }}
        />
      )}
      {tab === 'palette' && <PaletteScreen main={main} loaded={loaded} selection={selection} onOpenConnect={openConnect} />}
      {tab === 'variants' && <VariantsScreen main={main} loaded={loaded} selection={selection} editorType={editorType} onOpenConnect={openConnect} />}
      {tab === 'moodboard' && <MoodboardScreen main={main} loaded={loaded} api={connection?.client ?? null} onOpenConnect={openConnect} />}
      {tab === 'lut' && <LutScreen main={main} loaded={loaded} selection={selection} onOpenConnect={openConnect} onLoaded={setLoaded} />}
    </div>
  );
}
