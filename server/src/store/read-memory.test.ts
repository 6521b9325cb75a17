// The short memory behind the recipe gate's approvals and the current lock: a value is read once and
// reused, a write through this process makes the next read go to the database, and a read that was
// under way when a write committed is not kept (it may predate the write).
import { describe, expect, it } from 'vitest';
import { createReadMemory } from './read-memory';

describe('createReadMemory', () => {
  it('reads once while remembered, and again after a write forgets', async () => {
    const memory = createReadMemory<string>(3_600_000);
    const db = {};
    let reads = 0;
    const load = async () => `approvals v${++reads}`;
    expect(await memory.read(db, 'northfold', load)).toBe('approvals v1');
    expect(await memory.read(db, 'northfold', load)).toBe('approvals v1');
    memory.forget(db);
    expect(await memory.read(db, 'northfold', load)).toBe('approvals v2');
    expect(await memory.read({}, 'northfold', load)).toBe('approvals v3');
  });

  it('does not keep a read that was under way when a write committed', async () => {
    const memory = createReadMemory<string>(3_600_000);
    const db = {};
    let release!: () => void;
    const slow = memory.read(db, 'k', () => new Promise<string>((resolve) => (release = () => resolve('before the write'))));
    memory.forget(db);
    release();
    expect(await slow).toBe('before the write');
    expect(await memory.read(db, 'k', async () => 'after the write')).toBe('after the write');
  });

  it('reads every time when the memory is zero', async () => {
    const memory = createReadMemory<number>(0);
    let reads = 0;
    const db = {};
    for (let i = 0; i < 3; i++) await memory.read(db, 'k', async () => ++reads);
    expect(reads).toBe(3);
  });
});
