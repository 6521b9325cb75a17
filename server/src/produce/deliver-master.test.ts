// Delivery never overwrites a file the ledger holds for another master, and never skips a master
// silently: a name already delivered for another SKU is a failure the run reports.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { loadBrandLock, type PlannedJob, type ProductionRecord } from '@brandlock/core';
import type { BrandlockClient, Job } from '@brandlock/core/api';
import { deliverMaster } from './deliver-master';
import { DeliveryLedger, type DeliveredFile } from './delivery-ledger';

const dirs: string[] = [];
afterAll(() => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));

describe('deliverMaster', () => {
  it('reports a master whose file name the ledger holds for another SKU instead of skipping it', async () => {
    const loaded = loadBrandLock(JSON.parse(readFileSync(new URL('../../../samples/brand-lock.json', import.meta.url), 'utf8')));
    if (!loaded.success) throw new Error('sample lock');
    const dir = await mkdtemp(join(tmpdir(), 'brandlock-deliver-'));
    dirs.push(dir);
    const ledger = await DeliveryLedger.open(join(dir, '.brandlock', 'delivered.jsonl'));
    const theirs = { path: 'flagged/nf-u-1_poppy_front_master.png', kind: 'flagged', sku: 'NF-U-1', colorway: 'Poppy', view: 'front' } as DeliveredFile;
    await ledger.append(theirs);
    const planned = { sku: 'NF-Ü-1', colorway: 'Poppy', view: 'front', category: 'jersey', channels: [] } as unknown as PlannedJob;
    const record = { qc: { verdict: 'flag', findings: [] }, contentType: 'image/png', sha256: 'a'.repeat(64) } as unknown as ProductionRecord;
    // The master's bytes are never fetched: the name is refused first.
    const api = { assets: { get: () => Promise.reject(new Error('fetched')) } } as unknown as BrandlockClient;
    const res = await deliverMaster({ api, job: { id: 'job-2' } as Job, record, planned, lock: loaded.lock, lockHash: loaded.hash, outDir: dir, ledger });
    expect(res.delivered).toEqual([]);
    expect(res.failures).toEqual([{ channel: 'master', message: expect.stringContaining('not delivered: flagged/nf-u-1_poppy_front_master.png already holds SKU "NF-U-1" (Poppy, front)') }]);
    expect(ledger.get(theirs.path)?.sku).toBe('NF-U-1');
  });
});
