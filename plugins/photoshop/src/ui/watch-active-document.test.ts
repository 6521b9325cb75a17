// The panel reads the active document every second only while Photoshop shows it: each read is a
// round trip to Photoshop, and a collapsed or closed panel kept reading forever.
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { fakeEnvironment } from '../../test/support/fake-env';
import { studioImage } from '../../test/support/studio-image';
import { createVisibility } from './panel-visibility';
import { watchActiveDocument } from './use-active-document';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

it('stops reading while the panel is hidden and reads again the moment it is shown', async () => {
  const { ps } = fakeEnvironment();
  let reads = 0;
  const activeDocument = ps.activeDocument.bind(ps);
  ps.activeDocument = async () => {
    reads++;
    return activeDocument();
  };
  const visibility = createVisibility();
  const seen: (string | null)[] = [];
  const stop = watchActiveDocument(ps, (d) => seen.push(d?.title ?? null), visibility);
  await vi.advanceTimersByTimeAsync(3000);
  expect(reads).toBe(4);
  visibility.set(false);
  await vi.advanceTimersByTimeAsync(60_000);
  expect(reads).toBe(4);
  ps.addDocument({ title: 'NF-WV-1002_terracotta_front.psd', pixels: studioImage({ width: 40, height: 60 }) });
  visibility.set(true);
  await vi.advanceTimersByTimeAsync(0);
  expect(reads).toBe(5);
  expect(seen.at(-1)).toBe('NF-WV-1002_terracotta_front.psd');
  stop();
  await vi.advanceTimersByTimeAsync(5000);
  expect(reads).toBe(5);
});
