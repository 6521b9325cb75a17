/**
 * The benchmarks' HTTP load: an open-loop generator (requests at a fixed rate whatever the answers
 * do, latency counted from each request's scheduled time, so a stalled server cannot hide its queue),
 * a closed-loop flood (N clients, each sending its next request when the last is answered), and
 * long-lived event streams.
 */
import { request, Agent, type ClientRequest } from 'node:http';

export interface Latency {
  p50: number;
  p99: number;
  max: number;
  errors: number;
  n: number;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))] ?? NaN;
}

/** `rate` GETs a second for `seconds`, after 200 warm-up requests; latencies in ms. */
export async function openLoop(url: string, headers: Record<string, string>, rate: number, seconds: number): Promise<Latency> {
  // Warm-up; a keep-alive socket the server closed while idle (its 5 s timeout) fails once: go on.
  for (let i = 0; i < 200; i++) await fetch(url, { headers }).then((r) => r.arrayBuffer(), () => undefined);
  const interval = 1000 / rate;
  const total = Math.round(seconds * rate);
  const latencies: number[] = [];
  let errors = 0;
  const start = performance.now() + 20;
  const inflight: Promise<void>[] = [];
  for (let i = 0; i < total; i++) {
    const due = start + i * interval;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    inflight.push(
      fetch(url, { headers }).then(
        async (res) => {
          await res.arrayBuffer();
          if (!res.ok) errors++;
          latencies.push(performance.now() - due);
        },
        () => void errors++,
      ),
    );
  }
  await Promise.all(inflight);
  if (!latencies.length) throw new Error(`GET ${url}: all ${total} requests failed`);
  latencies.sort((a, b) => a - b);
  return { p50: percentile(latencies, 0.5), p99: percentile(latencies, 0.99), max: latencies[latencies.length - 1], errors, n: latencies.length };
}

/** `count` calls from `clients` concurrent clients; a 429 answer counts as refused, not as done. */
export async function flood(count: number, clients: number, call: (i: number) => Promise<unknown>) {
  const latencies: number[] = [];
  let next = 0;
  let refused = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async () => {
      for (let i = next++; i < count; i = next++) {
        const t = performance.now();
        try {
          await call(i);
          latencies.push(performance.now() - t);
        } catch (e) {
          if ((e as { status?: number }).status !== 429) throw e;
          refused++;
        }
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return { ok: latencies.length, refused, seconds, perSecond: latencies.length / seconds, p50: percentile(latencies, 0.5), p99: percentile(latencies, 0.99) };
}

/** Opens `count` server-sent event streams and keeps reading them; resolves when each has answered. */
export async function openStreams(url: string, count: number, headersOf: (i: number) => Record<string, string>) {
  const agent = new Agent({ keepAlive: false, maxSockets: Infinity });
  const sockets: ClientRequest[] = [];
  let open = 0;
  let refused = 0;
  let failed = 0;
  await Promise.all(
    Array.from(
      { length: count },
      (_, i) =>
        new Promise<void>((resolve) => {
          const req = request(url, { agent, headers: headersOf(i) }, (res) => {
            if (res.statusCode === 200) open++;
            else if (res.statusCode === 429) refused++;
            else failed++;
            res.on('data', () => undefined);
            res.on('error', () => undefined);
            resolve();
          });
          req.on('error', () => {
            failed++;
            resolve();
          });
          req.end();
          sockets.push(req);
        }),
    ),
  );
  return { sockets, open, refused, failed };
}

export async function closeStreams(sockets: ClientRequest[]): Promise<void> {
  for (const req of sockets) req.destroy();
  await new Promise((r) => setTimeout(r, 100));
}

/**
 * fetch that tries once more when a kept-alive connection was reset as it was reused (the server
 * closes idle connections after 5 s; on a loaded machine the client learns of it late). Nothing else
 * is retried.
 */
export const fetchRetryingReset: typeof fetch = async (input, init) => {
  try {
    return await fetch(input, init);
  } catch (e) {
    if ((e as { cause?: { code?: string } }).cause?.code !== 'ECONNRESET') throw e;
    return fetch(input, init);
  }
};

