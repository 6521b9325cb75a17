/**
 * A video loop's frame-level QC in the panel, beside the document Photoshop opened it as: the verdict,
 * the clip as QC measured it, the headline figures (worst garment ΔE00, colour drift, exposure and
 * colour flicker, outline change, the loop seam, frozen time) and each finding with the frames to
 * scrub to in the Timeline. What the server decided is shown as it decided it; the panel judges nothing.
 */
import type { JSX } from 'preact';
import type { VideoResult } from '../../ports/brandlock-server';
import type { OpenedVideo } from '../../flows/video/open-video-job';
import { Facts, Section } from '../widgets/section';
import { Notice } from '../widgets/notice';
import { withLabInD50 } from '../../flows/qc/describe-finding';

const VERDICT: Record<string, { badge: string; title: string }> = {
  pass: { badge: 'pass', title: 'Frame QC passed' },
  flag: { badge: 'flag', title: 'Frame QC flagged this loop for a person' },
  reject: { badge: 'reject', title: 'Frame QC rejected this loop' },
  unchecked: { badge: '', title: 'Frame QC did not run on this loop' },
};

export function VideoQcCard(p: { result: VideoResult; opened: OpenedVideo }): JSX.Element {
  const { result, opened } = p;
  const qc = result.qc;
  const v = VERDICT[qc.verdict] ?? VERDICT.unchecked;
  return (
    <div>
      <Notice kind={opened.recordWarning ? 'warning' : 'success'} title={`Opened ${opened.document.title}`}>
        A {opened.document.width}x{opened.document.height} document with the loop as a video layer; play it in the Timeline. The clip is kept at {opened.path}, where the layer reads
        it. {opened.recordWarning ? `The production record stays on the server: ${opened.recordWarning}` : "The production record is in the document's metadata."}
      </Notice>
      <Section title="FRAME QC" aside={qc.clip ?? undefined}>
        <div class="list">
          <div class="list-item">
            <span class={`badge ${v.badge}`}>{qc.verdict.toUpperCase()}</span>
            <div class="list-main">
              <div class="list-title">{v.title}</div>
              {qc.note ? <div class="list-sub">{qc.note}</div> : null}
            </div>
          </div>
        </div>
        {qc.figures.length ? <Facts rows={qc.figures.map((f) => [f.label, f.text])} /> : null}
        {qc.findings.length ? (
          <div class="list">
            {qc.findings.map((f, i) => (
              <div class="list-item" key={i}>
                <span class={`badge ${f.severity}`}>{f.severity.toUpperCase()}</span>
                <div class="list-main">
                  <div class="list-title">{f.rule}</div>
                  <div class="list-sub">{withLabInD50(f.message)}</div>
                  {f.frames ? <div class="list-sub">At {f.frames}</div> : null}
                </div>
              </div>
            ))}
          </div>
        ) : null}
      </Section>
    </div>
  );
}
