// A LoRA trained by brandlock reaches generation: an art director trains ava's LoRA on fal's trainer
// simulator and pins it in a new lock version; a generate job on fal (whose provider map names the
// base model but not the new weights) sends the trained weights URL as `loras[].path`, the fal
// simulator downloads exactly those weights, and the production record names them with their sha256.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../test-support/server/test-server';
import { FalSimulator } from '../../test-support/simulators/fal-simulator';
import { FalTrainerSimulator } from '../../test-support/simulators/fal-trainer-simulator';
import { remoteProviderRegistrations } from '../providers/remote-providers';

const samples = new URL('../../../samples/', import.meta.url);
const dir = mkdtempSync(join(tmpdir(), 'brandlock-trained-lora-'));
let trainer: FalTrainerSimulator;
let fal: FalSimulator;
let t: TestServer;
const post = (body: unknown, token?: string) => ({ method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body), ...(token ? { token } : {}) });

async function until<T>(fn: () => Promise<T>, ok: (v: T) => boolean, ms = 60_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (ok(v) || Date.now() > end) return v;
    await new Promise((r) => setTimeout(r, 200));
  }
}

beforeAll(async () => {
  trainer = await FalTrainerSimulator.start();
  fal = await FalSimulator.start({ queueMs: 20, runMs: 40, imageMaxSide: 256 });
  // The map knows the base model and the other LoRAs, not the weights trained today.
  const mapPath = join(dir, 'provider-map.json');
  writeFileSync(mapPath, JSON.stringify({ fal: { models: { 'flux-1-dev': 'fal-ai/flux-lora' }, loras: { 'northfold/models/ava-v3': 'https://weights.example/ava-v3.safetensors' } } }));
  const env = { ...fal.env(), FAL_POLL_INTERVAL_MS: '50', BRANDLOCK_PROVIDER_MAP: mapPath };
  t = await startTestServer({ env, trainerEnv: trainer.env(), remotes: remoteProviderRegistrations(env) });
  expect((await t.request('/v1/locks', { method: 'POST', headers: { 'content-type': 'application/json' }, body: await readFile(new URL('brand-lock.json', samples), 'utf8') })).status).toBe(201);
}, 120_000);
afterAll(async () => {
  await t?.close();
  await fal?.close();
  await trainer?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('a trained LoRA in generation', () => {
  it('train -> pin -> generate on fal: the trained weights are sent, downloaded and recorded with their sha256', async () => {
    const ines = await t.tokenFor('art-director', 'Ines (AD)');
    const ids: string[] = [];
    for (const f of ['solidus-hoodie-red-cutout.png', 'solidus-hoodie-black-cutout.png', 'solidus-longsleeve-red-cutout.png', 'payload-tshirt-black-cutout.png']) {
      const res = await t.request(`/v1/library?path=packshot/${f}`, { method: 'POST', headers: { 'content-type': 'application/octet-stream' }, body: await readFile(new URL(`photos/packshot/${f}`, samples)) });
      ids.push((await res.json()).id);
    }
    const { id } = await (await t.request('/v1/trainings', post({ provider: 'fal', modelProfile: 'ava', assets: ids, steps: 500 }, ines))).json();
    const training = await until(async () => (await t.request(`/v1/trainings/${id}`)).json(), (x) => ['succeeded', 'failed', 'canceled'].includes(x.state));
    expect(training.state).toBe('succeeded');
    const pin = await t.request(`/v1/trainings/${id}/pin`, post({ version: 'SS27.2' }, ines));
    expect(pin.status).toBe(201);
    const weights = training.result as { weightsUrl: string; weightsSha256: string };

    const item = { sku: 'NF-TR-1', colorway: 'Indigo', category: 'denim', fabric: 'rigid denim', silhouette: 'straight jean', swatch: 'indigo-rinse', model: 'ava' };
    const created = await t.request('/v1/jobs', post({ kind: 'generate', provider: 'fal', item, pilot: 1 }));
    const createdBody = await created.json();
    expect(created.status, JSON.stringify(createdBody)).toBe(202);
    const job = await until(async () => (await t.request(`/v1/jobs/${createdBody.id}`)).json(), (j) => ['succeeded', 'failed', 'canceled'].includes(j.state));
    expect(job.state, JSON.stringify(job.error)).toBe('succeeded');

    expect(fal.submissions).toHaveLength(1);
    expect(fal.submissions[0]).toMatchObject({ endpoint: 'fal-ai/flux-lora', loras: [{ path: weights.weightsUrl, scale: 0.85 }] });
    expect(fal.loraDownloads).toEqual([{ path: weights.weightsUrl, sha256: weights.weightsSha256 }]);
    const [record] = (await (await t.request(`/v1/audit?job=${job.id}`)).json()).records;
    expect(record.loraWeights).toEqual([{ ref: weights.weightsUrl, weights: weights.weightsUrl, sha256: weights.weightsSha256, via: 'trained' }]);
  }, 180_000);
});
