import { describe, expect, it, beforeAll, afterAll } from 'vitest';
import { readFile, readdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { BrandLock, ChannelSpec } from '@brandlock/core';
import { makeVariants, type MakeVariantsRequest } from './make-variants';
import { provenance, sampleLock, small, studioMaster, tempDir, removeTempDirs } from './test-support';

afterAll(removeTempDirs);

let lock: BrandLock;
let hash: string;
let master: string;
let channels: ChannelSpec[];

beforeAll(async () => {
  ({ lock, hash } = await sampleLock());
  master = join(await tempDir('names'), 'master.jpg');
  await studioMaster(master, 300, 450);
  channels = lock.channels.filter((c) => c.id === 'ig-square' || c.id === 'pdp-webp').map((c) => small(c));
});

const run = (over: Partial<MakeVariantsRequest> & { outDir: string }) => makeVariants({ masterPath: master, lock, lockHash: hash, channels, sku: 'NF-1001', colorway: 'ecru', view: 'front', provenance, ...over });

describe('makeVariants with hostile SKUs', () => {
  it.each(['../../etc/x', 'a/b', '..\\..\\x', 'NF\u0000\u0007-1\n2\u001b[0m', 'x'.repeat(5000)])('keeps %j inside the output folder under a safe name', async (sku) => {
    const parent = await tempDir('hostile');
    const out = join(parent, 'out');
    const res = await run({ sku, outDir: out });
    expect(res.failures).toEqual([]);
    expect(await readdir(parent)).toEqual(['out']);
    for (const e of res.entries) {
      expect(dirname(e.path)).toBe(out);
      expect(e.file).toMatch(/^[a-z0-9][a-z0-9_.-]*$/);
      expect(e.file.length).toBeLessThanOrEqual(lock.naming.maxLength);
    }
    expect(res.renamed).toEqual([{ token: 'sku', from: sku, to: expect.any(String) }]);
  });

  it('refuses a SKU with nothing a file name can keep, writing nothing', async () => {
    const out = await tempDir('empty');
    const res = await run({ sku: '///', outDir: out });
    expect(res.entries).toEqual([]);
    expect(res.failures).toHaveLength(2);
    expect(res.failures[0]).toMatchObject({ code: 'file_name', message: expect.stringContaining('{sku}') });
    expect(await readdir(out)).toEqual([]);
  });

  it('reports two SKUs that sanitise to one name and never overwrites the first', async () => {
    const out = await tempDir('collide');
    const first = await run({ sku: 'A/B', outDir: out });
    const before = await Promise.all(first.entries.map((e) => readFile(e.path)));
    const second = await run({ sku: 'A-B', colorway: 'ecru', outDir: out, provenance: { ...provenance, jobId: 'another-job' } });
    expect(second.entries).toEqual([]);
    expect(second.failures.map((f) => f.code)).toEqual(['name_collision', 'name_collision']);
    expect(second.failures[0].message).toContain('already taken by an existing file');
    const after = await Promise.all(first.entries.map((e) => readFile(e.path)));
    expect(after).toEqual(before);
  });

  it('reports a template that gives two channels one name, writing the first only', async () => {
    const out = await tempDir('template');
    const res = await makeVariants({ masterPath: master, lock: { ...lock, naming: { ...lock.naming, template: '{sku}_{view}.{ext}' } }, lockHash: hash, channels: [channels[0], { ...channels[0], id: 'ig-copy' }], sku: 'NF-1', view: 'front', provenance, outDir: out });
    expect(res.entries.map((e) => e.file)).toEqual(['nf-1_front.jpg']);
    expect(res.failures).toEqual([{ channel: 'ig-copy', code: 'name_collision', message: expect.stringContaining('SKU "NF-1", channel ig-square') }]);
  });
});
