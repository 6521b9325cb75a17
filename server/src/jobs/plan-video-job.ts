/**
 * The video part of a job request: a video job starts only from a still of the same SKU, colourway
 * and view that a person approved or that passed QC with no review required. The request may name
 * that still (its upload reference is the still's sha256) or leave it to the server, which takes the
 * newest such still. The motion recipe comes from the brief's plan; the client chooses nothing else.
 */
import { contentHash, type PlannedJob, type ProductionRecord, type ResolvedRecipe } from '@brandlock/core';
import type { ApiIssue } from '@brandlock/core/api';
import type { Queryable } from '../store/database';
import type { VideoParams } from '../providers/video-params';

/** Review states a still may be in for a video to start from it: approved by a person, or passed with no review required. */
export const STILL_READY = ['approved', 'ready'];

export type VideoJobPlan =
  | { success: true; recipe: ResolvedRecipe; recipeHash: string; params: VideoParams; source: string; plannedJobId: string }
  | { success: false; status: 404 | 422; code: string; message: string; issues: ApiIssue[] };

interface StillRow {
  id: string;
  sha256: string;
  review_status: string;
  verdict: string;
  record: ProductionRecord;
}

export async function planVideoJob(db: Queryable, planned: PlannedJob, sources: readonly string[], seedVariation: number): Promise<VideoJobPlan> {
  const what = `SKU ${planned.sku} (${planned.colorway}) view ${planned.view}`;
  const refuse = (code: string, message: string, issues: ApiIssue[], status: 404 | 422 = 422): VideoJobPlan => ({ success: false, status, code, message, issues });
  if (!planned.video) {
    return refuse('no_video_planned', `the brief asks for no video of ${what}`, [{ code: 'invalid_value', path: 'view', message: 'no video is planned for this view; add it to the row\'s video_views column', found: planned.view }]);
  }
  if (sources.length > 1) return refuse('invalid_request', 'a video job starts from one still', [{ code: 'invalid_value', path: 'sources', message: `found ${sources.length}`, expected: 'the approved still, or none (the server takes the newest approved still)' }]);
  const stills = await db.query<StillRow>(
    `SELECT id, sha256, review_status, verdict, record FROM assets
      WHERE sku = $1 AND lower(record->>'colorway') = lower($2) AND record->>'view' = $3 AND record->>'kind' IN ('generate', 'post')
      ORDER BY created_at DESC, id DESC LIMIT 200`,
    [planned.sku, planned.colorway, planned.view],
  );
  let still: StillRow | undefined;
  if (sources.length) {
    const sha = sources[0].replace(/^sha256:/, '');
    still = stills.find((s) => s.sha256 === sha);
    if (!still) return refuse('not_a_still', `sources[0] is not a still made for ${what}`, [{ code: 'invalid_value', path: 'sources[0]', message: 'a video starts from a still brandlock made for this SKU and view', found: sources[0] }]);
    if (!STILL_READY.includes(still.review_status)) {
      return refuse('still_not_approved', `the still ${still.id} of ${what} is ${still.review_status}: a video starts only from an approved still or one that passed QC`, [
        { code: 'invalid_value', path: 'sources[0]', message: `review status ${still.review_status} (QC ${still.verdict})`, found: still.review_status, expected: 'approved, or ready (passed QC, no review required)' },
      ]);
    }
  } else {
    still = stills.find((s) => STILL_READY.includes(s.review_status));
    if (!still) {
      const seen = stills.length ? `its ${stills.length} still${stills.length === 1 ? ' is' : 's are'} ${[...new Set(stills.map((s) => s.review_status))].join(' or ')}` : 'it has no still yet';
      return refuse('still_not_approved', `no approved or passing still of ${what}: ${seen}`, [{ code: 'invalid_value', path: 'sources', message: 'approve the still in review (or let it pass QC), then ask again', expected: 'an approved or ready still' }]);
    }
  }
  const video = planned.video;
  const seed = video.motion.seed === null ? null : (video.motion.seed + seedVariation) % 4294967296;
  const record = still.record;
  // The model's identity is in the still's pixels; LoRAs and the still's sampler settings do not apply to image-to-video.
  const recipe: ResolvedRecipe = { ...planned.recipe, prompt: video.motion.prompt, negativePrompt: video.motion.negativePrompt, loras: [], seed, width: record.width, height: record.height };
  const params: VideoParams = {
    motion: { ...video.motion, seed },
    qc: video.qc,
    cuts: video.channels,
    still: { assetId: still.id, sha256: still.sha256, width: record.width, height: record.height, subject: record.post?.subject ?? null, verdict: still.verdict, reviewStatus: still.review_status },
    plannedVideoId: video.id,
    swatch: planned.swatch,
  };
  return { success: true, recipe, recipeHash: contentHash({ recipe, motion: params.motion }), params, source: still.sha256, plannedJobId: video.id };
}
