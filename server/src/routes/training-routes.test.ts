// LoRA training through the server's API and queue against the loopback fal trainer simulator: an art
// director starts it from library photos, the job id is stored and polled to the end, and the result
// is pinned in a new lock version; designers may not start one, unusable picks are refused by name.
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../test-support/server/test-server';
import { FalTrainerSimulator } from '../../test-support/simulators/fal-trainer-simulator';

const samples = new URL('../../../samples/', import.meta.url);
let t: TestServer;
let fal: FalTrainerSimulator;
const ids: string[] = [];
const post = (body: unknown, token?: string) => ({ method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body), ...(token ? { token } : {}) });

beforeAll(async () => {
  fal = await FalTrainerSimulator.start();
  t = await startTestServer({ trainerEnv: fal.env() });
  expect((await t.request('/v1/locks', { method: 'POST', headers: { 'content-type': 'application/json' }, body: await readFile(new URL('brand-lock.json', samples), 'utf8') })).status).toBe(201);
  for (const f of ['solidus-hoodie-red-cutout.png', 'solidus-hoodie-black-cutout.png', 'solidus-longsleeve-red-cutout.png', 'payload-tshirt-black-cutout.png']) {
    const res = await t.request(`/v1/library?path=packshot/${f}`, { method: 'POST', headers: { 'content-type': 'application/octet-stream' }, body: await readFile(new URL(`photos/packshot/${f}`, samples)) });
    ids.push((await res.json()).id);
  }
}, 120_000);
afterAll(async () => {
  await t.close();
  await fal.close();
});

describe('training routes', () => {
  it('trains ava\'s LoRA on the queue and pins it in a new lock version', async () => {
    const ines = await t.tokenFor('art-director', 'Ines (AD)');
    const designer = await t.tokenFor('designer');
    expect((await t.request('/v1/trainings', post({ provider: 'fal', modelProfile: 'ava', assets: ids }, designer))).status).toBe(403);
    expect((await t.request('/v1/trainings', post({ provider: 'fal', modelProfile: 'ava', assets: ids.slice(0, 3) }, ines))).status).toBe(400);
    const bad = await t.request('/v1/trainings', post({ provider: 'fal', modelProfile: 'ava', assets: [...ids.slice(0, 3), '0'.repeat(64)] }, ines));
    expect(bad.status).toBe(422);
    expect((await bad.json()).error.issues[0]).toMatchObject({ path: 'assets[3]', message: 'not in the library' });
    expect((await t.request('/v1/trainings', post({ provider: 'replicate', modelProfile: 'ava', assets: ids }, ines))).status).toBe(422);

    const created = await t.request('/v1/trainings', post({ provider: 'fal', modelProfile: 'ava', assets: ids, steps: 500 }, ines));
    expect(created.status).toBe(202);
    const { id } = await created.json();
    expect((await t.request(`/v1/trainings/${id}/pin`, post({ version: 'SS27.2' }, ines))).status).toBe(409);
    let training;
    for (let i = 0; i < 120; i++) {
      training = await (await t.request(`/v1/trainings/${id}`)).json();
      if (['succeeded', 'failed', 'canceled'].includes(training.state)) break;
      await new Promise((r) => setTimeout(r, 250));
    }
    expect(training).toMatchObject({ state: 'succeeded', providerJobId: expect.any(String), result: { provider: 'fal', steps: 500, trainingSet: { images: [...ids].sort() } } });
    expect(fal.submissions).toHaveLength(1);
    const pin = await t.request(`/v1/trainings/${id}/pin`, post({ version: 'SS27.2' }, ines));
    expect(pin.status).toBe(201);
    const pinned = await pin.json();
    expect(pinned.lock.version).toBe('SS27.2');
    expect(pinned.changes.join('\n')).toMatch(/Model profile "Ava" \(ava\): lora ref changed/);
    const events = await (await t.request('/v1/audit/events?action=training.pin')).json();
    expect(events.events[0]).toMatchObject({ actor: 'Ines (AD)', subject: id });
  }, 120_000);
});
