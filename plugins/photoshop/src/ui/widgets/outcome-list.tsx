/** Per-file results of a batch: what was done, what failed and why, what was not reached. */
import type { JSX } from 'preact';

export interface Outcome {
  name: string;
  status: 'done' | 'failed' | 'skipped';
  message: string;
  /** Made, but to be checked at 100% before it is delivered (enlarged past the master's pixels). */
  caution?: string;
}

/**
 * A delivered file's whole name, free to wrap after each "_" or "-" (a zero-width space there): the
 * parts that tell files apart (SKU, channel, size) all show, where cutting the middle hid the channel.
 * UXP's CSS has no word-break, so the break chances are in the text.
 */
export function wrappableName(name: string): string {
  return name.replace(/([_-])/g, '$1\u200b');
}

const badge = { done: ['ok', 'DONE'], failed: ['fail', 'FAILED'], skipped: ['', 'SKIPPED'] } as const;

export function OutcomeList(p: { outcomes: Outcome[] }): JSX.Element {
  return (
    <div class="list">
      {p.outcomes.map((o, i) => (
        <div class="list-item" key={`${o.name}-${i}`}>
          {o.status === 'done' && o.caution ? <span class="badge warn">CHECK</span> : <span class={`badge ${badge[o.status][0]}`}>{badge[o.status][1]}</span>}
          <div class="list-main">
            <div class="list-title whole" title={o.name}>
              {wrappableName(o.name)}
            </div>
            <div class="list-sub">{o.message}</div>
            {o.status === 'done' && o.caution && <div class="list-sub caution">{o.caution}</div>}
          </div>
        </div>
      ))}
    </div>
  );
}

/** "12 done (2 to check) · 1 failed · 3 skipped" */
export function summarise(outcomes: Outcome[]): string {
  const count = (s: Outcome['status']) => outcomes.filter((o) => o.status === s).length;
  const check = outcomes.filter((o) => o.status === 'done' && o.caution).length;
  return [`${count('done')} done${check ? ` (${check} to check)` : ''}`, count('failed') ? `${count('failed')} failed` : '', count('skipped') ? `${count('skipped')} skipped` : '']
    .filter(Boolean)
    .join(' · ');
}
