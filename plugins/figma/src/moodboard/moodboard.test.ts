import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { loadBrandLock } from '@brandlock/core/brand';
import { checkBrief, defaultBrief } from './moodboard-brief';
import type { Moodboard } from '@brandlock/core/api';
import { planBoard } from './plan-board';

const res = loadBrandLock(JSON.parse(readFileSync(new URL('../../../../samples/brand-lock.json', import.meta.url), 'utf8')));
if (!res.success) throw new Error('sample lock');
const lock = res.lock;

describe('moodboard brief', () => {
  it('starts from the lock\'s first lighting preset and model, and asks for an environment', () => {
    const brief = defaultBrief(lock);
    expect(brief).toMatchObject({ lightingIds: ['studio-warm'], modelIds: ['ava'], swatchIds: [], count: 12 });
    expect(checkBrief(brief, lock)).toEqual({ environment: 'Describe the setting, e.g. "sunlit concrete loft"' });
  });

  it('names each bad field', () => {
    const issues = checkBrief({ environment: 'dunes', lightingIds: ['neon'], modelIds: ['zed'], swatchIds: ['ink', 'plum'], garmentFocus: '', count: 51, notes: '' }, lock);
    expect(issues).toEqual({
      lightingIds: '"neon" is not a lighting preset of this lock',
      modelIds: '"zed" is not a model profile of this lock',
      swatchIds: '"plum" is not a swatch of this lock\'s palette',
      count: '6 to 50 images',
    });
  });
});

describe('planBoard', () => {
  const cell = (index: number, lightingPreset: string, modelProfile: string, view: string) => ({
    index, jobId: `job_${index}`, lightingPreset, modelProfile, view, take: 1, caption: `${lightingPreset}/${modelProfile}/${view}`, varies: ['lighting', 'model'] as ('lighting' | 'model' | 'pose' | 'take')[],
    prompt: `prompt ${index}`, seed: 100 + index, state: 'queued' as const, stage: 'queued', output: null, error: null,
  });
  const board: Moodboard = {
    id: 'mb_1', state: 'queued', provider: 'local', lockHash: 'sha256:abc', lockVersion: 'SS27.1', category: 'wovens', title: 'coastal dunes at golden hour',
    request: { count: 6, environment: 'coastal dunes at golden hour', garmentFocus: 'linen shirts', notes: 'Keep it airy.', lightingPresets: ['studio-warm', 'editorial-cool'], modelProfiles: ['ava', 'kofi'] },
    constants: ['Pose: Front'],
    note: 'Studies rendered offline by the local provider from the lock: not photographs.',
    imageWidth: 768, imageHeight: 960,
    cells: [cell(0, 'studio-warm', 'ava', 'front'), cell(1, 'studio-warm', 'kofi', 'front'), cell(2, 'studio-warm', 'ava', 'front'), cell(3, 'editorial-cool', 'ava', 'front'), cell(4, 'editorial-cool', 'kofi', 'front'), cell(5, 'editorial-cool', 'kofi', 'front')],
    requestedBy: 'designer', createdAt: '2027-01-01T00:00:00.000Z',
  };

  it('states the brief in the lock\'s own names, one row per light with its set-up, the palette once', () => {
    const plan = planBoard(board, lock);
    expect(plan.title).toBe('Coastal dunes at golden hour');
    expect(plan.subtitle).toBe('Northfold Studio · SS27.1 · SS27');
    expect(plan.facts).toEqual(['Environment: coastal dunes at golden hour', 'Garment focus: linen shirts', 'Pose: Front', '6 images · local']);
    expect(plan.groups).toEqual([
      { title: 'Warm daylight studio', detail: '5200 K · key left-45 · 2:1 key:fill' },
      { title: 'Cool editorial', detail: '6500 K · key right-45 · 4:1 key:fill' },
    ]);
    expect(plan.cells.map((c) => c.group)).toEqual([0, 0, 0, 1, 1, 1]);
    expect(plan.cells[4]).toMatchObject({ index: 4, jobId: 'job_4', seed: 104, prompt: 'prompt 4' });
    expect([plan.columns, plan.imageHeight]).toEqual([3, 400]);
    expect(plan.swatches).toHaveLength(lock.palette.swatches.length);
    expect(plan.notes).toBe('Keep it airy.');
    expect(plan.provenance).toMatchObject({ moodboardId: 'mb_1', lockHash: 'sha256:abc', provider: 'local' });
  });

  it('says on the board when the local provider made studies, not photographs, and nothing when a GPU made photographs', () => {
    expect(planBoard(board, lock).honestyNote).toMatch(/not photographs/);
    expect(planBoard({ ...board, provider: 'fal', note: null }, lock).honestyNote).toBeNull();
  });
});
