// The real brandlock server for the plugin's tests, on a loopback port: the same composition as
// `npm start` (PGlite, pg-boss, blob folder, the local provider), with the demo brand's lock published
// and its brief uploaded by an admin, and a retoucher token for the panel.
import { readFileSync } from 'node:fs';
import { startTestServer, type TestServer } from '../../../../server/test-support/server/test-server';

const samples = new URL('../../../../samples/', import.meta.url);

export interface PluginTestServer {
  server: TestServer;
  url: string;
  retoucherToken: string;
  briefId: string;
  close(): Promise<void>;
}

export async function startPluginTestServer(): Promise<PluginTestServer> {
  const server = await startTestServer({ listen: true });
  const lock = JSON.parse(readFileSync(new URL('brand-lock.json', samples), 'utf8'));
  const published = await server.request('/v1/locks', { method: 'POST', body: JSON.stringify(lock), headers: { 'content-type': 'application/json' } });
  if (published.status !== 201) throw new Error(`publishing the sample lock failed: ${published.status} ${await published.text()}`);
  const text = readFileSync(new URL('brief.csv', samples), 'utf8');
  const uploaded = await server.request('/v1/briefs', { method: 'POST', body: JSON.stringify({ name: 'SS27 core range', text, format: 'csv' }), headers: { 'content-type': 'application/json' } });
  if (uploaded.status !== 201) throw new Error(`uploading the sample brief failed: ${uploaded.status} ${await uploaded.text()}`);
  const { id: briefId } = (await uploaded.json()) as { id: string };
  return { server, url: server.url, retoucherToken: await server.tokenFor('retoucher', 'Dana Retoucher'), briefId, close: () => server.close() };
}
