import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { loadBrandLock } from '@brandlock/core/brand';
import { checkBrief, defaultBrief } from './moodboard-brief';
import { captionFor, planBoard } from './plan-board';

const res = loadBrandLock(JSON.parse(readFileSync(new URL('../../../../samples/brand-lock.json', import.meta.url), 'utf8')));
if (!res.success) throw new Error('sample lock');
const lock = res.lock;

describe('moodboard brief', () => {
  it('starts from the lock\'s first lighting preset and model, and asks for an environment', () => {
    const brief = defaultBrief(lock);
    expect(brief).toMatchObject({ lightingIds: ['studio-warm'], modelIds: ['ava'], count: 12 });
    expect(checkBrief(brief, lock)).toEqual({ environment: 'Describe the setting, e.g. "sunlit concrete loft"' });
  });

  it('names each bad field', () => {
    const issues = checkBrief({ environment: 'dunes', lightingIds: ['neon'], modelIds: ['zed'], garmentFocus: '', count: 51, notes: '' }, lock);
    expect(issues).toEqual({
      lightingIds: '"neon" is not a lighting preset of this lock',
      modelIds: '"zed" is not a model profile of this lock',
      count: '6 to 50 images',
    });
  });
});

describe('planBoard', () => {
  const brief = { environment: 'coastal dunes at golden hour', lightingIds: ['studio-warm', 'editorial-cool'], modelIds: ['ava', 'kofi'], garmentFocus: 'linen shirts', count: 24, notes: 'Keep it airy.' };
  const ctx = { lock, lockHash: 'sha256:abc', jobId: 'job_1', provider: 'local', providerNote: null, imageAspect: 3 / 4 };

  it('states the brief in the lock\'s own names and lays out a grid for the count', () => {
    const plan = planBoard(brief, ctx);
    expect(plan.title).toBe('Coastal dunes at golden hour');
    expect(plan.subtitle).toBe('Northfold Studio · SS27.1 · SS27');
    expect(plan.facts).toEqual([
      'Environment: coastal dunes at golden hour',
      'Lighting: Warm daylight studio, Cool editorial',
      'Model: Ava, Kofi',
      'Garment focus: linen shirts',
      '24 images · local',
    ]);
    expect([plan.columns, plan.count, plan.imageHeight]).toEqual([6, 24, Math.round(320 / 0.75)]);
    expect(plan.swatches).toHaveLength(lock.palette.swatches.length);
    expect(plan.swatches[0]).toEqual({ name: 'Chalk', hex: '#e3dfd8', code: '11-0601 TCX' });
    expect(plan.provenance).toMatchObject({ jobId: 'job_1', lockHash: 'sha256:abc' });
  });

  it('says on the board when the local provider made studies, not photographs', () => {
    expect(planBoard(brief, ctx).honestyNote).toMatch(/not photographs/);
    expect(planBoard(brief, { ...ctx, providerNote: 'Local provider: lighting study, not generative.' }).honestyNote).toBe('Local provider: lighting study, not generative.');
    expect(planBoard(brief, { ...ctx, provider: 'fal' }).honestyNote).toBeNull();
  });
});

describe('captionFor', () => {
  it('titles an output by what the provider says it is, in the lock\'s names, and keeps the prompt as detail', () => {
    expect(captionFor(2, 'local provider: a rendered study from the lock, not a photograph: lighting study of studio-warm in camel', 'editorial moodboard image, sunlit loft', lock)).toEqual({
      title: 'Lighting study of Warm daylight studio in Camel',
      detail: 'editorial moodboard image, sunlit loft',
    });
    expect(captionFor(0, null, 'a prompt', lock)).toEqual({ title: 'Image 1', detail: 'a prompt' });
    expect(captionFor(0, null, 'x'.repeat(300), lock).detail).toHaveLength(178);
  });
});
