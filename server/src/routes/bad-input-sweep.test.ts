// Every route the server publishes in /openapi.json, called with the values that gave 500s to an
// attacker's probe: a NUL (%00, \u0000) or bytes that are not UTF-8 in each path parameter and query
// parameter, a NUL or a lone UTF-16 surrogate in each JSON string field, and dates the database cannot
// store. Each must be a 400 that names the parameter or field, and the server must log no unhandled
// error. Routes added to the contract are swept without changing this test.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../test-support/server/test-server';

type Json = Record<string, any>;

let t: TestServer;
let doc: { paths: Record<string, Record<string, Json>> };
beforeAll(async () => {
  t = await startTestServer();
  doc = await (await t.request('/openapi.json')).json();
});
afterAll(() => t.close());

const PATH_VALUES = ['%00', 'job%00x', '%ED%A0%80', '%C0%80'];
const QUERY_VALUES = ['x%00y', '%00', '%ED%A0%80'];
const DATE_VALUES = ['99999-01-01', '0001-01-01', '2027-13-45'];
const JSON_VALUES = ['x\u0000y', '\ud800', 'ok\udc00'];
/**
 * Page cursors are opaque base64url, so the path and query guard sees clean text: what they decode to
 * (a NUL or a lone surrogate in the id, a date the database cannot store, an id that is not a number
 * for the audit trail's serial ids) is hand-made by a client, never given out by the server.
 */
const cursor = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const CURSOR_VALUES = [
  cursor(['2026-01-01T00:00:00.000Z', 'a\u0000b']),
  cursor(['2026-01-01T00:00:00.000Z', 'a\ud800b']),
  cursor(['10000-01-01', 'x']),
  cursor(['+275760-09-13T00:00:00.000Z', 'x']),
  cursor(['2026-01-01T00:00:00.000Z', 'x'.repeat(5000)]),
];

interface Probe {
  what: string;
  /** The parameter or field the answer must name. */
  name: string;
  method: string;
  path: string;
  body?: string;
  /** A brief's CSV text is checked cell by cell (a bad cell refuses its row): it must only not be a 5xx. */
  only5xx?: boolean;
}

function fill(template: string, values: Record<string, string> = {}): string {
  return template.replace(/\{(\w+)\}/g, (_, n: string) => values[n] ?? (n === 'sha256' ? 'a'.repeat(64) : n === 'provider' ? 'replicate' : 'x'));
}

function probes(): Probe[] {
  const out: Probe[] = [];
  for (const [template, ops] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(ops)) {
      const params: Json[] = op.parameters ?? [];
      for (const p of params.filter((p) => p.in === 'path')) {
        for (const v of PATH_VALUES) out.push({ what: `path ${p.name}=${v}`, name: p.name, method, path: fill(template, { [p.name]: v }) });
      }
      for (const p of params.filter((p) => p.in === 'query')) {
        const values = p.name === 'from' || p.name === 'to' ? [...QUERY_VALUES, ...DATE_VALUES] : p.name === 'cursor' ? [...QUERY_VALUES, ...CURSOR_VALUES] : QUERY_VALUES;
        for (const v of values) out.push({ what: `query ${p.name}=${v}`, name: p.name, method, path: `${fill(template)}?${p.name}=${v}` });
      }
      const schema: Json | undefined = op.requestBody?.content?.['application/json']?.schema;
      // A webhook body is a provider's signed bytes: unsigned ones are refused before they are read
      // (provider text that reaches storage is cleaned where it is stored; see the provider tests).
      if (!schema || template.startsWith('/v1/webhooks/')) continue;
      const fields = Object.entries((schema.properties ?? {}) as Record<string, Json>).filter(([, s]) => s.type === 'string' || s.type === 'array' || s.type === 'object' || s.anyOf);
      const targets = fields.length ? fields.map(([n, s]) => [n, s] as const) : [['name', { type: 'string' }] as const];
      for (const [name, s] of targets) {
        for (const v of JSON_VALUES) {
          const value = s.type === 'array' ? [v] : s.type === 'object' ? { [v]: v } : v;
          out.push({ what: `json ${name}=${JSON.stringify(v)}`, name, method, path: fill(template), body: JSON.stringify({ [name]: value }), only5xx: template === '/v1/briefs' && name === 'text' });
        }
      }
    }
  }
  return out;
}

describe('bad input on every route of /openapi.json', () => {
  it('is a 400 naming the parameter or field, never a 5xx', async () => {
    const all = probes();
    expect(Object.keys(doc.paths).length).toBeGreaterThan(20);
    expect(all.length).toBeGreaterThan(150);
    const wrong: string[] = [];
    for (const p of all) {
      const res = await t.request(p.path, { method: p.method.toUpperCase(), ...(p.body !== undefined ? { body: p.body, headers: { 'content-type': 'application/json' } } : {}) });
      const text = await res.text();
      const named = text.includes(p.name);
      if (p.only5xx ? res.status >= 500 : res.status !== 400 || !named) wrong.push(`${p.method.toUpperCase()} ${p.path} (${p.what}): ${res.status} ${text.slice(0, 160)}`);
    }
    expect(wrong).toEqual([]);
    expect(t.logs.filter((l) => l.includes('unhandled error'))).toEqual([]);
  }, 60_000);

  it("refuses an audit-event cursor whose id is not one of the trail's numbers, and follows the server's own", async () => {
    for (const id of ['abc', '99999999999999999999', '-1', '1.5']) {
      const res = await t.request(`/v1/audit/events?cursor=${cursor(['2026-01-01T00:00:00.000Z', id])}`);
      expect(res.status, id).toBe(400);
      expect(await res.text()).toContain('cursor');
    }
    for (const name of ['cursor a', 'cursor b']) {
      const made = await t.request('/v1/tokens', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name, role: 'designer' }) });
      expect(made.status).toBe(201);
    }
    const first = await (await t.request('/v1/audit/events?limit=1')).json();
    expect(first.nextCursor).toEqual(expect.any(String));
    const next = await t.request(`/v1/audit/events?limit=1&cursor=${first.nextCursor}`);
    expect(next.status).toBe(200);
    expect((await next.json()).events[0].id).toBeGreaterThan(first.events[0].id);
  });

  it("refuses a brief's rows whose cells hold a NUL or a lone surrogate, and plans the others", async () => {
    const lock = await t.request('/v1/locks', { method: 'POST', headers: { 'content-type': 'application/json' }, body: readFileSync(new URL('../../../samples/brand-lock.json', import.meta.url), 'utf8') });
    expect(lock.status).toBe(201);
    const text = [
      'sku,colorway,category,fabric,silhouette,swatch,views',
      'NF-OK-1,Ink,jersey,cotton jersey,tee,ink,front',
      'NF-NUL-1,Ink,jersey,cotton\u0000 jersey,tee,ink,front',
      'NF-SUR\ud800-2,Ink,jersey,cotton jersey,tee,ink,front',
      'NF-SUR-3,Ink,jersey,cotton jersey,tee \udc00,ink,front',
    ].join('\n');
    const res = await t.request('/v1/briefs', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: 'hostile cells', text }) });
    expect(res.status).toBe(201);
    const brief = await res.json();
    expect(brief.skus).toBe(1);
    const where = brief.issues.filter((i: { severity: string }) => i.severity === 'error').map((i: { row: number; column: string }) => `${i.row} ${i.column}`);
    expect(where).toEqual(expect.arrayContaining(['3 fabric', '4 sku', '5 silhouette']));
    expect((await t.request(`/v1/briefs/${brief.id}`)).status).toBe(200);
  });

  it('still accepts what is valid: ISO dates in range, text with accents, emoji and control characters', async () => {
    expect((await t.request('/v1/audit?from=2027-03-01&to=2027-03-01T09:00:00Z')).status).toBe(200);
    expect((await t.request('/v1/audit/events?from=1999-12-31T23:59:59.5%2B01:00')).status).toBe(200);
    const token = await t.request('/v1/tokens', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: 'Zoë 🎨 \t<script>', role: 'designer' }) });
    expect(token.status).toBe(201);
    expect((await token.json()).name).toBe('Zoë 🎨 \t<script>');
  });
});
