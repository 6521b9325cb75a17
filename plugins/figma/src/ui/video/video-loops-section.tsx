/**
 * "Product loops" under the variants: the finished video loops on the brandlock server, and a button
 * that puts one on the canvas as its poster frame with frame QC's caption and a link to the clip.
 * "Embed the clip" asks Figma to upload the MP4 as a video fill, which only paid teams allow; where
 * Figma refuses, the poster stays and the reason is shown. Loads nothing until the designer opens it.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { BrandlockClient, Job } from '@brandlock/core/api';
import type { MainBus } from '../bus/main-bus';
import { errorMessage } from '../../bus/bus-errors';
import { Banner, Section } from '../components/basics';
import { listVideoLoops, loadVideoLoop } from './load-video-loop';

interface Props {
  main: MainBus;
  client: BrandlockClient;
  serverUrl: string;
  /** The SKU of the selected image, when brandlock knows it: its loops first. */
  sku: string | null;
}

export function VideoLoopsSection({ main, client, serverUrl, sku }: Props) {
  const [loops, setLoops] = useState<Job[] | null>(null);
  const [embed, setEmbed] = useState(false);
  const [busy, setBusy] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<{ tone: 'success' | 'warning' | 'danger'; text: string } | null>(null);
  const said = useRef<HTMLDivElement>(null);
  // The section sits at the foot of a long screen: what happened is scrolled into view.
  useEffect(() => {
    if (outcome) said.current?.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
  }, [outcome]);

  async function load() {
    setOutcome(null);
    setBusy('list');
    try {
      const all = await listVideoLoops(client);
      setLoops(sku ? [...all.filter((j) => j.sku === sku), ...all.filter((j) => j.sku !== sku)] : all);
    } catch (e) {
      setOutcome({ tone: 'danger', text: `The server did not list the loops: ${errorMessage(e)}` });
    } finally {
      setBusy(null);
    }
  }

  async function place(job: Job) {
    setOutcome(null);
    setBusy(job.id);
    try {
      const params = await loadVideoLoop(client, serverUrl, job, { embed });
      const placed = await main.call('placeVideoLoop', params);
      setOutcome(placed.fallback ? { tone: 'warning', text: placed.fallback } : { tone: 'success', text: placed.embedded ? `Placed ${params.name}; the clip plays in the frame.` : `Placed ${params.name} as its poster frame, linked to the clip.` });
    } catch (e) {
      setOutcome({ tone: 'danger', text: errorMessage(e) });
    } finally {
      setBusy(null);
    }
  }

  return (
    <Section title="Product loops" aside={loops ? `${loops.length} on the server` : undefined}>
      {loops === null ? (
        <button class="button" disabled={busy !== null} onClick={load}>
          {busy === 'list' ? 'Loading…' : 'Show finished loops'}
        </button>
      ) : loops.length === 0 ? (
        <div class="muted">No finished video loops on the server yet.</div>
      ) : (
        <div class="stack">
          <label class="row">
            <input type="checkbox" checked={embed} onChange={(e) => setEmbed((e.target as HTMLInputElement).checked)} />
            <span>Embed the clip (paid Figma teams; up to 100 MB)</span>
          </label>
          {loops.slice(0, 20).map((j) => (
            <div class="row between loop-row" key={j.id}>
              <span class="muted" style="overflow:hidden;text-overflow:ellipsis;white-space:nowrap">
                {[j.sku, j.view].filter(Boolean).join(' ')} · job {j.id.replace(/^job[_-]?/, '').slice(0, 8)}
              </span>
              <button class="button" disabled={busy !== null} onClick={() => place(j)}>
                {busy === j.id ? 'Placing…' : 'Place'}
              </button>
            </div>
          ))}
        </div>
      )}
      {outcome && (
        <div ref={said}>
          <Banner tone={outcome.tone}>{outcome.text}</Banner>
        </div>
      )}
    </Section>
  );
}
