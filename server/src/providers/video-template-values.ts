/**
 * The video part of a provider request template: `$duration` (the allowed clip length nearest to the
 * motion brief's, as the provider types it) and `$tail_image` (the still again as the last frame, so
 * a loop ends where it starts, for models that take a last frame such as Kling's tail_image_url),
 * plus the audit notes for what the model could not take as the brief asked.
 */
import type { ResolvedModel } from './provider-map';
import type { ProviderName, ProviderRequest } from './provider';
import { nearestDuration, videoParamsOf } from './video-params';

export interface VideoTemplateValues {
  values: { duration?: string | number; tail_image?: string };
  /** Call once the template is filled, with the placeholders it used. */
  notes(used: Set<string>): string[];
}

/** The audit note that says a loop could not be asked to close; post-production closes it (close-loop). */
export const NO_LAST_FRAME = 'the model takes no last frame';

export function videoTemplateValues(
  provider: ProviderName,
  request: ProviderRequest,
  model: ResolvedModel,
  options: { durations: readonly number[]; durationAs: 'string' | 'number'; still: string | undefined; template: unknown },
): VideoTemplateValues {
  if (request.kind !== 'video') return { values: {}, notes: () => [] };
  const { motion } = videoParamsOf(provider, request);
  // A loop the model cannot end on the still is closed in post by a crossfade that costs up to a second: ask for it.
  const closesItself = JSON.stringify(options.template).includes('$tail_image');
  const wanted = motion.loop && !closesItself ? motion.durationSeconds + 1 : motion.durationSeconds;
  const duration = nearestDuration(wanted, model.durations ?? options.durations, `${provider} ${model.id}`);
  return {
    values: { duration: options.durationAs === 'string' ? String(duration.seconds) : duration.seconds, tail_image: motion.loop ? options.still : undefined },
    notes: (used) => [
      ...(duration.note && used.has('duration') ? [`${provider} ${model.id}: ${duration.note}`] : []),
      ...(motion.loop && !used.has('tail_image') ? [`${provider} ${model.id}: ${NO_LAST_FRAME}, so the loop cannot be asked to end on the still; ${wanted} s were asked for and post-production crossfades the end into the start`] : []),
    ],
  };
}
