/**
 * Automated QC of a video output: the clip is written to a temporary file, checked frame by frame
 * against the SKU's swatch and the motion brief's thresholds (see qcVideoFile), and recorded with
 * every finding and its frames, the headline measurements, the per-frame series for the report's
 * ΔE-over-time plot, a filmstrip (stored as a blob) and the garment's track for the channel cuts.
 * Without FFmpeg the clip is stored unchecked and the note names the missing tool.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildQcContext, uncheckedQc, type QcOutcome, type TargetSwatch } from '@brandlock/core';
import { qcVideoFile } from '../pipeline/video/qc-video-file';
import { posterFrame } from '../pipeline/video/poster-frame';
import { VideoToolMissingError, type VideoTools } from '../pipeline/video/video-tools';
import type { VideoParams } from '../providers/video-params';
import { LOCAL_NOTES } from '../providers/local';
import type { JobRow } from '../store/jobs';
import type { StoredLock } from '../store/locks';

export interface InspectVideoOptions {
  tools: VideoTools;
  /** Stores the filmstrip JPEG, returning its sha256. */
  saveImage?: (jpeg: Uint8Array, size: { width: number; height: number }) => Promise<string>;
}

export async function inspectVideo(job: JobRow, bytes: Uint8Array, lock: StoredLock | null, options: InspectVideoOptions): Promise<QcOutcome> {
  const params = job.params as unknown as Partial<VideoParams>;
  if (!lock) return uncheckedQc(`the lock ${job.lock_hash} is not on this server, so there are no thresholds to measure against`);
  const category = lock.lock.categories.find((c) => c.id === job.category);
  if (!category || !params.qc) return uncheckedQc('the video has no garment category or motion brief, and its QC thresholds come from them');
  const still = buildQcContext(lock.lock, {
    category,
    channel: null,
    swatch: (params.swatch as TargetSwatch | undefined) ?? null,
    file: { format: 'mp4', width: 0, height: 0, space: 'srgb', bitsPerSample: 8, hasAlpha: false, iccDescription: null, bytes: bytes.byteLength },
  });
  const dir = await mkdtemp(join(tmpdir(), 'brandlock-video-qc-'));
  try {
    const path = join(dir, 'clip.mp4');
    await writeFile(path, bytes);
    const qc = await qcVideoFile({
      tools: options.tools,
      path,
      still,
      thresholds: params.qc,
      brief: params.motion ? { durationSeconds: params.motion.durationSeconds, loop: params.motion.loop } : null,
      cuts: params.cuts ?? [],
      offline: job.provider === 'local' ? LOCAL_NOTES.video : null,
    });
    const filmstrip = qc.filmstrip && options.saveImage ? { sha256: await options.saveImage(qc.filmstrip.jpeg, qc.filmstrip), width: qc.filmstrip.width, height: qc.filmstrip.height, frames: qc.filmstrip.frames } : null;
    // The first frame at full size, for plugins and DAMs that show a clip by its poster.
    const still0 = options.saveImage ? await posterFrame(options.tools, path) : null;
    const poster = still0 && options.saveImage ? { sha256: await options.saveImage(still0.jpeg, still0), width: still0.width, height: still0.height } : null;
    return {
      verdict: qc.verdict,
      thresholds: { video: params.qc, maxDeltaE00: category.qc.maxDeltaE00, flagDeltaE00: category.qc.flagDeltaE00 ?? null, humanReview: category.qc.humanReview },
      measurements: qc.metrics,
      findings: qc.findings
        .filter((f) => f.severity !== 'pass')
        .map((f) => ({ rule: f.rule, check: f.check, severity: f.severity, message: f.message, measured: typeof f.measured === 'number' ? f.measured : null, threshold: f.limits?.reject ?? f.limits?.flag ?? null, unit: f.unit, ...(f.frames ? { frames: f.frames } : {}) })),
      ms: qc.ms,
      detail: {
        kind: 'video',
        verdict: qc.verdict,
        sku: job.sku,
        colorway: job.colorway,
        view: job.view,
        category: category.id,
        categoryName: category.name,
        swatch: still.swatch ? { name: still.swatch.name, hex: still.swatch.hex, lab: still.swatch.lab } : null,
        facts: qc.facts,
        findings: qc.findings,
        metrics: qc.metrics,
        series: qc.series,
        track: qc.track,
        filmstrip,
        poster,
      },
    };
  } catch (e) {
    if (e instanceof VideoToolMissingError) return uncheckedQc(`automated video QC could not run: ${e.message}`);
    return { ...uncheckedQc(`QC could not read the clip: ${(e as Error).message}`), verdict: 'reject' };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
