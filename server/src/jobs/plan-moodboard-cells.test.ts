// The swatches each moodboard cell is studied in: a story's few swatches still give the views of one
// light and model different lead colours (each view was the same study when a story picked three).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadBrandLock } from '@brandlock/core';
import { planMoodboardCells } from './plan-moodboard-cells';

const parsed = loadBrandLock(JSON.parse(readFileSync(new URL('../../../samples/brand-lock.json', import.meta.url), 'utf8')));
if (!parsed.success) throw new Error('sample lock');
const lock = parsed.lock;
const category = lock.categories.find((c) => c.id === 'wovens')!;

describe('moodboard cells', () => {
  for (const swatches of [['sand', 'ink', 'cognac'], ['sand', 'ink', 'cognac', 'sage', 'poppy', 'cobalt'], undefined]) {
    it(`give each cell of one light and model a different lead swatch (${swatches ? `${swatches.length} swatches` : 'the whole palette'})`, () => {
      const plan = planMoodboardCells(lock, category, { count: 12, environment: 'loft', lightingPresets: ['studio-warm', 'editorial-cool'], modelProfiles: ['ava', 'kofi'], garmentFocus: '', swatches }, 'seed');
      expect(plan.cells).toHaveLength(12);
      for (const c of plan.cells) {
        expect(c.swatches.length).toBe(3);
        if (swatches) expect(c.swatches.every((s) => swatches.includes(s.id))).toBe(true);
      }
      const groups = new Map<string, string[]>();
      for (const c of plan.cells) groups.set(`${c.lighting.id}/${c.model.id}`, [...(groups.get(`${c.lighting.id}/${c.model.id}`) ?? []), c.swatches[0].id]);
      for (const [, leads] of groups) expect(new Set(leads).size).toBe(leads.length);
    });
  }
});
