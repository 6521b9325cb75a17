// Loading a lock LUT's .cube when the server does not send it: the picked file must be the one the
// lock names and pins; its text is kept per lock version.
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { fakeEnvironment } from '../../../test/support/fake-env';
import { sampleLock } from '../../../test/support/sample-lock';
import { cachedLutCube, pickLutCube } from './load-lut-cube';

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
