// A loopback HTTP proxy between the panel (in Chromium) and the real brandlock server, so a screenshot
// can catch a run in the middle: it holds the panel's requests that match a pattern until released,
// or answers them with an error, as a failing server or gateway would. Everything else is forwarded
// byte for byte and streamed both ways (uploads, server-sent events).
//
// This used to be Playwright's page.route. Routing turns on Chromium's request interception for every
// request of the page, and under load the export's upload of a flattened master (a PUT of a few MB)
// sometimes never left the browser: Playwright saw it only when the panel gave up 30 s later ("no
// answer in time"), and the server-Export screenshot test timed out. Photoshop has nothing between
// the panel and the server, so neither should the test: the proxy is plain HTTP on loopback.
import { createServer, request as httpRequest, Agent, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RequestGate {
  /** The proxy's address: give it to the panel as the server URL. */
  url: string;
  /** Holds the requests whose path (with its query) matches, until release() lets them through. */
  hold(pattern: RegExp): { release(): Promise<void> };
  /** Answers the matching requests with this status and a brandlock error body, until undone. */
  fail(pattern: RegExp, status: number, message: string): () => Promise<void>;
  close(): Promise<void>;
}

type Rule = { pattern: RegExp; act(req: IncomingMessage, res: ServerResponse): void };

export async function startRequestGate(target: string): Promise<RequestGate> {
  const upstream = new URL(target);
  const agent = new Agent({ keepAlive: true });
  const rules: Rule[] = [];

  const forward = (req: IncomingMessage, res: ServerResponse) => {
    const out = httpRequest(
      { host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers: { ...req.headers, host: upstream.host }, agent },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    out.on('error', () => res.destroy());
    // The panel gave up (an aborted fetch, an event stream closed): so does the proxy.
    res.on('close', () => out.destroy());
    req.pipe(out);
  };

  const server = createServer((req, res) => {
    // CORS preflights always go through: the panel's origin is checked by the server itself.
    const rule = req.method === 'OPTIONS' ? undefined : rules.find((r) => r.pattern.test(req.url ?? ''));
    if (rule) rule.act(req, res);
    else forward(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const sockets = new Set<import('node:net').Socket>();
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  const remove = (rule: Rule) => {
    const i = rules.indexOf(rule);
    if (i >= 0) rules.splice(i, 1);
  };

  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    hold(pattern) {
      const held: (() => void)[] = [];
      const rule: Rule = { pattern, act: (req, res) => held.push(() => forward(req, res)) };
      rules.push(rule);
      return {
        async release() {
          // The rule goes first, so a request arriving while the held ones are let go is not held.
          remove(rule);
          for (const go of held.splice(0)) go();
        },
      };
    },
    fail(pattern, status, message) {
      const rule: Rule = {
        pattern,
        act: (req, res) => {
          req.resume();
          const origin = req.headers.origin;
          res.writeHead(status, { 'content-type': 'application/json', ...(origin ? { 'access-control-allow-origin': origin, vary: 'Origin' } : {}) });
          res.end(JSON.stringify({ error: { code: 'unavailable', message, issues: [] } }));
        },
      };
      rules.push(rule);
      return async () => remove(rule);
    },
    async close() {
      for (const socket of sockets) socket.destroy();
      agent.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
