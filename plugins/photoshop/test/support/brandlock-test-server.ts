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

export async function startPluginTestServer(): Promise<PluginTestServer> {
  const { startTestServer } = (await import(serverTestSupport)) as { startTestServer(options: { listen: boolean }): Promise<ServerForTests> };
  const server = await startTestServer({ listen: true });
  const lock = JSON.parse(readFileSync(new URL('brand-lock.json', samples), 'utf8'));
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
