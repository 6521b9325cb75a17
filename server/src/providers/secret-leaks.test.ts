// Provider keys never leave the server, whatever a provider says back. The four provider simulators
// answer as the attacker's hostile fakes did (fal naming only the secret half of id:secret, Replicate
// quoting the Authorization header, ComfyUI JSON-escaping its token, Runway a non-JSON 200 with the
// key at character 60), then a property test: generated secrets for every variable the server holds
// (FAL_KEY, REPLICATE_API_TOKEN, REPLICATE_WEBHOOK_SECRET, RUNWAYML_API_SECRET, COMFYUI_TOKEN, the
// COMFYUI_URL and DATABASE_URL passwords), any of them echoed by any adapter's submit or status call,
// in any form and shape. An independent decoder then reads everything any role can see: the job,
// the job list, its event stream, the audit events, and every log line.
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../test-support/server/test-server';
import { remoteProviderRegistrations } from './remote-providers';
import { findSecretTraces } from '../../test-support/secrets/find-secret-traces';
import { FaultPlan, type CallType } from '../../test-support/simulators/fault-plan';
import { echoAnswer, HOSTILE_ANSWERS, unicodeEscaped, type EchoShape } from '../../test-support/simulators/hostile-answers';
import type { SimAnswer, SimRequest } from '../../test-support/simulators/sim-http';
import { SimulatorFleet, type SimulatedProvider } from '../../test-support/simulators/simulator-fleet';
import { approveCurrentRecipes } from '../../test-support/server/approve-recipes';

const PROVIDERS: SimulatedProvider[] = ['fal', 'replicate', 'runway', 'comfyui'];
const LOCK = readFileSync(new URL('../../../samples/brand-lock.json', import.meta.url), 'utf8');
let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'brandlock-secret-leaks-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

interface Secrets {
  FAL_KEY: string;
  REPLICATE_API_TOKEN: string;
  REPLICATE_WEBHOOK_SECRET: string;
  RUNWAYML_API_SECRET: string;
  COMFYUI_TOKEN: string;
  comfyPassword: string;
  dbPassword: string;
}

interface Run {
  t: TestServer;
  fleet: SimulatorFleet;
  plans: Record<SimulatedProvider, FaultPlan>;
  close(): Promise<void>;
}

/**
 * Simulators that accept these secrets and a server that holds them, pointed at the simulators, with
 * no retries, so a leak shows at once.
 */
async function runWith(s: Secrets): Promise<Run> {
  const plans = Object.fromEntries(PROVIDERS.map((p) => [p, new FaultPlan()])) as Record<SimulatedProvider, FaultPlan>;
  const fleet = await SimulatorFleet.start({ faults: plans, queueMs: 10, runMs: 10, pollIntervalMs: 20, credentials: { fal: s.FAL_KEY, replicate: s.REPLICATE_API_TOKEN, runway: s.RUNWAYML_API_SECRET, comfyuiToken: s.COMFYUI_TOKEN } });
  const mapFile = await fleet.writeProviderMap(dir);
  const comfy = new URL(fleet.comfyui.url);
  comfy.username = 'brandlock';
  comfy.password = encodeURIComponent(s.comfyPassword);
  const env: Record<string, string> = {
    ...fleet.env(mapFile),
    FAL_KEY: s.FAL_KEY,
    REPLICATE_API_TOKEN: s.REPLICATE_API_TOKEN,
    REPLICATE_WEBHOOK_SECRET: s.REPLICATE_WEBHOOK_SECRET,
    RUNWAYML_API_SECRET: s.RUNWAYML_API_SECRET,
    COMFYUI_TOKEN: s.COMFYUI_TOKEN,
    COMFYUI_URL: comfy.toString().replace(/\/$/, ''),
    // Read for its password only: the test server runs on PGlite.
    DATABASE_URL: `postgres://brandlock:${encodeURIComponent(s.dbPassword)}@127.0.0.1:9/brandlock`,
    BRANDLOCK_MAX_ATTEMPTS: '1',
    BRANDLOCK_PROVIDER_RETRIES: '0',
    BRANDLOCK_POLL_MIN_MS: '50',
  };
  // The adapters read their own variables (the provider map, poll intervals) from this environment.
  const t = await startTestServer({ env, remotes: remoteProviderRegistrations(env) });
  await t.request('/v1/locks', { method: 'POST', headers: { 'content-type': 'application/json' }, body: LOCK });
  await approveCurrentRecipes(t.request);
  return { t, fleet, plans, close: async () => void (await Promise.all([t.close(), fleet.close()])) };
}

const item = (sku: string) => ({ sku, colorway: 'Ink', category: 'jersey', fabric: 'cotton jersey', silhouette: 'tee', swatch: 'ink' });

/** Runs one job per provider whose `call` is answered by `answers[provider]`; returns all any role can read. */
async function leakSurface({ t, plans }: Run, call: Record<SimulatedProvider, CallType>, answers: Record<SimulatedProvider, (req: SimRequest) => SimAnswer>, mayPass: Partial<Record<SimulatedProvider, boolean>> = {}): Promise<string> {
  for (const p of PROVIDERS) plans[p].script(call[p], { kind: 'hostile', answer: answers[p] });
  const designer = await t.tokenFor('designer');
  const jobs = await Promise.all(
    PROVIDERS.map(async (provider, i) => {
      const res = await t.request('/v1/jobs', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ kind: 'generate', provider, item: item(`LEAK-${i}`) }) });
      expect(res.status, provider).toBe(202);
      return res.json();
    }),
  );
  const seen: string[] = [];
  for (const job of jobs) {
    const end = Date.now() + 20_000;
    let current = job;
    while (!['failed', 'succeeded', 'canceled'].includes(current.state) && Date.now() < end) {
      await new Promise((r) => setTimeout(r, 50));
      current = await (await t.request(`/v1/jobs/${job.id}`, { token: designer })).json();
    }
    // An error status fails the job (no retries here). A 200 whose body is not what the call returns
    // may be read as "not done yet" (ComfyUI's history without the prompt), and the next poll succeeds.
    if (mayPass[job.provider as SimulatedProvider]) expect(['failed', 'succeeded'], `${job.provider}: ${current.state}`).toContain(current.state);
    else expect(current.state, `${job.provider}: ${JSON.stringify(current.error)}`).toBe('failed');
    seen.push(JSON.stringify(current), await (await t.request(`/v1/jobs/${job.id}/events`, { token: designer })).text());
  }
  for (const p of PROVIDERS) expect(plans[p].injected.get(`${call[p]}:hostile`) ?? 0, `${p} ${call[p]}: ${seen.join("\n").slice(0, 3000)}`).toBeGreaterThan(0);
  seen.push(await (await t.request('/v1/jobs?limit=50', { token: designer })).text(), await (await t.request('/v1/audit/events?limit=500')).text(), ...t.logs);
  return seen.join('\n');
}

const allOf = (s: Secrets) => Object.values(s);

describe('provider secrets in hostile provider answers', () => {
  it('never shows what the attacker’s hostile fakes echoed', async () => {
    const secrets: Secrets = {
      FAL_KEY: 'falid123:falSecretCanary55aa',
      REPLICATE_API_TOKEN: 'r8_ReplicateCanary7c1d9e',
      REPLICATE_WEBHOOK_SECRET: `whsec_${Buffer.from('webhook-canary-secret-2f6b').toString('base64')}`,
      RUNWAYML_API_SECRET: 'key_RunwayCanary0123456789abcdef',
      COMFYUI_TOKEN: 'comfyCanaryToken42',
      comfyPassword: 'ComfyPw-1d2e3f',
      dbPassword: 'PGsecretCanary7f3a',
    };
    const run = await runWith(secrets);
    try {
      const surface = await leakSurface(run, { fal: 'create', replicate: 'create', runway: 'create', comfyui: 'read' }, { fal: HOSTILE_ANSWERS.falSecretHalf, replicate: HOSTILE_ANSWERS.replicateHeader, runway: HOSTILE_ANSWERS.runwayNonJson, comfyui: HOSTILE_ANSWERS.comfyEscaped });
      expect(surface).toContain('[redacted]');
      expect(findSecretTraces(surface, allOf(secrets))).toEqual([]);
    } finally {
      await run.close();
    }
  }, 60_000);

  it('never shows any secret the server holds, echoed by any adapter call, in any form', async () => {
    const chars = fc.constantFrom(...'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz0123456789-.~+/=!*$&,;'.split(''));
    const str = (min: number, max: number) => fc.string({ unit: chars, minLength: min, maxLength: max });
    const secrets: fc.Arbitrary<Secrets> = fc.record({
      FAL_KEY: fc.tuple(str(8, 36), str(16, 48)).map(([id, s]) => `${id}:${s}`),
      REPLICATE_API_TOKEN: str(20, 40).map((s) => `r8_${s}`),
      REPLICATE_WEBHOOK_SECRET: fc.uint8Array({ minLength: 16, maxLength: 32 }).map((b) => `whsec_${Buffer.from(b).toString('base64')}`),
      RUNWAYML_API_SECRET: str(24, 48).map((s) => `key_${s}`),
      COMFYUI_TOKEN: str(12, 40),
      comfyPassword: str(12, 24),
      dbPassword: str(12, 24),
    });
    const forms: [string, (v: string) => string][] = [
      ['plain', (v) => v],
      ['after colon', (v) => v.split(':').at(-1)!],
      ['before colon', (v) => v.split(':')[0]],
      ['percent-encoded', encodeURIComponent],
      ['base64', (v) => Buffer.from(v).toString('base64')],
      ['basic header', (v) => `Basic ${Buffer.from(`user:${v}`).toString('base64')}`],
      ['base64url', (v) => Buffer.from(v).toString('base64url')],
      ['unicode-escaped', unicodeEscaped],
      ['first half', (v) => v.slice(0, Math.max(10, v.length >> 1))],
      ['last half', (v) => v.slice(-Math.max(10, v.length >> 1))],
    ];
    const echo = fc.record({
      status: fc.constantFrom(200, 400, 401, 403, 422, 500),
      shape: fc.constantFrom<EchoShape>('json-detail', 'json-error', 'raw-json', 'text'),
      pad: fc.integer({ min: 0, max: 120 }),
      form: fc.constantFrom(...forms),
      /** null: the credential the request carried; else another secret the server holds. */
      other: fc.option(fc.constantFrom<keyof Secrets>('FAL_KEY', 'REPLICATE_API_TOKEN', 'REPLICATE_WEBHOOK_SECRET', 'RUNWAYML_API_SECRET', 'COMFYUI_TOKEN', 'comfyPassword', 'dbPassword')),
      call: fc.constantFrom<CallType>('create', 'read'),
    });
    await fc.assert(
      fc.asyncProperty(secrets, fc.tuple(echo, echo, echo, echo), async (s, echoes) => {
        const run = await runWith(s);
        try {
          const byProvider = (f: (e: (typeof echoes)[number]) => unknown) => Object.fromEntries(PROVIDERS.map((p, i) => [p, f(echoes[i])])) as never;
          const answers = byProvider((e) => echoAnswer({ status: e.status, shape: e.shape, pad: e.pad, leak: (credential) => e.form[1](e.other ? s[e.other] : credential) }));
          const surface = await leakSurface(run, byProvider((e) => e.call), answers, byProvider((e) => e.status < 300 && e.call === 'read'));
          expect(findSecretTraces(surface, allOf(s))).toEqual([]);
        } finally {
          await run.close();
        }
      }),
      // Each run starts simulators and a server: report the first failing case instead of shrinking it.
      { numRuns: 6, endOnFailure: true },
    );
  }, 240_000);
});
