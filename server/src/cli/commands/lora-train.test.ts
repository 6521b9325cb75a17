// brandlock lora train against loopback simulators of fal's FLUX LoRA trainer and Replicate
// trainings (storage/file upload, queue or training status, result shapes): library photos an art
// director tagged go in as a zip, the trained LoRA comes back pinned in a new lock version, a rerun
// resumes instead of paying twice, and bad picks or a missing key are refused by name.
import { cp, mkdtemp, readFile } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../run-cli';
import { captureIo } from '../../../test-support/capture-io';
import { FalTrainerSimulator } from '../../../test-support/simulators/fal-trainer-simulator';
import { ReplicateTrainerSimulator } from '../../../test-support/simulators/replicate-trainer-simulator';

const samples = new URL('../../../../samples/', import.meta.url).pathname;
let dir: string;
let fal: FalTrainerSimulator;
let replicate: ReplicateTrainerSimulator;
const base = () => ({ BRANDLOCK_DATA: join(dir, 'data'), BRANDLOCK_POLL_MIN_MS: '50' });
const cli = async (env: Record<string, string>, ...args: string[]) => {
  const io = captureIo(dir, env);
  const code = await runCli(args, io);
  return { code, out: io.stdout, err: io.stderr };
};

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'bl-lora-'));
  for (const f of ['brand-lock.json', 'northfold.approvals.jsonl', 'luts']) await cp(join(samples, f), join(dir, f), { recursive: true });
  fal = await FalTrainerSimulator.start();
  replicate = await ReplicateTrainerSimulator.start();
  const add = await cli(base(), 'library', 'add', join(samples, 'photos/packshot'), '--lock', 'brand-lock.json', '--tag', 'train-ava');
  expect(add.code, add.err).toBe(0);
  await cli(base(), 'library', 'add', join(samples, 'photos/flatlay/cd-skirt-wood-floor-warm-cast.jpg'), '--tag', 'too-few');
}, 180_000);
afterAll(async () => {
  await fal.close();
  await replicate.close();
});

describe('brandlock lora train', () => {
  it('trains on fal, pins the LoRA with its training record in a new lock, and resumes instead of resubmitting', async () => {
    const args = ['lora', 'train', '--provider', 'fal', '--lock', 'brand-lock.json', '--model-profile', 'ava', '--tag', 'train-ava', '--steps', '800', '--out', 'lock-fal.json', '--version', 'SS27.2'];
    const res = await cli({ ...base(), ...fal.env() }, ...args);
    expect(res.code, res.err).toBe(0);
    expect(fal.submissions).toHaveLength(1);
    expect(fal.submissions[0]).toMatchObject({ trigger_word: 'nfava', steps: 800, create_masks: true });
    expect(res.out).toMatch(/~ Model profile "Ava" \(ava\): lora ref changed from "northfold\/models\/ava-v3" to "http:\/\/127\.0\.0\.1:\d+\/files\//);
    const doc = JSON.parse(await readFile(join(dir, 'lock-fal.json'), 'utf8'));
    const lora = doc.models.find((m: { id: string }) => m.id === 'ava').lora;
    expect(lora).toMatchObject({ triggerWord: 'nfava', strength: 0.85, training: { provider: 'fal', trainer: 'fal-ai/flux-lora-fast-training', steps: 800, cost: { usd: null } } });
    expect(lora.training.trainingSet.images).toHaveLength(10);
    const weights = new Uint8Array(await (await fetch(lora.ref)).arrayBuffer());
    expect(lora.training.weightsSha256).toBe(createHash('sha256').update(weights).digest('hex'));
    const status = await cli({}, 'recipe', 'status', '--lock', 'lock-fal.json');
    expect(status.out).toMatch(/NO {2}wovens +not approved: the recipe changed since/);
    expect(status.code).toBe(1);
    expect(status.out).not.toMatch(/^ +ok /m);

    const again = await cli({ ...base(), ...fal.env() }, ...args);
    expect(again.code, again.err).toBe(0);
    expect(again.out).toMatch(/\(resumed\)/);
    expect(fal.submissions).toHaveLength(1);
  }, 120_000);

  it('trains on Replicate with the destination version and a cost from the run time', async () => {
    const res = await cli({ ...base(), ...replicate.env(), BRANDLOCK_TRAIN_PRICE_REPLICATE: '0.001528' }, 'lora', 'train', '--provider', 'replicate', '--lock', 'brand-lock.json', '--model-profile', 'kofi', '--tag', 'train-ava', '--trigger', 'nfkofi', '--out', 'lock-rep.json', '--version', 'SS27.3');
    expect(res.code, res.err).toBe(0);
    const doc = JSON.parse(await readFile(join(dir, 'lock-rep.json'), 'utf8'));
    const training = doc.models.find((m: { id: string }) => m.id === 'kofi').lora.training;
    expect(training).toMatchObject({ provider: 'replicate', version: expect.stringMatching(/^northfold\/ava-lora:[0-9a-f]{64}$/), cost: { usd: 0, basis: expect.stringMatching(/0\.12 s of run time/) } });
    const check = await cli({}, 'lock', 'check', join(dir, 'lock-rep.json'));
    expect(check.code, check.err).toBe(0);
  }, 120_000);

  it('refuses too few photos, an unknown profile and a missing key, naming them', async () => {
    const few = await cli({ ...base(), ...fal.env() }, 'lora', 'train', '--provider', 'fal', '--lock', 'brand-lock.json', '--model-profile', 'ava', '--tag', 'too-few', '--out', 'x.json', '--version', 'x');
    expect(few.code).toBe(1);
    expect(few.err).toMatch(/1 photo picked; brandlock asks for at least 4/);
    const nokey = await cli(base(), 'lora', 'train', '--provider', 'replicate', '--lock', 'brand-lock.json', '--model-profile', 'ava', '--tag', 'train-ava', '--out', 'x.json', '--version', 'x');
    expect(nokey.err).toMatch(/REPLICATE_API_TOKEN is not set/);
    const who = await cli(base(), 'lora', 'train', '--provider', 'fal', '--lock', 'brand-lock.json', '--model-profile', 'zoe', '--tag', 'train-ava', '--out', 'x.json', '--version', 'x');
    expect(who.code).toBe(2);
    expect(who.err).toMatch(/no model profile "zoe"/);
  }, 60_000);
});
