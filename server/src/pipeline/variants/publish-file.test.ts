import { describe, expect, it, afterAll } from 'vitest';
import { readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { publishFile } from './publish-file';
import { tempDir, removeTempDirs } from './test-support';

afterAll(removeTempDirs);

describe('publishFile', () => {
  it('writes the bytes under the name and leaves no temporary file', async () => {
    const dir = await tempDir('publish');
    const path = await publishFile(dir, 'a.jpg', new Uint8Array([1, 2, 3]));
    expect(path).toBe(join(dir, 'a.jpg'));
    expect([...(await readFile(path))]).toEqual([1, 2, 3]);
    expect(await readdir(dir)).toEqual(['a.jpg']);
  });

  it('never replaces an existing file', async () => {
    const dir = await tempDir('publish');
    await writeFile(join(dir, 'a.jpg'), 'original');
    await expect(publishFile(dir, 'a.jpg', new Uint8Array([9]))).rejects.toMatchObject({ code: 'exists' });
    expect(await readFile(join(dir, 'a.jpg'), 'utf8')).toBe('original');
    expect(await readdir(dir)).toEqual(['a.jpg']);
  });

  it.each(['../x.jpg', 'sub/x.jpg', '/etc/x.jpg', '.hidden.jpg', '..'])('refuses the unsafe name %j', async (name) => {
    const dir = await tempDir('publish');
    await expect(publishFile(dir, name, new Uint8Array([1]))).rejects.toMatchObject({ code: 'unsafe_path' });
    expect(await readdir(dir)).toEqual([]);
  });
});
