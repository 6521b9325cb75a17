/** Per-file results of a batch: what was done, what failed and why, what was not reached. */
import type { JSX } from 'preact';

export interface Outcome {
  name: string;
  status: 'done' | 'failed' | 'skipped';
  message: string;
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
          <span class={`badge ${badge[o.status][0]}`}>{badge[o.status][1]}</span>
          <div class="list-main">
            <div class="list-title whole" title={o.name}>
              {wrappableName(o.name)}
            </div>
            <div class="list-sub">{o.message}</div>
          </div>
        </div>
      ))}
    </div>
  );
}

/** "12 done · 1 failed · 3 skipped" */
export function summarise(outcomes: Outcome[]): string {
  const count = (s: Outcome['status']) => outcomes.filter((o) => o.status === s).length;
  return [`${count('done')} done`, count('failed') ? `${count('failed')} failed` : '', count('skipped') ? `${count('skipped')} skipped` : '']
    .filter(Boolean)
    .join(' · ');
}
