import { describe, expect, it } from 'vitest';
import { fillInputTemplate } from './input-template';
import { nearestRatio } from './recipe-values';

describe('fillInputTemplate', () => {
  it('puts typed values in place of whole-string placeholders and drops undefined ones', () => {
    const { input, used } = fillInputTemplate(
      { prompt: '$prompt', size: { w: '$width' }, loras: '$loras', seed: '$seed', note: 'costs $5', literal: '$$prompt', list: ['$seed', '$missing_value'] },
      { prompt: 'a "quoted", {json} prompt', width: 1024, loras: [{ path: 'x', scale: 0.5 }], seed: undefined, missing_value: undefined },
      'test',
    );
    expect(input).toEqual({ prompt: 'a "quoted", {json} prompt', size: { w: 1024 }, loras: [{ path: 'x', scale: 0.5 }], note: 'costs $5', literal: '$prompt', list: [] });
    expect([...used].sort()).toEqual(['loras', 'missing_value', 'prompt', 'seed', 'width']);
  });

  it('names the field of an unknown placeholder', () => {
    expect(() => fillInputTemplate({ a: { b: '$promt' } }, { prompt: 'x' }, 'map.json: fal model m input')).toThrow('map.json: fal model m input: a.b: unknown placeholder "$promt"; expected one of $prompt');
  });

  it('does not let a template key reach the prototype', () => {
    const { input } = fillInputTemplate(JSON.parse('{"__proto__": {"polluted": "$prompt"}}'), { prompt: 'x' }, 't');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getOwnPropertyDescriptor(input, '__proto__')?.value).toEqual({ polluted: 'x' });
  });
});

describe('nearestRatio', () => {
  it('picks the closest supported ratio on a log scale', () => {
    expect(nearestRatio(1024, 1536)).toBe('2:3');
    expect(nearestRatio(1152, 1536)).toBe('3:4');
    expect(nearestRatio(1920, 1080, ['1:1', '16:9'])).toBe('16:9');
  });
});
