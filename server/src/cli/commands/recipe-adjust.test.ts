// brandlock recipe adjust offline: the adjusted lock is written, the change is said in words, and the
// category's approval no longer holds (its recipe hash is new).
import { cp, mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { runCli } from '../run-cli';
import { captureIo } from '../../../test-support/capture-io';

const samples = new URL('../../../../samples/', import.meta.url).pathname;

it('writes the adjusted lock, says what changed, and the category needs a new approval', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'bl-adjust-'));
  for (const f of ['brand-lock.json', 'northfold.approvals.jsonl', 'luts']) await cp(join(samples, f), join(dir, f), { recursive: true });
  const io = captureIo(dir);
  expect(await runCli(['recipe', 'adjust', 'denim', '--set', 'steps=36', '--set', 'negativePrompt=no rips', '--lock', 'brand-lock.json', '--version', 'SS27.2', '--out', 'brand-lock.json'], io)).toBe(0);
  expect(io.stdout).toMatch(/~ Category "Denim" \(denim\): recipe steps changed from 28 to 36/);
  expect(io.stdout).toMatch(/~ Category "Denim" \(denim\): negative prompt changed from .* to "no rips"/);
  expect(JSON.parse(await readFile(join(dir, 'brand-lock.json'), 'utf8')).version).toBe('SS27.2');
  const status = captureIo(dir);
  expect(await runCli(['recipe', 'status', '--lock', 'brand-lock.json'], status)).toBe(1);
  expect(status.stdout).toMatch(/NO {2}denim +not approved: the recipe changed since Northfold art direction \(sample\) approved/);
  expect(status.stdout).toMatch(/ok {2}jersey /);
  const bad = captureIo(dir);
  expect(await runCli(['recipe', 'adjust', 'denim', '--set', 'steps=-3', '--lock', 'brand-lock.json', '--version', 'x', '--out', 'x.json'], bad)).toBe(1);
  expect(bad.stderr).toMatch(/categories\[1\]\.recipe\.steps/);
});
