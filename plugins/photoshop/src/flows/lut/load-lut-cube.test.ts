// Loading a lock LUT's .cube: from the server when it holds the file (checked against the lock's
// pin), else the picked file, which must be the one the lock names and pins; its text is kept per
// lock version.
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { fakeEnvironment } from '../../../test/support/fake-env';
import { sampleLock } from '../../../test/support/sample-lock';
import { cachedLutCube, loadLutCube, pickLutCube } from './load-lut-cube';

const { lock, hash } = sampleLock();
const ref = lock.luts.find((l) => l.id === 'warm-studio')!;
const bytes = readFileSync(new URL('../../../../../samples/luts/warm-studio.cube', import.meta.url));

it('keeps the picked file when its name and SHA-256 match the lock', async () => {
  const env = fakeEnvironment();
  env.fs.nextPickedFile = env.fs.put('/lock/luts/warm-studio.cube', new Uint8Array(bytes));
  expect(await cachedLutCube(env, ref, hash)).toBeNull();
  const text = await pickLutCube({ files: env.fs, settings: env.settings }, ref, hash);
  expect(text).toBe(bytes.toString('utf8'));
  expect(await cachedLutCube(env, ref, hash)).toBe(text);
});

it('refuses a file with another name, or the right name and other content', async () => {
  const env = fakeEnvironment();
  env.fs.nextPickedFile = env.fs.put('/lock/luts/cool-editorial.cube', new Uint8Array(bytes));
  await expect(pickLutCube({ files: env.fs, settings: env.settings }, ref, hash)).rejects.toThrow('You picked "cool-editorial.cube", but the lock\'s Warm studio grade is "warm-studio.cube".');
  env.fs.nextPickedFile = env.fs.put('/old/warm-studio.cube', new TextEncoder().encode(`${bytes.toString('utf8')}\n# edited`));
  await expect(pickLutCube({ files: env.fs, settings: env.settings }, ref, hash)).rejects.toThrow(/^"warm-studio.cube" is not the Warm studio grade this lock pins: its SHA-256 is/);
  env.fs.nextPickedFile = null;
  await expect(pickLutCube({ files: env.fs, settings: env.settings }, ref, hash)).rejects.toMatchObject({ code: 'cancelled' });
});

it('takes the LUT from the server when it has it, refuses one that is not the pinned file, and asks for the file when it has none', async () => {
  const text = bytes.toString('utf8');
  let served: string | null = text;
  const session = { lutCube: async (id: string) => (id === 'warm-studio' ? served : null) };
  const env = fakeEnvironment();
  expect(await loadLutCube({ files: env.fs, settings: env.settings }, session, ref, hash)).toBe(text);
  expect(await cachedLutCube(env, ref, hash)).toBe(text);

  const other = fakeEnvironment();
  served = `${text}\n# edited on the server`;
  await expect(loadLutCube({ files: other.fs, settings: other.settings }, session, ref, hash)).rejects.toThrow(/^The server sent a Warm studio grade whose SHA-256 .* is not the one the lock pins/);
  expect(await cachedLutCube(other, ref, hash)).toBeNull();

  served = null;
  other.fs.nextPickedFile = other.fs.put('/lock/luts/warm-studio.cube', new Uint8Array(bytes));
  expect(await loadLutCube({ files: other.fs, settings: other.settings }, session, ref, hash)).toBe(text);
});
