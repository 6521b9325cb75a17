/**
 * Pins a trained LoRA in a lock document: the model profile's LoRA becomes the trained weights (its
 * strength kept), with the training record (trainer, job, version, weights, training-set hashes,
 * cost) beside it. The result is a new lock version; `lock diff` shows the change, and every category
 * that casts the profile has a new recipe hash, so it needs a pilot and an approval again.
 */
import type { LoraTraining } from '../brand/model-profile';
import type { LockIssue } from '../brand/lock-issue';

export type PinLoraResult = { success: true; document: Record<string, unknown> } | { success: false; issues: LockIssue[] };

/**
 * @example pinTrainedLora(doc, 'ava', 'nfava', training, 'SS27.2')
 */
export function pinTrainedLora(document: unknown, modelProfile: string, triggerWord: string, training: LoraTraining, version?: string): PinLoraResult {
  const doc = structuredClone(document) as Record<string, unknown> & { models?: { id?: string; lora?: Record<string, unknown> }[] };
  const index = Array.isArray(doc.models) ? doc.models.findIndex((m) => m?.id === modelProfile) : -1;
  if (index < 0) return { success: false, issues: [{ path: 'models', code: 'not_found', message: `no model profile "${modelProfile}" in the lock`, found: JSON.stringify(modelProfile) }] };
  const model = doc.models![index];
  model.lora = { ref: training.weightsUrl, triggerWord, strength: (model.lora?.strength as number | undefined) ?? 1, training };
  if (version) doc.version = version;
  return { success: true, document: doc };
}
