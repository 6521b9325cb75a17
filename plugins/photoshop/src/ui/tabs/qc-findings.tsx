/**
 * How QC's findings look in the panel: one row per finding (severity, number, a meter against its
 * limit, what it means, "select this region"), and the flagged regions drawn on a JPEG thumbnail of
 * the proxy (UXP's <img> takes JPEG data URLs), each clickable to select it in the document.
 */
import type { JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { Finding } from '@brandlock/core/qc';
import { downsampleRaster } from '@brandlock/core/raster';
import type { DocumentQcResult } from '../../flows/qc/run-document-qc';
import { findingMessage, findingTitle, limitText, measuredText, withLabInD50 } from '../../flows/qc/describe-finding';
import type { TabProps } from '../tab-props';
import { Meter } from '../widgets/meter';
import { Section } from '../widgets/section';

const THUMB_MAX = { width: 296, height: 180 };

export function FindingRow(p: { f: Finding; onSelect?: () => void }): JSX.Element {
  const { f } = p;
  const numeric = typeof f.measured === 'number' && f.limits && (f.limits.reject ?? f.limits.flag) !== undefined;
  const limit = f.limits ? (f.limits.reject ?? f.limits.flag ?? 0) : 0;
  return (
    <div class="list-item">
      <span class={`badge ${f.severity}`}>{f.severity.toUpperCase()}</span>
      <div class="list-main">
        <div class="row">
          <div class="list-title grow">{findingTitle(f)}</div>
          <div class="small">
            <b>{measuredText(f)}</b>
          </div>
        </div>
        {numeric && f.limits?.direction === 'max' ? (
          <Meter value={Math.abs(f.measured as number)} limit={limit} scale={Math.max(limit * 1.5, Math.abs(f.measured as number) * 1.05)} verdict={f.severity === 'reject' ? 'reject' : f.severity === 'flag' ? 'flag' : 'pass'} />
        ) : null}
        <div class="list-sub">{withLabInD50(limitText(f))}</div>
        <div class="list-sub">{findingMessage(f)}</div>
        {f.box && p.onSelect ? (
          <sp-link class="small" onClick={p.onSelect}>
            Select this region
          </sp-link>
        ) : null}
      </div>
    </div>
  );
}

/** The flagged regions on a JPEG thumbnail of the proxy (UXP's <img> takes JPEG data URLs). */
export function RegionThumbnail(p: TabProps & { result: DocumentQcResult; failing: Finding[]; onSelect(f: Finding): () => void }): JSX.Element | null {
  const [thumb, setThumb] = useState<{ url: string; width: number; height: number } | null>(null);
  const { result } = p;
  useEffect(() => {
    const width = Math.min(THUMB_MAX.width, Math.round((THUMB_MAX.height * result.proxy.width) / result.proxy.height));
    const factor = Math.max(1, Math.ceil(result.proxy.width / width));
    const small = factor > 1 ? downsampleRaster(result.proxy, Math.ceil(result.proxy.width / factor) * Math.ceil(result.proxy.height / factor)).raster : result.proxy;
    let alive = true;
    p.services.ps.jpegDataUrl(small).then((url) => alive && setThumb({ url, width: small.width, height: small.height }), () => alive && setThumb(null));
    return () => {
      alive = false;
    };
  }, [result]);
  if (!thumb) return null;
  const scale = thumb.width / result.document.width;
  return (
    <Section title="WHERE" aside="click a box to select it">
      <div class="thumb" style={{ width: `${thumb.width}px`, height: `${thumb.height}px` }}>
        <img src={thumb.url} alt="" />
        {p.failing
          .filter((f) => f.box)
          .map((f, i) => (
            <div
              key={i}
              class={`region ${f.severity}`}
              style={{ left: `${f.box!.x * scale}px`, top: `${f.box!.y * scale}px`, width: `${f.box!.width * scale}px`, height: `${f.box!.height * scale}px` }}
              onClick={p.onSelect(f)}
            >
              <span class="region-label">{findingTitle(f)}</span>
            </div>
          ))}
      </div>
    </Section>
  );
}
