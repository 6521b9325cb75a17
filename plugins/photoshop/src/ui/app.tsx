/**
 * The brandlock panel: a header with the brand, the lock and the connection, what is running (above
 * the tabs, so it survives switching them), six tabs (arrow keys and Enter, see tab-keys), and a footer naming the active document and the
 * SKU it is. Tabs stay mounted once opened, so a tab's results and running work are still there when
 * the retoucher comes back to it.
 */
import type { JSX } from 'preact';
import { useRef, useState } from 'preact/hooks';
import type { BrandlockServer } from '../ports/brandlock-server';
import type { PanelServices } from './panel-services';
import type { TabId, TabProps } from './tab-props';
import { useFlowStore } from './flow-store';
import { usePanelState } from './use-panel-state';
import { describeDocument } from './use-active-document';
import { ConnectTab } from './tabs/connect-tab';
import { GenerateTab } from './tabs/generate-tab';
import { LutTab } from './tabs/lut-tab';
import { CleanupTab } from './tabs/cleanup-tab';
import { QcTab } from './tabs/qc-tab';
import { ExportTab } from './tabs/export-tab';
import { ReviewTab } from './tabs/review-tab';
import { ActivityStrip } from './widgets/activity-strip';
import { shortHash } from './format';
import { tabKeyAction } from './tab-keys';

const tabs: { id: Exclude<TabId, 'connect'>; label: string }[] = [
  { id: 'generate', label: 'Generate' },
  { id: 'lut', label: 'LUT' },
  { id: 'cleanup', label: 'Cleanup' },
  { id: 'qc', label: 'QC' },
  { id: 'export', label: 'Export' },
  { id: 'review', label: 'Review' },
];

const views: Record<Exclude<TabId, 'connect'>, (p: TabProps) => JSX.Element> = {
  generate: GenerateTab,
  lut: LutTab,
  cleanup: CleanupTab,
  qc: QcTab,
  export: ExportTab,
  review: ReviewTab,
};

export interface AppProps {
  services: PanelServices;
  initialTab?: TabId;
  /** For previews and tests: start with this session instead of reconnecting. */
  initialSession?: BrandlockServer | null;
}

export function App({ services, initialTab, initialSession }: AppProps): JSX.Element {
  const state = usePanelState(services, initialSession);
  const flows = useFlowStore();
  const [chosenTab, setTab] = useState<TabId | null>(initialTab ?? null);
  const tab: TabId = chosenTab ?? (state.session ? 'generate' : 'connect');
  const [visited, setVisited] = useState<Set<TabId>>(new Set());
  if (!visited.has(tab)) setVisited(new Set(visited).add(tab));

  const tabRefs = useRef<(HTMLDivElement | null)[]>([]);
  // The open tab is the strip's one stop in the Tab order; the arrows move the focus along it.
  const tabStop = Math.max(0, tabs.findIndex((t) => t.id === tab));
  function onTabKey(e: KeyboardEvent, index: number) {
    const action = tabKeyAction(e.key, index, tabs.length);
    if (!action) return;
    e.preventDefault();
    if ('select' in action) setTab(tabs[action.select].id);
    else tabRefs.current[action.focus]?.focus();
  }

  const { setSession, reconnecting, ...shared } = state;
  const propsFor = (id: TabId): TabProps => ({ ...shared, services, flow: flows[id], goTo: setTab });
  const info = state.session?.info;
  const id = state.identity;
  const footer = describeDocument(state.doc);

  return (
    <div class="panel">
      <div class="header">
        <img class="header-mark" src="icons/plugin@2x.png" alt="" />
        <div class="header-text">
          <div class="header-brand">{info ? info.brand.name : 'brandlock'}</div>
          <div class="header-lock">{info ? `Lock ${info.lockVersion} · ${shortHash(info.lockHash)}` : reconnecting ? 'Reconnecting…' : 'Not connected'}</div>
        </div>
        <sp-action-button quiet class={`connection${tab === 'connect' ? ' current' : ''}`} onClick={() => setTab(tab === 'connect' && state.session ? 'generate' : 'connect')}>
          <div class={`status-dot${state.session ? ' on' : ''}`}></div>
          <span class="connection-label">{state.session ? info!.user.name.split(' ')[0] : 'Connect'}</span>
        </sp-action-button>
      </div>
      <ActivityStrip flows={flows} current={tab} goTo={setTab} />
      <div class="tabs" role="tablist">
        {tabs.map((t, i) => (
          <div
            key={t.id}
            ref={(el) => {
              tabRefs.current[i] = el;
            }}
            role="tab"
            tabIndex={i === tabStop ? 0 : -1}
            class={`tab${t.id === tab ? ' selected' : ''}${flows[t.id].running ? ' busy' : ''}`}
            aria-selected={t.id === tab}
            onClick={() => setTab(t.id)}
            onKeyDown={(e) => onTabKey(e, i)}
          >
            {t.label}
          </div>
        ))}
      </div>
      <div class="content">
        {tab === 'connect' || visited.has('connect') ? (
          <div class={tab === 'connect' ? 'tab-page' : 'tab-page hidden'}>
            <ConnectTab {...propsFor('connect')} onSession={(s) => (setSession(s), s && setTab('generate'))} />
          </div>
        ) : null}
        {tabs
          .filter((t) => t.id === tab || visited.has(t.id))
          .map((t) => {
            const View = views[t.id];
            return (
              <div key={t.id} class={t.id === tab ? 'tab-page' : 'tab-page hidden'}>
                <View {...propsFor(t.id)} />
              </div>
            );
          })}
      </div>
      <div class="footer">
        <div class="footer-doc" title={state.doc?.title}>
          {footer.name}
        </div>
        <div class="footer-specs">
          {[footer.specs, id?.sku ?? (state.doc && state.session ? 'SKU unknown' : '')].filter(Boolean).join(' · ')}
        </div>
      </div>
    </div>
  );
}
