/**
 * The plugin window: the brand and lock in the header, one tab per feature, and the screens below.
 * Every screen stays mounted (a hidden tab keeps its form, progress and Cancel), and the moodboard
 * run lives here, above the screens. On launch, or when the designer selects a board left filling,
 * it offers to resume that board or cancel it on the server. Opens on the tab of the menu entry or
 * relaunch button the designer used.
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { MainBus } from './bus/main-bus';
import type { LoadedLock } from './lock/loaded-lock';
import type { SelectionSummary } from '../protocol/selection';
import type { BoardSummary } from '../protocol/board';
import type { PluginCommand } from '../manifest/manifest-types';
import { Icon } from './components/icons';
import { connectServer, type ServerConnection } from './server/connect-server';
import { ConnectScreen } from './screens/connect-screen';
import { PaletteScreen } from './screens/palette-screen';
import { VariantsScreen } from './screens/variants-screen';
import { MoodboardScreen } from './screens/moodboard-screen';
import { LutScreen } from './screens/lut-screen';
import { createMoodboardRun } from './moodboard/moodboard-run';
import { useRunState } from './moodboard/use-run-state';
import { ResumeBoard } from './moodboard/resume-board';
import { ResizeHandle } from './components/resize-handle';
import { keepOfflineLock, restoreOfflineLock } from './lock/offline-lock';

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
  const [unfinished, setUnfinished] = useState<BoardSummary[]>([]);
  const run = useMemo(() => createMoodboardRun(main), [main]);
  const runState = useRunState(run);

  useEffect(() => {
    const offs = [
      main.on('selection', setSelection),
      main.on('command', ({ command, editorType: editor }) => {
        setEditorType(editor);
        if (command) setTab(command);
      }),
    ];
    main.announceReady();
    main.call('listBoards', undefined).then(setUnfinished, () => undefined);
    // Reconnect with the stored URL and token; on failure the designer sees why on the connection
    // screen. Without a server, the lock files opened last time are opened again.
    main.call('getSettings', undefined).then(async (s) => {
      const res = s.serverUrl && s.token ? await connectServer(s.serverUrl, s.token) : null;
      if (res?.success) {
        setConnection(res.connection);
        setLoaded((prev) => prev ?? res.loaded);
        return;
      }
      const offline = await restoreOfflineLock(main);
      if (offline) setLoaded((prev) => prev ?? offline);
    }, () => undefined);
    return () => offs.forEach((off) => off());
  }, [main]);

  // Lock files opened from disk are kept for the next launch.
  useEffect(() => {
    if (loaded?.source.kind === 'files') void keepOfflineLock(main, loaded).catch(() => undefined);
  }, [loaded]);

  // A finished run changes which boards are still filling.
  useEffect(() => {
    if (!runState.status) main.call('listBoards', undefined).then(setUnfinished, () => undefined);
  }, [runState.status === null, runState.result]);

  const openConnect = () => setTab('connect');
  const lock = loaded?.lock;
  const selectedBoard = selection?.board?.state === 'filling' ? selection.board : null;
  const offered = runState.status ? null : (selectedBoard ?? unfinished[0] ?? null);
  const screen = (id: Tab) => ({ hidden: tab !== id, class: 'screen' });
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
            {t.id === 'moodboard' && runState.status && <span class="tab-badge" aria-label="running" />}
          </button>
        ))}
      </div>
      {offered && lock && (
        <ResumeBoard
          board={offered}
          connected={!!connection}
          onResume={() => {
            setTab('moodboard');
            void run.resume(connection!.client, offered);
          }}
          onCancel={() => {
            setTab('moodboard');
            void run.cancelOnServer(connection?.client ?? null, offered);
          }}
          onConnect={openConnect}
        />
      )}
      <div {...screen('connect')}>
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
      </div>
      <div {...screen('palette')}>
        <PaletteScreen main={main} loaded={loaded} selection={selection} active={tab === 'palette'} onOpenConnect={openConnect} />
      </div>
      <div {...screen('variants')}>
        <VariantsScreen main={main} loaded={loaded} selection={selection} editorType={editorType} active={tab === 'variants'} server={connection?.client ?? null} connection={connection} onOpenConnect={openConnect} />
      </div>
      <div {...screen('moodboard')}>
        <MoodboardScreen run={run} state={runState} loaded={loaded} api={connection?.client ?? null} onOpenConnect={openConnect} />
      </div>
      <div {...screen('lut')}>
        <LutScreen main={main} loaded={loaded} selection={selection} active={tab === 'lut'} onOpenConnect={openConnect} onLoaded={setLoaded} />
      </div>
      <ResizeHandle main={main} />
    </div>
  );
}
