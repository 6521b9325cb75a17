/**
 * The UI's side of a product loop on the canvas: the finished loops on the server (video jobs, newest
 * first), and for one of them what the main thread needs: the poster frame frame QC stored (the clip's
 * first frame, JPEG), the clip itself when the designer asks to embed it, a caption from the same QC
 * summary the Photoshop panel shows, and the link to the clip on the server. The UI fetches; the main
 * thread, which has no network, only places.
 */
import { isBrandlockHttpError, type BrandlockClient, type Job } from '@brandlock/core/api';
import { describeVideoQc } from '@brandlock/core/video';
import type { VideoLoopParams } from '../../protocol/video';

/** Finished video jobs, newest first. */
export async function listVideoLoops(client: BrandlockClient, sku?: string): Promise<Job[]> {
  const { jobs } = await client.jobs.list({ state: 'succeeded', limit: 100, ...(sku ? { sku } : {}) });
  return jobs.filter((j) => j.kind === 'video' && j.outputs.some((o) => o.contentType.startsWith('video/')));
}

export async function loadVideoLoop(client: BrandlockClient, serverUrl: string, job: Job, options: { embed: boolean }): Promise<VideoLoopParams> {
  const clip = job.outputs.find((o) => o.contentType.startsWith('video/'));
  if (!clip) throw new Error(`job ${job.id} has no video clip`);
  const { records } = await client.audit.query({ job: job.id }).catch((e: unknown) => {
    // Frame QC and the poster are in the audit trail, which the server shows art directors, not designers.
    if (isBrandlockHttpError(e) && e.status === 403) throw new Error(`this token may not read production records (${e.message.replace(/^.*: 403 /, '')}), and the loop's poster frame and frame QC are kept there: connect with an art director's token`);
    throw e;
  });
  const record = records.find((r) => r.assetId === clip.assetId) ?? records[0];
  if (!record) throw new Error(`the server has no production record for job ${job.id}`);
  const poster = (record.qc.detail as { poster?: { sha256?: string } } | undefined)?.poster;
  if (!poster?.sha256) throw new Error(`job ${job.id} has no poster frame: frame QC did not run on it (${record.qc.note ?? record.qc.verdict})`);
  const [posterAsset, clipAsset] = await Promise.all([client.assets.get(poster.sha256), options.embed ? client.assets.get(clip.ref) : null]);
  const qc = describeVideoQc(record.qc);
  const name = `${[job.sku, job.view].filter(Boolean).join(' ')} loop · job ${job.id.replace(/^job[_-]?/, '').slice(0, 8)}`;
  return {
    name,
    poster: posterAsset.bytes,
    clip: clipAsset?.bytes ?? null,
    link: `${serverUrl}/v1/assets/${clip.sha256}`,
    headline: [`QC ${qc.verdict.toUpperCase()}`, qc.clip].filter(Boolean).join(' · '),
    lines: [
      ...qc.figures.map((f) => `${f.label}: ${f.text}`),
      ...qc.findings.map((f) => `${f.severity.toUpperCase()} ${f.rule}: ${f.message}${f.frames ? ` (${f.frames})` : ''}`),
      ...(qc.note ? [qc.note] : []),
    ],
    verdict: qc.verdict,
    record: { jobId: job.id, sku: job.sku, view: job.view, clipRef: clip.ref, posterRef: `sha256:${poster.sha256}`, verdict: qc.verdict },
  };
}
