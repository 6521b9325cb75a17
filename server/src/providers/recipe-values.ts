/**
 * The values every adapter takes from a request: the resolved recipe's prompt, size, steps,
 * guidance and seed (drawn here when the policy is random, so the audit trail always knows it), the
 * image count, and the nearest supported aspect ratio. Also the audit notes for recipe parts a
 * provider's model cannot take, so nothing is dropped silently.
 */
import { randomInt } from 'node:crypto';
import type { ProviderRequest } from './provider';

export interface RecipeValues {
  prompt: string;
  negativePrompt: string;
  width: number;
  height: number;
  steps: number;
  guidance: number;
  seed: number;
  count: number;
}

const MAX_SEED = 2 ** 32 - 1;

export function recipeValues(request: ProviderRequest): RecipeValues {
  const r = request.recipe;
  return {
    prompt: r.prompt,
    negativePrompt: r.negativePrompt,
    width: r.width,
    height: r.height,
    steps: r.steps,
    guidance: r.guidance,
    seed: r.seed ?? randomInt(0, MAX_SEED),
    count: Math.max(1, request.count),
  };
}

/** Ratios most image models accept ("w:h"). */
export const COMMON_RATIOS = ['1:1', '16:9', '21:9', '3:2', '2:3', '4:5', '5:4', '3:4', '4:3', '9:16', '9:21'];

/** The ratio in `ratios` closest to width:height (compared on a log scale, so 2:3 and 3:2 are symmetric). */
export function nearestRatio(width: number, height: number, ratios: readonly string[] = COMMON_RATIOS): string {
  const target = Math.log(width / height);
  let best = ratios[0];
  let bestDistance = Infinity;
  for (const ratio of ratios) {
    const [w, h] = ratio.split(':').map(Number);
    const distance = Math.abs(Math.log(w / h) - target);
    if (distance < bestDistance) {
      best = ratio;
      bestDistance = distance;
    }
  }
  return best;
}

/** Notes for the audit trail about recipe parts the provider's input template did not take. */
export function droppedInputNotes(
  provider: string,
  model: string,
  request: ProviderRequest,
  used: Set<string>,
  names: { negative?: string; sources?: string },
): string[] {
  const notes: string[] = [];
  if (names.negative && request.recipe.negativePrompt && !used.has(names.negative)) {
    notes.push(`${provider} ${model}: the negative prompt was not sent (the model input has no field for it)`);
  }
  if (names.sources && request.sources.length && !used.has(names.sources)) {
    notes.push(`${provider} ${model}: ${request.sources.length} source image(s) not sent (the model input takes none)`);
  }
  return notes;
}
