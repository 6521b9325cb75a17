/**
 * Automated QC as the runner's inspection hook: every generate, post and variants output is measured
 * against its category's thresholds, the SKU's swatch and (for variants) its channel's spec; every
 * video output frame by frame (see inspect-video). Outputs QC cannot judge (moodboard studies, jobs
 * outside a category) are stored as unchecked, which sends them to a person.
 */
import { buildQcContext, labToSrgb, prepareQcImage, runQcRules, swatchFromPalette, uncheckedQc, type QcImageRecord, type TargetSwatch } from '@brandlock/core';
import { decodeForQc } from '../pipeline/qc/decode-for-qc';
import { qcOutcomeOf } from '../pipeline/qc/qc-outcome-of';
import { qcThumbnail } from '../pipeline/qc/qc-thumbnail';
import type { InspectOutput } from './inspect-output';
import { inspectVideo } from './inspect-video';
import type { VideoTools } from '../pipeline/video/video-tools';

/**
 * @example startBrandlockServer({ config, inspect: automatedQc({ maxPixels: config.maxUploadPixels }) })
 */
export interface AutomatedQcOptions {
  maxPixels?: number;
  /** Stores a report thumbnail (a small JPEG) and returns its sha256; without it no thumbnail is kept. */
  saveThumbnail?: (jpeg: Uint8Array, size: { width: number; height: number }) => Promise<string>;
  /** FFmpeg for video QC; video outputs are stored unchecked without it. */
  videoTools?: VideoTools;
}

export function automatedQc(options: AutomatedQcOptions = {}): InspectOutput {
  return async ({ job, bytes, index, lock }) => {
    const started = performance.now();
    if (job.kind === 'moodboard') return uncheckedQc('moodboard studies are not production images; automated QC does not apply');
    if (job.kind === 'video') {
      if (!options.videoTools) return uncheckedQc('no FFmpeg configured for video QC; a person checks this clip');
      return inspectVideo(job, bytes, lock, { tools: options.videoTools, saveImage: options.saveThumbnail });
    }
    if (!lock) return uncheckedQc(`the lock ${job.lock_hash} is not on this server, so there are no thresholds to measure against`);
    const category = lock.lock.categories.find((c) => c.id === job.category);
    if (!category) return uncheckedQc('the job has no garment category, and QC thresholds come from the category');
    const channelId = job.kind === 'variants' ? job.channels[index] : undefined;
    const channel = channelId ? (lock.lock.channels.find((c) => c.id === channelId) ?? null) : null;
    const swatch = (job.params.swatch as TargetSwatch | undefined) ?? (job.colorway ? swatchFromPalette(lock.lock, job.colorway, category) : null);
    let decoded;
    try {
      decoded = await decodeForQc(bytes, { maxPixels: options.maxPixels });
    } catch (e) {
      return { ...uncheckedQc(`QC could not read the image: ${(e as Error).message}`), verdict: 'reject' };
    }
    const ctx = buildQcContext(lock.lock, { category, channel, swatch, file: decoded.facts });
    const matte = labToSrgb(ctx.lighting.background).map((v) => Math.round(v * 255)) as [number, number, number];
    const image = prepareQcImage(decoded.raster, { proxy: decoded.proxy, matte });
    const result = runQcRules(image, ctx);
    const outcome = qcOutcomeOf(result, ctx);
    const detail: Omit<QcImageRecord, 'file' | 'ms'> = {
      verdict: result.verdict,
      sku: job.sku,
      colorway: job.colorway,
      view: job.view,
      target: channel?.id ?? 'master',
      category: category.id,
      categoryName: category.name,
      lighting: ctx.lighting.id,
      swatch: swatch ? { name: swatch.name, hex: swatch.hex, lab: swatch.lab } : null,
      width: decoded.facts.width,
      height: decoded.facts.height,
      format: decoded.facts.format,
      bytes: decoded.facts.bytes,
      findings: result.findings,
      metrics: result.metrics,
    };
    outcome.detail = detail as unknown as Record<string, unknown>;
    if (options.saveThumbnail) {
      const thumb = await qcThumbnail(image);
      const sha256 = await options.saveThumbnail(thumb.jpeg, thumb);
      outcome.thumbnail = { sha256, width: thumb.width, height: thumb.height, fullWidth: thumb.fullWidth, fullHeight: thumb.fullHeight, outline: thumb.outline, excluded: thumb.excluded };
    }
    outcome.ms = Math.round(performance.now() - started);
    return outcome;
  };
}
