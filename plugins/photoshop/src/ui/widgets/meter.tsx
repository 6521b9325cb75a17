/**
 * A measured value against its threshold: a bar filled to the value with a tick at the limit,
 * coloured by verdict. `scale` is the value the full bar stands for.
 */
import type { JSX } from 'preact';

export function Meter(p: { value: number; limit: number; scale: number; verdict: 'pass' | 'flag' | 'reject' }): JSX.Element {
  const pct = (v: number) => `${Math.max(0, Math.min(100, (v / p.scale) * 100))}%`;
  return (
    <div class="meter">
      <div class={`meter-fill ${p.verdict}`} style={{ width: pct(p.value) }}></div>
      <div class="meter-mark" style={{ left: pct(p.limit) }}></div>
    </div>
  );
}
