// The pilot pass as a production lead and an art director use it, offline: a pilot makes one SKU per
// category whatever its approval; a full run refuses every unapproved category by name; after the art
// director approves one category's recipe, the full run makes that one and still refuses the other;
// a recipe change afterwards undoes the approval and says so.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../cli/run-cli';
import { captureIo } from '../../test-support/capture-io';

const samples = new URL('../../../samples/', import.meta.url).pathname;
const HEADER = 'sku,colorway,category,fabric,fabric_weight,silhouette,swatch,source_images,channels,markets,views,model,notes';
const ROWS = [
  'NF-JR-1,Heather grey,jersey,cotton fleece,300 gsm,zip hoodie,heather,photos/packshot/solidus-zip-hoodie-grey-white-bg.jpg,ig-square,,front,mei,',
  'NF-JR-2,Poppy,jersey,cotton jersey,180 gsm,hoodie,poppy,photos/packshot/solidus-hoodie-red-cutout.png,ig-square,,front,mei,',
  'NF-KN-1,Jet black,knitwear,merino rib,12 gauge,beanie,lab(11.4 0.2 2.3),photos/packshot/solidus-beanie-black-cutout.png,ig-square,,front,ava,',
];
const dir = mkdtempSync(join(tmpdir(), 'brandlock-pilot-'));
cpSync(join(samples, 'photos'), join(dir, 'photos'), { recursive: true });
cpSync(join(samples, 'luts'), join(dir, 'luts'), { recursive: true });
cpSync(join(samples, 'brand-lock.json'), join(dir, 'brand-lock.json'));
writeFileSync(join(dir, 'brief.csv'), [HEADER, ...ROWS].join('\n') + '\n');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function cli(...args: string[]) {
  const io = captureIo(dir, { ...process.env, BRANDLOCK_POLL_MIN_MS: '100' });
  const code = await runCli(args, io);
  return { code, out: io.stdout, err: io.stderr };
}

describe('pilot pass and recipe approval (offline ledger)', () => {
  it('walks pilot -> refusal -> approval -> partial full run -> recipe change', async () => {
    const pilot = await cli('produce', 'brief.csv', '--lock', 'brand-lock.json', '--out', 'pilot', '--pilot', '1');
    expect(pilot.code, pilot.err).toBe(0);
    expect(pilot.out).toMatch(/Pilot pass: 2 SKUs over 2 categories/);
    expect(pilot.out).toContain('2 of 2 masters made');
    expect(JSON.parse(readFileSync(join(dir, 'pilot', 'recipe-approvals.json'), 'utf8'))).toMatchObject({ run: 'pilot' });

    const refused = await cli('produce', 'brief.csv', '--lock', 'brand-lock.json', '--out', 'full');
    expect(refused.code).toBe(1);
    expect(refused.out).toMatch(/category jersey: refused, 2 SKUs not produced: not approved: no art director has approved recipe [0-9a-f]{12}/);
    expect(refused.out).toMatch(/category knitwear: refused, 1 SKUs not produced/);
    expect(refused.out).toContain('0 of 0 masters made');

    const approve = await cli('recipe', 'approve', 'jersey', '--lock', 'brand-lock.json', '--by', 'Ines (AD)', '--pilot', 'pilot', '--note', 'fleece texture reads');
    expect(approve.code, approve.err).toBe(0);
    const ledger = readFileSync(join(dir, 'northfold.approvals.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(ledger).toEqual([expect.objectContaining({ brand: 'northfold', category: 'jersey', decision: 'approved', by: 'Ines (AD)', pilot: 'pilot', note: 'fleece texture reads' })]);
    const status = await cli('recipe', 'status', '--lock', 'brand-lock.json');
    expect(status.code).toBe(1);
    expect(status.out).toMatch(/ok {2}jersey +approved by Ines \(AD\) on \d{4}-\d\d-\d\d/);
    expect(status.out).toMatch(/NO {2}knitwear +not approved/);

    const partial = await cli('produce', 'brief.csv', '--lock', 'brand-lock.json', '--out', 'full2');
    expect(partial.code).toBe(1);
    expect(partial.out).toContain('2 SKUs planned, 2 of 2 masters made');
    expect(partial.out).toMatch(/category knitwear: refused/);
    expect(partial.out).not.toMatch(/category jersey: refused/);
    const gate = JSON.parse(readFileSync(join(dir, 'full2', 'recipe-approvals.json'), 'utf8'));
    expect(gate.categories.find((c: { category: string }) => c.category === 'jersey')).toMatchObject({ approved: true, by: 'Ines (AD)' });

    const lock = JSON.parse(readFileSync(join(dir, 'brand-lock.json'), 'utf8'));
    lock.lighting.find((l: { id: string }) => l.id === 'studio-warm').keyFillRatio = 3;
    writeFileSync(join(dir, 'brand-lock.json'), JSON.stringify(lock));
    const changed = await cli('recipe', 'status', '--lock', 'brand-lock.json');
    expect(changed.out).toMatch(/NO {2}jersey +not approved: the recipe changed since Ines \(AD\) approved [0-9a-f]{12}/);
    const skipped = await cli('produce', 'brief.csv', '--lock', 'brand-lock.json', '--out', 'full3', '--skip-approval', '--pilot', '1');
    expect(skipped.code, skipped.err).toBe(0);
  }, 300_000);
});
