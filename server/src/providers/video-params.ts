/**
 * What the server puts in a video job's `params`, resolved from the lock and the approved still:
 * the motion brief for this SKU, its frame-level QC thresholds, the channel cuts it is for, and the
 * still it starts from. Adapters read the motion; QC and delivery read the rest.
 */
import type { Box, ResolvedMotion, TargetSwatch, VideoQcThresholds } from '@brandlock/core';
import { ProviderCallError, type ProviderName, type ProviderRequest } from './provider';

export interface VideoParams {
  motion: ResolvedMotion;
  qc: VideoQcThresholds;
  cuts: { id: string; width: number; height: number }[];
  still: { assetId: string; sha256: string; width: number; height: number; subject: Box | null; verdict: string; reviewStatus: string };
  plannedVideoId: string | null;
  swatch?: TargetSwatch;
}

export function videoParamsOf(provider: ProviderName, request: Pick<ProviderRequest, 'params'>): VideoParams {
  const p = request.params as Partial<VideoParams> | undefined;
  if (!p?.motion || !p.still) throw new ProviderCallError(provider, { code: 'missing_motion', message: 'a video job needs its motion brief and still (the server resolves them from the lock and the approved still)', retryable: false });
  return p as VideoParams;
}

/**
 * The clip length to ask for: the allowed duration nearest to the motion brief's (the longer on a tie),
 * and a note for the audit trail when it differs.
 * @example nearestDuration(6, [5, 10]) // { seconds: 5, note: 'asked for 5 s: the model takes 5, 10 s; the motion brief says 6 s' }
 */
export function nearestDuration(wanted: number, allowed: readonly number[], who = 'the model'): { seconds: number; note: string | null } {
  const seconds = allowed.reduce((a, b) => (Math.abs(b - wanted) < Math.abs(a - wanted) || (Math.abs(b - wanted) === Math.abs(a - wanted) && b > a) ? b : a));
  return { seconds, note: seconds === wanted ? null : `asked for ${seconds} s: ${who} takes ${allowed.length > 4 ? `${allowed[0]}-${allowed[allowed.length - 1]}` : allowed.join(', ')} s; the motion brief says ${wanted} s` };
}
