/** Per-file results of a batch: what was done, what failed and why, what was not reached. */
import type { JSX } from 'preact';

export interface Outcome {
  name: string;
  status: 'done' | 'failed' | 'skipped';
  message: string;
}

/** Keeps the start and the end of a long name (file names differ at their end: channel, size). */
export function middleTruncate(text: string, max = 34): string {
  if (text.length <= max) return text;
  const tail = Math.ceil((max - 1) * 0.6);
  return `${text.slice(0, max - 1 - tail)}…${text.slice(-tail)}`;
}

const badge = { done: ['ok', 'DONE'], failed: ['fail', 'FAILED'], skipped: ['', 'SKIPPED'] } as const;

export function OutcomeList(p: { outcomes: Outcome[] }): JSX.Element {
  return (
    <div class="list">
      {p.outcomes.map((o, i) => (
        <div class="list-item" key={`${o.name}-${i}`}>
          <span class={`badge ${badge[o.status][0]}`}>{badge[o.status][1]}</span>
          <div class="list-main">
            <div class="list-title" title={o.name}>
              {middleTruncate(o.name)}
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
