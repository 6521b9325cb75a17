import { afterEach, describe, expect, it } from 'vitest';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { folderBlobStore } from './folder-blob-store';

let dir = '';
afterEach(() => rm(dir, { recursive: true, force: true }));

describe('folderBlobStore', () => {
  it('stores bytes under their sha256 once and reads them back', async () => {
    dir = await mkdtemp(join(tmpdir(), 'blobs-'));
    const store = folderBlobStore(dir);
    const bytes = new TextEncoder().encode('a flat-lay');
    const sha = createHash('sha256').update(bytes).digest('hex');
    expect(await store.put(bytes)).toEqual({ sha256: sha, created: true });
    expect(await store.put(bytes)).toEqual({ sha256: sha, created: false });
    expect(Buffer.from((await store.get(sha))!).toString()).toBe('a flat-lay');
    expect(await store.has(sha)).toBe(true);
    expect(await readdir(join(dir, sha.slice(0, 2), sha.slice(2, 4)))).toEqual([sha]);
  });

  it('answers null for unknown hashes and refuses names that are not hashes', async () => {
    dir = await mkdtemp(join(tmpdir(), 'blobs-'));
    const store = folderBlobStore(dir);
    expect(await store.get('0'.repeat(64))).toBeNull();
    await expect(store.get('../../etc/passwd')).rejects.toThrow('not a sha256');
  });
});
