import { afterEach, describe, expect, it, vi } from 'vitest';
import { periodicTask } from './periodic-task';

afterEach(() => vi.useRealTimers());

describe('periodicTask', () => {
  it('never runs two passes at once, goes on after a failing pass, and stops', async () => {
    vi.useFakeTimers();
    let finish: (() => void) | null = null;
    const errors: unknown[] = [];
    let passes = 0;
    const task = periodicTask(() => {
      passes++;
      if (passes === 2) return Promise.reject(new Error('boom'));
      return new Promise<void>((resolve) => (finish = resolve));
    }, (e) => errors.push(e));
    task.start(100);
    await vi.advanceTimersByTimeAsync(350);
    expect(passes).toBe(1); // the first pass is still running: three ticks skipped
    finish!();
    await vi.advanceTimersByTimeAsync(100);
    expect(passes).toBe(2);
    expect(errors).toEqual([new Error('boom')]);
    await vi.advanceTimersByTimeAsync(100);
    expect(passes).toBe(3);
    task.stop();
    finish!();
    await vi.advanceTimersByTimeAsync(1000);
    expect(passes).toBe(3);
  });
});
