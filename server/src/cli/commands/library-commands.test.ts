// brandlock library add / list / edit / coverage on the repo's photos, in a throwaway data folder:
// what a brand manager sees when a folder of old photos goes in, including files that are not photos
// and hostile names, then searching, correcting and the season's coverage.
import { cp, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../run-cli';
import { captureIo } from '../../../test-support/capture-io';

const samples = new URL('../../../../samples/', import.meta.url).pathname;
let dir: string;
let env: Record<string, string | undefined>;
const cli = async (...args: string[]) => {
  const io = captureIo(dir, env);
  const code = await runCli(args, io);
  return { code, out: io.stdout, err: io.stderr };
};

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'bl-library-'));
  env = { BRANDLOCK_DATA: join(dir, 'data'), USER: 'tester' };
  await cp(join(samples, 'photos'), join(dir, 'old-photos'), { recursive: true });
  const square = await sharp({ create: { width: 1200, height: 1200, channels: 3, background: '#ffffff' } }).composite([{ input: { create: { width: 500, height: 600, channels: 3, background: '#2c3e5c' } }, left: 350, top: 300 }]).png().toBuffer();
  await writeFile(join(dir, 'old-photos', 'evil\nname $(rm -rf) ..;.png'), square);
  await writeFile(join(dir, 'old-photos', 'not-a-photo.jpg'), '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
});

describe('brandlock library', () => {
  it('adds a folder of old photos: kind, category, SKU, colour and nearest swatch, backdrop, findings; bad files reported', async () => {
    const res = await cli('library', 'add', 'old-photos', '--lock', join(samples, 'brand-lock.json'), '--json');
    expect(res.code).toBe(1);
    const out = JSON.parse(res.out);
    expect(out.added).toHaveLength(25);
    expect(out.created).toBe(25);
    expect(out.problems).toEqual([expect.stringMatching(/^not-a-photo\.jpg: .*not an image format brandlock reads/)]);
    const by = (name: string) => out.added.find((a: { path: string }) => a.path.endsWith(name));
    expect(by('packshot/solidus-hoodie-red-cutout.png')).toMatchObject({ kind: 'ghost', kindSource: 'folder', category: 'jersey', backdrop: { kind: 'transparent' }, swatch: { id: expect.stringMatching(/poppy|terracotta/) } });
    expect(by('flatlay/cd-denim-shorts-quilted-cover.jpg')).toMatchObject({ kind: 'flat-lay', category: 'denim', backdrop: { kind: 'surface' } });
    expect(by('flatlay/cd-denim-shorts-quilted-cover.jpg').findings.map((f: { code: string }) => f.code)).toContain('small');
    expect(by('on-model/solidus-hoodie-red-onmodel-cutout.png')).toMatchObject({ kind: 'on-model', kindSource: 'name', kindReason: '"onmodel" in the file name' });
    const evil = out.added.find((a: { path: string }) => a.path.includes('evil'));
    expect(evil.path).toBe('evilname $(rm -rf) ..;.png');
    const again = await cli('library', 'add', 'old-photos/packshot', '--json');
    expect(JSON.parse(again.out)).toMatchObject({ created: 0 });
  }, 180_000);

  it('searches by colour, corrects an estimate and tags it, and finds it by tag', async () => {
    const red = await cli('library', 'list', '--color', 'poppy', '--within', '12', '--lock', join(samples, 'brand-lock.json'), '--json');
    const assets = JSON.parse(red.out).assets;
    expect(assets.length).toBeGreaterThan(0);
    expect(assets[0].path).toMatch(/red/);
    expect(assets.map((a: { deltaE: number }) => a.deltaE)).toEqual([...assets.map((a: { deltaE: number }) => a.deltaE)].sort((a: number, b: number) => a - b));
    const id = assets[0].id.slice(0, 12);
    const edit = await cli('library', 'edit', id, '--add-tag', 'hero', '--add-tag', 'ss24', '--kind', 'flat-lay', '--sku', 'NF-JR-3002');
    expect(edit.code, edit.err).toBe(0);
    expect(edit.out).toMatch(/flat-lay \(person\).*SKU NF-JR-3002, tags hero, ss24/);
    const tagged = await cli('library', 'list', '--tag', 'hero', '--json');
    expect(JSON.parse(tagged.out).assets.map((a: { id: string }) => a.id.slice(0, 12))).toEqual([id]);
    expect((await cli('library', 'edit', id, '--kind', 'catwalk')).code).toBe(2);
  }, 120_000);

  it('reports the brief SKUs without a usable source', async () => {
    await writeFile(join(dir, 'brief.csv'), 'sku,colorway,category,fabric,silhouette,swatch,source_images\nNF-JR-3002,Poppy,jersey,jersey,hoodie,poppy,\nNF-XX-1,Ink,wovens,poplin,shirt,ink,\n');
    const res = await cli('library', 'coverage', 'brief.csv', '--lock', join(samples, 'brand-lock.json'));
    expect(res.code).toBe(1);
    expect(res.out).toMatch(/NF-XX-1 Ink \(wovens\): no source image: none in the brief, none in the library for this SKU/);
    expect(res.out).toMatch(/1 of 2 SKUs have a usable source; 1 have none/);
  }, 60_000);

  it('produces a SKU whose brief source names a library asset', async () => {
    for (const f of ['brand-lock.json', 'northfold.approvals.jsonl', 'luts']) await cp(join(samples, f), join(dir, f), { recursive: true });
    const hoodie = JSON.parse((await cli('library', 'list', '--q', 'solidus-zip-hoodie', '--json')).out).assets[0];
    await writeFile(join(dir, 'season.csv'), `sku,colorway,category,fabric,silhouette,swatch,source_images,channels,views\nNF-JR-7,Heather grey,jersey,fleece,zip hoodie,heather,${hoodie.ref},ig-square,front\nNF-JR-8,Heather grey,jersey,fleece,zip hoodie,heather,library:${'0'.repeat(64)},ig-square,front\n`);
    const res = await cli('produce', 'season.csv', '--lock', 'brand-lock.json', '--out', 'delivery');
    expect(res.out).toContain('2 SKUs planned, 1 of 2 masters made');
    expect(res.out).toMatch(/library:0{64}: library asset 000000000000 is not in the library/);
  }, 180_000);
});
