// Webhook replays as the README promises them: an exact replay of a delivery the server accepted gets
// 409, from the process that accepted it and from one started later on the same database (it got 401
// in the first process, whose adapter remembered the delivery id, and 409 only after a restart).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readServerConfig } from '../config/server-config';
import { createLogger } from '../log/logger';
import { startBrandlockServer } from '../runtime/brandlock-server';
import { startTestServer, type TestServer } from '../../test-support/server/test-server';
import { ReplicateSimulator } from '../../test-support/simulators/replicate-simulator';

let sim: ReplicateSimulator;
let t: TestServer;
beforeAll(async () => {
  sim = await ReplicateSimulator.start();
  t = await startTestServer({ env: { ...sim.env(), BRANDLOCK_PUBLIC_URL: 'https://brandlock.example' } });
});
afterAll(async () => {
  await t?.close();
  await sim?.close();
});

describe('POST /v1/webhooks/{provider}', () => {
  it('answers 409 to an exact replay, in the same process and after a restart', async () => {
    const body = Buffer.from(JSON.stringify({ id: 'pred-replay-1', status: 'processing', model: 'black-forest-labs/flux-dev-lora', version: 'v1', input: {}, output: null, error: null, logs: '', urls: {} }));
    const headers = { ...sim.signWebhook(body, 'msg_replay_1'), 'content-type': 'application/json' };
    const deliver = (app: { request: typeof t.server.app.request }) => Promise.resolve(app.request('/v1/webhooks/replicate', { method: 'POST', body, headers }));

    expect((await deliver(t.server.app)).status).toBe(200);
    const again = await deliver(t.server.app);
    expect(again.status).toBe(409);
    expect(((await again.json()) as { error: { message: string } }).error.message).toMatch(/already (received|delivered)/);

    // A second server process on the same database: its adapter has never seen the delivery.
    const config = readServerConfig({ BRANDLOCK_DATA: t.dir, PORT: '0', ...sim.env(), BRANDLOCK_PUBLIC_URL: 'https://brandlock.example' }, t.dir);
    const restarted = await startBrandlockServer({ config, db: t.server.db, log: createLogger({ sink: () => undefined }), workers: false });
    try {
      expect((await deliver(restarted.app)).status).toBe(409);
    } finally {
      await restarted.stop();
    }
  });
});
