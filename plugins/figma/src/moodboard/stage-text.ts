/**
 * A moodboard cell's stage in an art director's words: the server reports it in its own ("submitting
 * to local", "waiting for a fal slot", "at fal: IN_PROGRESS 40%"), naming providers by their ids.
 */

const PROVIDER_NAMES: Record<string, string> = {
  local: 'the study renderer',
  fal: 'fal',
  replicate: 'Replicate',
  runway: 'Runway',
  comfyui: 'ComfyUI',
};

/** @example providerName('local') // 'the study renderer' */
export function providerName(id: string): string {
  return PROVIDER_NAMES[id] ?? id;
}

/**
 * @example stageText('submitting to local') // 'sending to the study renderer'
 * @example stageText('at fal: IN_PROGRESS 40%') // 'at fal: in progress 40%'
 */
export function stageText(stage: string): string {
  const submitting = /^submitting to (\S+)$/.exec(stage);
  if (submitting) return `sending to ${providerName(submitting[1])}`;
  const waiting = /^waiting for an? (\S+) slot$/.exec(stage);
  if (waiting) return `waiting for ${providerName(waiting[1])}`;
  const at = /^at (\S+): (.*)$/.exec(stage);
  if (at) return `at ${providerName(at[1])}: ${at[2].toLowerCase().replace(/_/g, ' ')}`;
  if (stage === 'queued') return 'waiting its turn';
  return stage;
}
