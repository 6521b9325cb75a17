import { describe, expect, it } from 'vitest';
import { providerName, stageText } from './stage-text';

describe('a moodboard stage in words', () => {
  it('names providers as people know them, not by their ids', () => {
    expect(stageText('submitting to local')).toBe('sending to the study renderer');
    expect(stageText('waiting for a local slot')).toBe('waiting for the study renderer');
    expect(stageText('at fal: IN_PROGRESS 40%')).toBe('at fal: in progress 40%');
    expect(stageText('at replicate: starting')).toBe('at Replicate: starting');
    expect(stageText('queued')).toBe('waiting its turn');
    expect(stageText('queued again after a provider failure')).toBe('queued again after a provider failure');
    expect(providerName('comfyui')).toBe('ComfyUI');
    expect(providerName('someday')).toBe('someday');
  });
});
