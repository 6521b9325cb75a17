/** The report's view of each video master: its record, QC detail, filmstrip and what was delivered from it. */
import type { ProductionRecord, VideoFinding, VideoSeries } from '@brandlock/core';
import type { VideoReportEntry } from '../report/render-video-section';
import type { DeliveredFile } from './delivery-ledger';

interface Detail {
  findings?: VideoFinding[];
  series?: VideoSeries;
  filmstrip?: { frames: { index: number; time: number }[] } | null;
  swatch?: { lab: { l: number; a: number; b: number } } | null;
}

export function videoReportEntries(records: readonly ProductionRecord[], files: readonly DeliveredFile[], filmstrips: ReadonlyMap<string, Uint8Array>): VideoReportEntry[] {
  return records
    .filter((r) => r.kind === 'video')
    .map((r) => {
      const detail = (r.qc.detail ?? {}) as Detail;
      const colour = detail.findings?.find((f) => f.rule === 'color' && f.check === 'delta-e' && f.limits)?.limits;
      const jpeg = filmstrips.get(r.assetId);
      return {
        label: `${r.sku ?? r.assetId} · ${r.colorway ?? ''} · ${r.view ?? ''} · video`,
        verdict: r.qc.verdict,
        provider: r.provider,
        model: r.model,
        video: r.video ?? null,
        findings: detail.findings ?? [],
        series: detail.series ?? null,
        colorLimits: colour && colour.flag !== undefined && colour.reject !== undefined ? { flag: colour.flag, reject: colour.reject } : null,
        filmstrip: jpeg && detail.filmstrip ? { jpeg, frames: detail.filmstrip.frames } : null,
        files: files.filter((f) => f.assetId === r.assetId).map((f) => ({ path: f.path, kind: f.kind, width: f.width, height: f.height, bytes: f.bytes })),
        note: r.note,
      };
    });
}
