/**
 * The brandlock panel: a header with the brand and lock, six tabs, and a footer naming the active
 * document. It reconnects with the saved token when it opens.
 */
import type { JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { BrandlockServer } from '../ports/brandlock-server';
import { connect, savedConnection } from '../flows/connect';
import type { PanelServices } from './panel-services';
import type { TabId, TabProps } from './tab-props';
import { describeDocument, useActiveDocument } from './use-active-document';
import { ConnectTab } from './tabs/connect-tab';
import { GenerateTab } from './tabs/generate-tab';
import { LutTab } from './tabs/lut-tab';
import { CleanupTab } from './tabs/cleanup-tab';
import { QcTab } from './tabs/qc-tab';
import { ExportTab } from './tabs/export-tab';
import { shortHash } from './format';

const tabs: { id: TabId; label: string }[] = [
  { id: 'connect', label: 'Connect' },
  { id: 'generate', label: 'Generate' },
  { id: 'lut', label: 'LUT' },
  { id: 'cleanup', label: 'Cleanup' },
  { id: 'qc', label: 'QC' },
  { id: 'export', label: 'Export' },
];

const views: Record<Exclude<TabId, 'connect'>, (p: TabProps) => JSX.Element> = {
  generate: GenerateTab,
  lut: LutTab,
  cleanup: CleanupTab,
  qc: QcTab,
  export: ExportTab,
};

export interface AppProps {
  services: PanelServices;
  initialTab?: TabId;
  /** For previews and tests: start with this session instead of reconnecting. */
  initialSession?: BrandlockServer | null;
}

export function App({ services, initialTab, initialSession }: AppProps): JSX.Element {
  const [tab, setTab] = useState<TabId>(initialTab ?? 'connect');
  const [session, setSession] = useState<BrandlockServer | null>(initialSession ?? null);
  const [reconnecting, setReconnecting] = useState(false);
  const [refreshKey, setRefreshKey] = useState(0);
  const doc = useActiveDocument(services.ps, refreshKey);

  useEffect(() => {
    if (initialSession !== undefined) return;
    let alive = true;
    savedConnection(services).then(async ({ url, token }) => {
      if (!url || !token) return;
      setReconnecting(true);
      try {
        const s = await connect(services, url, token);
        if (alive) {
          setSession(s);
          if (!initialTab) setTab('generate');
        }
      } catch {
        // The Connect tab shows the saved URL; connecting by hand reports the error.
      } finally {
        if (alive) setReconnecting(false);
      }
    });
    return () => {
      alive = false;
    };
  }, [services]);

  const props: TabProps = {
    services,
    session,
    doc,
    documentsChanged: () => setRefreshKey((k) => k + 1),
    goTo: setTab,
  };
  const info = session?.info;
  const View = tab === 'connect' ? null : views[tab];

  return (
    <div class="panel">
      <div class="header">
        <img class="header-mark" src="icons/plugin@2x.png" alt="" />
        <div class="header-text">
          <div class="header-brand">{info ? info.brand.name : 'brandlock'}</div>
          <div class="header-lock">
            {info ? `Lock ${info.lockVersion} · ${shortHash(info.lockHash)}` : reconnecting ? 'Reconnecting…' : 'Not connected'}
          </div>
        </div>
        <div class={`status-dot${session ? ' on' : ''}`} title={session ? `Connected to ${info?.serverUrl}` : 'Not connected'}></div>
      </div>
      <div class="tabs" role="tablist">
        {tabs.map((t) => (
          <div key={t.id} role="tab" class={`tab${t.id === tab ? ' selected' : ''}`} aria-selected={t.id === tab} onClick={() => setTab(t.id)}>
            {t.label}
          </div>
        ))}
      </div>
      <div class="content">
        {tab === 'connect' ? <ConnectTab {...props} onSession={setSession} /> : View && <View key={tab} {...props} />}
      </div>
      <div class="footer">
        <div class="footer-doc">{describeDocument(doc)}</div>
      </div>
    </div>
  );
}
