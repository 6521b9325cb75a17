/**
 * Above the tabs: everything running in the panel (a generate job, a LUT batch, an export), with its
 * progress and Cancel, whichever tab is in front. The tab in front shows its own run in place.
 */
import type { JSX } from 'preact';
import type { FlowControl, FlowKey } from '../flow-store';
import type { TabId } from '../tab-props';

export function ActivityStrip(p: { flows: Record<FlowKey, FlowControl>; current: TabId; goTo(tab: TabId): void }): JSX.Element | null {
  const running = (Object.keys(p.flows) as FlowKey[]).filter((k) => k !== p.current && p.flows[k].running);
  if (!running.length) return null;
  return (
    <div class="activity">
      {running.map((key) => {
        const f = p.flows[key];
        const pct = f.progress?.fraction === null || !f.progress ? 0 : Math.round(f.progress.fraction * 100);
        return (
          <div class="activity-item" key={key}>
            <div class="activity-text grow" onClick={() => p.goTo(key)} title="Show this tab">
              <div class="activity-title">{f.title}</div>
              <div class="list-sub">{f.progress?.label ?? 'Working…'}</div>
              <sp-progressbar class="progress-bar" max={100} value={pct}></sp-progressbar>
            </div>
            <sp-button variant="secondary" quiet size="s" disabled={f.cancelling || undefined} onClick={f.cancel}>
              {f.cancelling ? 'Cancelling…' : 'Cancel'}
            </sp-button>
          </div>
        );
      })}
    </div>
  );
}
