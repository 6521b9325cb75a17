import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadBrandLock } from '../brand/load-brand-lock';
import { parseBrief } from './parse-brief';
import { planBrief } from './plan-brief';

const read = (p: string) => readFileSync(new URL(`../../../samples/${p}`, import.meta.url), 'utf8');
const lockDoc = () => JSON.parse(read('brand-lock.json'));
function lockOf(doc = lockDoc()) {
  const res = loadBrandLock(doc);
  if (!res.success) throw new Error(JSON.stringify(res.issues));
  return res;
}

describe('planBrief on the sample season', () => {
  const { lock, hash } = lockOf();
  const parsed = parseBrief(read('brief.csv'));
  const plan = planBrief(parsed.brief, lock, hash);

  it('plans all 24 SKUs across every category with no issues', () => {
    expect(parsed.issues).toEqual([]);
    expect(plan.issues).toEqual([]);
    expect(plan.skuCount).toBe(24);
    expect(new Set(plan.jobs.map((j) => j.category))).toEqual(new Set(lock.categories.map((c) => c.id)));
  });

  it('gives one job per SKU x view, with the required views unless the brief narrows them', () => {
    const shirt = plan.jobs.filter((j) => j.sku === 'NF-WV-1001').map((j) => j.view);
    expect(shirt).toEqual(['front', 'back', 'detail']); // "side" is not required
    const coat = plan.jobs.filter((j) => j.sku === 'NF-OW-4003').map((j) => j.view);
    expect(coat).toEqual(['front-closed', 'back']);
  });

  it('fills every prompt placeholder and merges model and recipe LoRAs', () => {
    for (const job of plan.jobs) expect(job.recipe.prompt).not.toMatch(/\{[a-zA-Z]+\}/);
    const gown = plan.jobs.find((j) => j.sku === 'NF-EV-7001')!;
    expect(gown.recipe.modelProfile).toBe('mei');
    expect(gown.recipe.loras.map((l) => l.ref)).toEqual(['northfold/models/mei-v1', 'northfold/styles/sequin-detail-v1']);
    expect(gown.recipe.prompt).toContain('Mei nfmei wearing a Jet black sequinned tulle column gown, 220 gsm');
    expect(gown.recipe.lut).toBe('cool-editorial');
  });

  it('resolves swatches with the stricter tolerance and category QC', () => {
    const poppy = plan.jobs.find((j) => j.sku === 'NF-KN-5002')!;
    expect(poppy.swatch).toMatchObject({ swatchId: 'poppy', name: 'Poppy', hex: null, lab: { l: 48.5, a: 68, b: 54.5 }, tolerance: 2 });
    expect(poppy.qc.humanReview).toBe('always');
    const ecru = plan.jobs.find((j) => j.sku === 'NF-WV-1001')!;
    expect(ecru.swatch.tolerance).toBe(2.5); // palette default 2.5 is stricter than wovens' 3
  });

  it('applies seed policies: per-SKU seeds differ by view, fixed seeds are fixed', () => {
    const fronts = plan.jobs.filter((j) => j.sku === 'NF-JR-3001');
    expect(new Set(fronts.map((j) => j.recipe.seed)).size).toBe(fronts.length);
    for (const j of plan.jobs.filter((x) => x.category === 'basics-packshot')) expect(j.recipe.seed).toBe(424242);
  });

  it('filters channels by market and honours per-row channels', () => {
    const de = plan.jobs.find((j) => j.sku === 'NF-DN-2002')!; // markets DE;FR
    expect(de.channels).toContain('zalando');
    const restricted = plan.jobs.find((j) => j.sku === 'NF-WV-1003')!;
    expect(restricted.channels).toEqual(['pdp-2x3', 'pdp-4x5', 'zoom', 'ig-portrait', 'marketplace']);
  });

  it('is deterministic: same inputs, same jobs and hashes, whatever the lock key order', () => {
    const again = planBrief(parseBrief(read('brief.csv')).brief, lock, hash);
    expect(again).toEqual(plan);
    const reversed = lockOf(JSON.parse(JSON.stringify(lockDoc(), (_k, v) => (v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).reverse()) : v))));
    expect(reversed.hash).toBe(hash);
    expect(planBrief(parsed.brief, reversed.lock, reversed.hash).planHash).toBe(plan.planHash);
  });

  it('changes job ids and the plan hash when the lock changes', () => {
    const doc = lockDoc();
    doc.version = 'SS27.2';
    const next = lockOf(doc);
    const replanned = planBrief(parsed.brief, next.lock, next.hash);
    expect(replanned.planHash).not.toBe(plan.planHash);
    expect(replanned.jobs[0].id).not.toBe(plan.jobs[0].id);
  });
});

describe('planBrief on the broken sample brief', () => {
  const { lock, hash } = lockOf();
  const parsed = parseBrief(read('brief-broken.csv'));
  const plan = planBrief(parsed.brief, lock, hash);
  const issues = [...parsed.issues, ...plan.issues].filter((i) => i.severity === 'error');

  it('names each bad row and plans the rest', () => {
    expect(new Set(issues.map((i) => i.row))).toEqual(new Set([3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 14]));
    expect([...new Set(plan.jobs.map((j) => j.sku))]).toEqual(['NF-WV-1001', 'NF-JR-3001', 'NF-KN-5001']);
    expect(issues.find((i) => i.row === 4)).toMatchObject({ column: 'swatch', sku: 'NF-XX-0003' });
    expect(issues.find((i) => i.row === 4)!.message).toContain('did you mean "poppy"');
    expect(issues.find((i) => i.row === 11)).toMatchObject({ column: 'model' });
  });

  it('keeps a formula-looking note as plain text in the prompt data', () => {
    expect(plan.jobs.find((j) => j.sku === 'NF-JR-3001')!.notes).toBe('=HYPERLINK("http://evil.example","click") is only text');
  });
});

describe('planBrief and delivery file names', () => {
  const header = 'sku,colorway,category,fabric,silhouette,swatch,views';
  const row = (sku: string, colorway = 'Poppy') => `${sku},${colorway},jersey,loopback jersey,hoodie,poppy,front`;

  it('refuses later rows whose SKUs become the same file name, naming the row that keeps it', () => {
    const { lock, hash } = lockOf();
    const plan = planBrief(parseBrief([header, row('NF-U-1'), row('NF-Ü-1'), row('nf-u-1'), row('NF U 1'), row('NF-U-2')].join('\n')).brief, lock, hash);
    expect(plan.skuCount).toBe(2);
    expect([...new Set(plan.jobs.map((j) => j.sku))]).toEqual(['NF-U-1', 'NF-U-2']);
    expect(plan.issues.map((i) => [i.row, i.column, i.code, i.sku])).toEqual([
      [3, 'sku', 'file_name_clash', 'NF-Ü-1'],
      [4, 'sku', 'file_name_clash', 'nf-u-1'],
      [5, 'sku', 'file_name_clash', 'NF U 1'],
    ]);
    expect(plan.issues[0].message).toMatch(/^SKU "NF-Ü-1" \(Poppy, front\) would be delivered as \S+nf-u-1\S+, the file of SKU "NF-U-1" \(Poppy, front\) on row 2: .*differ only in case, accents, spaces or punctuation/);
  });

  it('plans the same SKU in two colourways apart, and says the template needs {colorway} when it has none', () => {
    const { lock, hash } = lockOf();
    const brief = parseBrief([header, row('NF-U-1', 'Poppy'), row('NF-U-1', 'Ink')].join('\n')).brief;
    expect(planBrief(brief, lock, hash).issues).toEqual([]);
    const doc = lockDoc();
    doc.naming.template = '{brand}_{sku}_{view}_{channel}.{ext}';
    const narrow = lockOf(doc);
    const plan = planBrief(brief, narrow.lock, narrow.hash);
    expect(plan.skuCount).toBe(1);
    expect(plan.issues).toMatchObject([{ row: 3, code: 'file_name_clash', message: expect.stringMatching(/needs \{colorway\}/) }]);
  });
});
