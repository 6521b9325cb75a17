// A loop through the server on Runway's simulator, as a production lead runs it: the still passes
// QC on the local provider, the video job goes to gen4_turbo (which takes no last frame, so a second
// more than the brief is asked for), post-production crossfades the end of the raw clip into its start
// so the loop closes, frame QC passes the seam it would otherwise reject, and the record keeps the raw
// clip's hash and says what was done.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBrandlockClient, type BrandlockClient } from '@brandlock/core/api';
import { startTestServer, type TestServer } from '../../test-support/server/test-server';
import { RunwaySimulator } from '../../test-support/simulators/runway-simulator';
import { TEST_MAP } from '../../test-support/simulators/provider-fixtures';
import { remoteProviderRegistrations } from '../providers/remote-providers';
import { approveCurrentRecipes } from '../../test-support/server/approve-recipes';

const samples = new URL('../../../samples/', import.meta.url);
const dir = mkdtempSync(join(tmpdir(), 'brandlock-remote-video-'));
let sim: RunwaySimulator;
let t: TestServer;
let api: BrandlockClient;
let briefId = '';

beforeAll(async () => {
  sim = await RunwaySimulator.start({ queueMs: 20, runMs: 40, videoScale: 0.25 });
  const mapPath = join(dir, 'provider-map.json');
  writeFileSync(mapPath, JSON.stringify(TEST_MAP));
  const env = { ...sim.env(), BRANDLOCK_PROVIDER_MAP: mapPath, RUNWAY_POLL_INTERVAL_MS: '50' };
  t = await startTestServer({ listen: true, env, remotes: remoteProviderRegistrations(env) });
  api = createBrandlockClient({ baseUrl: t.url, token: t.adminToken });
  const lock = JSON.parse(await readFile(new URL('brand-lock.json', samples), 'utf8'));
  for (const c of lock.categories) c.recipe = { ...c.recipe, width: 512, height: 768 };
  lock.categories.find((c: { id: string }) => c.id === 'jersey').video.durationSeconds = 3;
  await api.locks.publish(lock);
  await approveCurrentRecipes(api);
  for (const lut of ['warm-studio', 'cool-editorial']) await api.luts.put(await readFile(new URL(`luts/${lut}.cube`, samples)));
  const text = ['sku,colorway,category,fabric,fabric_weight,silhouette,swatch,views,video_views,model', 'NF-JR-3005,Heather grey,jersey,brushed cotton fleece,300 gsm,zip-through hoodie,heather,front,front,mei'].join('\n');
  briefId = (await api.briefs.upload({ name: 'remote video', text })).id;
}, 120_000);
afterAll(async () => {
  await t?.close();
  await sim?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('a Runway loop through the server', () => {
  it('asks for a second more, closes the loop with a crossfade, and frame QC passes its seam', async () => {
    const source = (await api.uploads.put(await readFile(new URL('photos/packshot/solidus-zip-hoodie-grey-white-bg.jpg', samples)), 'image/jpeg')).ref;
    const still = await api.jobs.watch((await api.jobs.create({ kind: 'generate', brief: briefId, sku: 'NF-JR-3005', provider: 'local', sources: [source] })).id);
    expect(still.outputs[0].reviewStatus).toBe('ready');
    const video = await api.jobs.watch((await api.jobs.create({ kind: 'video', brief: briefId, sku: 'NF-JR-3005', view: 'front', provider: 'runway' })).id);
    expect(video.state, video.error?.message).toBe('succeeded');
    expect(sim.requests.filter((r) => r.method === 'POST' && r.path === '/v1/image_to_video')).toHaveLength(1);
    const [record] = (await api.audit.query({ job: video.id })).records;
    expect(record.post!.steps).toEqual([{ step: 'loop', applied: true, detail: 'loop closed: the last 1.00 s crossfaded into the first (the model takes no last frame); 4.00 s made, 3.00 s kept' }]);
    expect(record.post!.rawSha256).not.toBe(record.sha256);
    expect(record.note).toContain('the model takes no last frame');
    expect(record.video).toMatchObject({ offline: false, clip: { durationSeconds: 3, fps: 24, frames: 72 } });
    expect(record.model).toBe('gen4_turbo');
    const seam = record.qc.findings.find((f) => f.rule === 'loop-seam');
    expect(seam, JSON.stringify(record.qc.findings)).toBeUndefined(); // only failing findings are listed: the seam passed
    expect(record.qc.measurements.seamJump).toBeLessThan(3);
  }, 240_000);
});
