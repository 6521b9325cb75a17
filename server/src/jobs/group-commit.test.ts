// Group commit: writes that arrive together are written by one call and each caller gets its own
// answer; a group whose write throws is written again item by item, so one bad item fails alone.
import { describe, expect, it } from 'vitest';
import { createGroupCommit } from './group-commit';

describe('createGroupCommit', () => {
  it('writes items that arrive together in one group, at most maxGroup at a time, answering each with its own result', async () => {
    const groups: number[][] = [];
    const commit = createGroupCommit(async (items: number[]) => {
      groups.push(items);
      return items.map((i) => i * 10);
    }, { maxGroup: 3 });
    expect(await Promise.all([1, 2, 3, 4, 5].map((i) => commit.write(i)))).toEqual([10, 20, 30, 40, 50]);
    expect(groups).toEqual([[1, 2, 3], [4, 5]]);
  });

  it('gathers what arrives while a group is being written into the next group', async () => {
    const groups: string[][] = [];
    const commit = createGroupCommit(async (items: string[]) => {
      groups.push(items);
      await new Promise((r) => setTimeout(r, 20));
      return items.map((i) => i.toUpperCase());
    }, { maxGroup: 64 });
    const first = commit.write('a');
    await new Promise((r) => setTimeout(r, 5));
    const later = ['b', 'c', 'd'].map((i) => commit.write(i));
    expect(await Promise.all([first, ...later])).toEqual(['A', 'B', 'C', 'D']);
    expect(groups).toEqual([['a'], ['b', 'c', 'd']]);
  });

  it('waits, briefly, for items it is told are on their way, and a lone writer does not wait', async () => {
    const groups: string[][] = [];
    let onTheWay = 1;
    const commit = createGroupCommit(async (items: string[]) => {
      groups.push(items);
      return items;
    }, { maxGroup: 64, arriving: () => onTheWay > 0, gatherMs: 10_000 });
    const first = commit.write('a');
    // The second request is still being planned for a few turns of the event loop.
    for (let i = 0; i < 5; i++) await new Promise((r) => setImmediate(r));
    onTheWay = 0;
    const second = commit.write('b');
    expect(await Promise.all([first, second])).toEqual(['a', 'b']);
    expect(await commit.write('c')).toBe('c');
    expect(groups).toEqual([['a', 'b'], ['c']]);
  });

  it('stops waiting after gatherMs for an item that does not come', async () => {
    const groups: string[][] = [];
    const commit = createGroupCommit(async (items: string[]) => {
      groups.push(items);
      return items;
    }, { maxGroup: 64, arriving: () => true, gatherMs: 20 });
    expect(await commit.write('a')).toBe('a');
    expect(groups).toEqual([['a']]);
  });

  it('fails only the bad item when a group write throws', async () => {
    const groups: string[][] = [];
    const commit = createGroupCommit(async (items: string[]) => {
      groups.push(items);
      if (items.includes('bad')) throw new Error('row "bad" violates a constraint');
      return items.map((i) => `${i} written`);
    }, { maxGroup: 64 });
    const results = await Promise.allSettled(['one', 'bad', 'two'].map((i) => commit.write(i)));
    expect(results).toEqual([
      { status: 'fulfilled', value: 'one written' },
      { status: 'rejected', reason: new Error('row "bad" violates a constraint') },
      { status: 'fulfilled', value: 'two written' },
    ]);
    expect(groups).toEqual([['one', 'bad', 'two'], ['one'], ['bad'], ['two']]);
    expect(await commit.write('after')).toBe('after written');
  });
});
