// The real brandlock server for the plugin's tests, on a loopback port: the same composition as
// `npm start` (PGlite, pg-boss, blob folder, the local provider), with the demo brand's lock published
// its recipes approved by an art director (the sample ships approvals: samples/northfold.approvals.jsonl),
// its brief uploaded by an admin, and a retoucher token for the panel.
// The server's test support is loaded by a computed path so that the plugin's type-check (DOM lib,
// for the panel) does not compile the server, which is type-checked on its own (Node lib).
import { readFileSync } from 'node:fs';

const samples = new URL('../../../../samples/', import.meta.url);
const serverTestSupport = new URL('../../../../server/test-support/server/test-server.ts', import.meta.url).href;

/** What these tests use of server/test-support/server/test-server.ts. */
export interface ServerForTests {
  url: string;
  tokenFor(role: 'admin' | 'art-director' | 'designer' | 'retoucher' | 'service', name?: string): Promise<string>;
  request(path: string, init?: RequestInit & { token?: string | null }): Promise<Response>;
  close(): Promise<void>;
}

export interface PluginTestServer {
  server: ServerForTests;
  url: string;
  retoucherToken: string;
  briefId: string;
  close(): Promise<void>;
}

export interface PluginTestServerOptions {
  /** Changes the sample lock before it is published (smaller recipes and clips for video tests). */
  editLock?: (lock: { categories: { id: string; recipe?: Record<string, unknown>; video?: Record<string, unknown> | null }[] }) => void;
}

export async function startPluginTestServer(options: PluginTestServerOptions = {}): Promise<PluginTestServer> {
  const { startTestServer } = (await import(serverTestSupport)) as { startTestServer(options: { listen: boolean }): Promise<ServerForTests> };
  const server = await startTestServer({ listen: true });
  const lock = JSON.parse(readFileSync(new URL('brand-lock.json', samples), 'utf8'));
  options.editLock?.(lock);
  const published = await server.request('/v1/locks', { method: 'POST', body: JSON.stringify(lock), headers: { 'content-type': 'application/json' } });
  if (published.status !== 201) throw new Error(`publishing the sample lock failed: ${published.status} ${await published.text()}`);
  const director = await server.tokenFor('art-director', 'Northfold art direction (sample)');
  const { recipes } = (await (await server.request('/v1/recipes')).json()) as { recipes: { category: string; recipeHash: string }[] };
  for (const r of recipes) {
    const approved = await server.request(`/v1/recipes/${r.category}/approval`, { method: 'POST', token: director, body: JSON.stringify({ recipeHash: r.recipeHash, note: 'the sample ships approvals' }), headers: { 'content-type': 'application/json' } });
    if (approved.status !== 201) throw new Error(`approving the sample's ${r.category} recipe failed: ${approved.status} ${await approved.text()}`);
  }
  const text = readFileSync(new URL('brief.csv', samples), 'utf8');
  const uploaded = await server.request('/v1/briefs', { method: 'POST', body: JSON.stringify({ name: 'SS27 core range', text, format: 'csv' }), headers: { 'content-type': 'application/json' } });
  if (uploaded.status !== 201) throw new Error(`uploading the sample brief failed: ${uploaded.status} ${await uploaded.text()}`);
  const { id: briefId } = (await uploaded.json()) as { id: string };
  return { server, url: server.url, retoucherToken: await server.tokenFor('retoucher', 'Dana Retoucher'), briefId, close: () => server.close() };
}

/**
 * A finished video job as production makes one: the sample brief's video SKU (NF-JR-3005, heather
 * zip hoodie, front) generated from its sample packshot, the still approved by an art director when
 * QC did not pass it on its own (a loop starts only from an approved or passing still), then its loop
 * made by the local provider and frame-checked. Returns the video job's id.
 */
export async function makeVideoJob(s: PluginTestServer): Promise<string> {
  const director = await s.server.tokenFor('art-director', 'Ines (AD)');
  const call = async (path: string, init: RequestInit & { token?: string } = {}) => {
    const res = await s.server.request(path, { token: s.retoucherToken, ...init });
    if (!res.ok) throw new Error(`${init.method ?? 'GET'} ${path}: ${res.status} ${await res.text()}`);
    return res.json() as Promise<any>;
  };
  const watch = async (id: string) => {
    for (;;) {
      const job = await call(`/v1/jobs/${id}`);
      if (['succeeded', 'failed', 'canceled'].includes(job.state)) return job;
      await new Promise((r) => setTimeout(r, 250));
    }
  };
  const photo = readFileSync(new URL('photos/packshot/solidus-zip-hoodie-grey-white-bg.jpg', samples));
  const upload = await call('/v1/uploads', { method: 'PUT', body: photo, headers: { 'content-type': 'image/jpeg' } });
  const json = { 'content-type': 'application/json' };
  const still = await watch((await call('/v1/jobs', { method: 'POST', headers: json, body: JSON.stringify({ kind: 'generate', brief: s.briefId, sku: 'NF-JR-3005', view: 'front', sources: [upload.ref] }) })).id);
  if (still.state !== 'succeeded') throw new Error(`the still failed: ${JSON.stringify(still.error)}`);
  if (!['ready', 'approved'].includes(still.outputs[0].reviewStatus)) {
    await call(`/v1/review/${still.outputs[0].assetId}`, { method: 'POST', token: director, headers: json, body: JSON.stringify({ decision: 'approve', reason: 'colour and zip right' }) });
  }
  const video = await watch((await call('/v1/jobs', { method: 'POST', headers: json, body: JSON.stringify({ kind: 'video', brief: s.briefId, sku: 'NF-JR-3005', view: 'front' }) })).id);
  if (video.state !== 'succeeded') throw new Error(`the video job failed: ${JSON.stringify(video.error)}`);
  return video.id;
}

/** The sample brief's columns, for briefs a test writes row by row. */
const BRIEF_HEADER = 'sku,colorway,category,fabric,fabric_weight,silhouette,swatch,source_images,channels,markets,views,model,notes,video_views';

/**
 * Uploads another brief to the test server (as its admin) and returns its id.
 * @example await uploadBrief(s, 'two colourways', ['NF-WV-1001,Chalk,wovens,,,,chalk,,,,,ava,,'])
 */
export async function uploadBrief(s: PluginTestServer, name: string, rows: string[]): Promise<string> {
  const text = [BRIEF_HEADER, ...rows].join('\n');
  const uploaded = await s.server.request('/v1/briefs', { method: 'POST', body: JSON.stringify({ name, text, format: 'csv' }), headers: { 'content-type': 'application/json' } });
  if (uploaded.status !== 201) throw new Error(`uploading the brief "${name}" failed: ${uploaded.status} ${await uploaded.text()}`);
  return ((await uploaded.json()) as { id: string }).id;
}

/** One style briefed in two colourways, each its own row and swatch: NF-WV-1001 in Chalk and Oat. */
export const TWO_COLOURWAYS = [
  'NF-WV-1001,Chalk,wovens,organic cotton poplin,120 gsm,relaxed button-down shirt,chalk,,,,,ava,,',
  'NF-WV-1001,Oat,wovens,organic cotton poplin,120 gsm,relaxed button-down shirt,oat,,,,,ava,,',
];
