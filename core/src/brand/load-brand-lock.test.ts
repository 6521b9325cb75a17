import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadBrandLock } from './load-brand-lock';
import { formatLockIssue } from './lock-issue';

const sampleText = readFileSync(new URL('../../../samples/brand-lock.json', import.meta.url), 'utf8');
const sample = () => JSON.parse(sampleText);

function issuesOf(doc: unknown) {
  const res = loadBrandLock(doc);
  if (res.success) throw new Error('expected the lock to fail');
  return res.issues;
}

describe('loadBrandLock', () => {
  it('accepts the sample lock and resolves seeds and presets', () => {
    const res = loadBrandLock(sample());
    expect(res.success).toBe(true);
    if (!res.success) return;
    expect(res.hash).toMatch(/^sha256:[0-9a-f]{64}$/);
    const knit = res.lock.categories.find((c) => c.id === 'knitwear')!;
    expect(knit.qc.humanReview).toBe('always');
    expect(knit.qc.maxDeltaE00).toBeLessThan(res.lock.categories.find((c) => c.id === 'jersey')!.qc.maxDeltaE00);
    const outer = res.lock.categories.find((c) => c.id === 'outerwear')!;
    expect(outer.qc.maxDeltaE00).toBe(2.5); // override on top of the seed
    expect(outer.recipe.width).toBe(1152);
    expect(outer.recipe.negativePrompt).toContain('extra fingers'); // seed default survives a partial recipe
    const ig = res.lock.channels.find((c) => c.id === 'pdp-4x5')!;
    expect(ig).toMatchObject({ width: 1600, height: 2000, quality: 88, format: 'jpeg' });
    expect(res.files).toContain('luts/warm-studio.cube');
  });

  it('reports a mistyped key, a dangling reference and a wrong type together, with paths', () => {
    const doc = sample();
    doc.models[0].castingNote = doc.models[0].castingNotes;
    delete doc.models[0].castingNotes;
    doc.categories[1].lighting = 'studio-warn';
    doc.lighting[0].colorTemperatureK = '5200';
    const issues = issuesOf(doc);
    const byPath = Object.fromEntries(issues.map((i) => [i.path, i]));
    expect(byPath['models[0].castingNote']).toMatchObject({ code: 'unknown_key' });
    expect(byPath['models[0].castingNote'].message).toContain('did you mean "castingNotes"');
    expect(byPath['categories[1].lighting']).toMatchObject({ code: 'dangling_reference', found: '"studio-warn"' });
    expect(byPath['categories[1].lighting'].message).toContain('did you mean "studio-warm"');
    expect(byPath['lighting[0].colorTemperatureK']).toMatchObject({ code: 'invalid_type', expected: 'number', found: '"5200"' });
    expect(issues).toHaveLength(3);
  });

  it('reports duplicate ids, unknown presets and placeholders', () => {
    const doc = sample();
    doc.palette.swatches.push({ id: 'ink', name: 'Ink again', color: '#000000' });
    doc.channels[0].preset = 'instagram-4x5';
    doc.categories[0].recipe.promptTemplate = 'a {colour} shirt';
    const lines = issuesOf(doc).map(formatLockIssue);
    expect(lines.some((l) => /^palette\.swatches\[\d+\]\.id: swatch id "ink" is already used/.test(l))).toBe(true);
    expect(lines.some((l) => l.startsWith('channels[0].preset: no built-in channel preset with id "instagram-4x5"'))).toBe(true);
    expect(lines.some((l) => l.startsWith('categories[0].recipe.promptTemplate: unknown placeholder {colour}'))).toBe(true);
  });

  it("takes a channel's upscale limit from the lock, else from the catalog, and refuses one that is no factor", () => {
    const doc = sample();
    doc.channels[0].maxUpscale = 1.5;
    const res = loadBrandLock(doc);
    if (!res.success) throw new Error(res.issues.map(formatLockIssue).join('\n'));
    const byId = (id: string) => res.lock.channels.find((c) => c.id === id)!;
    expect([byId('pdp-2x3').maxUpscale, byId('zoom').maxUpscale, byId('ig-square').maxUpscale, byId('marketplace').maxUpscale]).toEqual([1.5, 1, 1.25, 1]);
    doc.channels[2].maxUpscale = 0;
    doc.channels[3].maxUpscale = '2x';
    const lines = issuesOf(doc).map(formatLockIssue);
    expect(lines.find((l) => l.startsWith('channels[2].maxUpscale'))).toBe('channels[2].maxUpscale: too small (found 0; expected at least 0.25)');
    expect(lines.find((l) => l.startsWith('channels[3].maxUpscale'))).toMatch(/"2x".*number/);
  });

  it('requires complete recipes for categories without a seed', () => {
    const doc = sample();
    const packshot = doc.categories.find((c: { id: string }) => c.id === 'basics-packshot');
    delete packshot.recipe.steps;
    delete packshot.qc.whiteBalance;
    const issues = issuesOf(doc);
    const paths = issues.map((i) => i.path);
    expect(paths).toContain('categories[8].recipe.steps');
    expect(paths).toContain('categories[8].qc.whiteBalance.maxCastDeltaE00');
    expect(issues.find((i) => i.path === 'categories[8].recipe.steps')!.message).toContain('"base" seed category');
  });

  it('gives the same hash whatever the key order or whitespace, and a new one when content changes', () => {
    const reorder = (v: unknown): unknown =>
      Array.isArray(v) ? v.map(reorder) : v && typeof v === 'object' ? Object.fromEntries(Object.entries(v).reverse().map(([k, x]) => [k, reorder(x)])) : v;
    const a = loadBrandLock(sample());
    const b = loadBrandLock(JSON.parse(JSON.stringify(reorder(sample()), null, 7)));
    const changed = sample();
    changed.palette.swatches[0].color = '#f2efea';
    const c = loadBrandLock(changed);
    expect(a.success && b.success && c.success).toBe(true);
    if (!a.success || !b.success || !c.success) return;
    expect(b.hash).toBe(a.hash);
    expect(c.hash).not.toBe(a.hash);
  });

  it('treats an explicit default the same as an omitted one', () => {
    const explicit = sample();
    explicit.lighting[0].tint = explicit.lighting[0].tint ?? 0;
    explicit.luts[0].use = 'grade';
    const a = loadBrandLock(sample());
    const b = loadBrandLock(explicit);
    expect(a.success && b.success && a.hash === b.hash).toBe(true);
  });

  it('refuses paths that leave the lock folder', () => {
    const doc = sample();
    doc.luts[0].file = '../../etc/passwd.cube';
    doc.models[0].referenceImages = ['/etc/shadow'];
    const paths = issuesOf(doc).map((i) => `${i.path}: ${i.message}`);
    expect(paths).toContain('luts[0].file: expected a path inside the lock folder (no "..")');
    expect(paths).toContain('models[0].referenceImages[0]: expected a path relative to the lock file');
  });
});
