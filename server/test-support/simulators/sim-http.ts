/**
 * The HTTP server under every simulator: a real node:http server on 127.0.0.1 with a tiny router.
 * Handlers return an answer instead of writing it, so the fault plan can replace the answer (429,
 * 5xx, a held request, a dropped connection) or spoil it after the work was done (a truncated JSON
 * body, a lost answer). Every request is logged with its method, path and headers.
 */
import { createServer, type IncomingHttpHeaders, type Server, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import type { CallType, FaultPlan } from './fault-plan';

export interface SimRequest {
  method: string;
  url: URL;
  headers: IncomingHttpHeaders;
  body: Buffer;
  params: string[];
}

export interface SimAnswer {
  status: number;
  /** Serialised as JSON unless it is a Buffer/Uint8Array. */
  body?: unknown;
  headers?: Record<string, string>;
}

export interface SimRoute {
  method: string;
  pattern: RegExp;
  /** Which fault stream applies; routes without one are never faulted. */
  callType?: CallType;
  handle(req: SimRequest): Promise<SimAnswer> | SimAnswer;
}

export interface LoggedRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  fault?: string;
}

const MAX_BODY = 64 * 1024 * 1024;

export class SimServer {
  readonly log: LoggedRequest[] = [];
  private readonly sockets = new Set<Socket>();
  private readonly held = new Set<ServerResponse>();

  private constructor(
    private readonly server: Server,
    readonly url: string,
  ) {}

  static async start(routes: SimRoute[], faults?: FaultPlan): Promise<SimServer> {
    let sim: SimServer | undefined;
    const server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      req.on('data', (c: Buffer) => {
        size += c.length;
        if (size <= MAX_BODY) chunks.push(c);
      });
      req.on('end', () => {
        void sim!.dispatch(routes, faults, { method: req.method ?? 'GET', url: new URL(req.url ?? '/', sim!.url), headers: req.headers, body: Buffer.concat(chunks), params: [] }, res);
      });
    });
    server.on('connection', (socket) => {
      sim?.sockets.add(socket);
      socket.on('close', () => sim?.sockets.delete(socket));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    if (!address || typeof address === 'string') throw new Error('simulator did not get a port');
    sim = new SimServer(server, `http://127.0.0.1:${address.port}`);
    return sim;
  }

  get origin(): string {
    return this.url;
  }

  async close(): Promise<void> {
    for (const res of this.held) res.destroy();
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async dispatch(routes: SimRoute[], faults: FaultPlan | undefined, req: SimRequest, res: ServerResponse): Promise<void> {
    const entry: LoggedRequest = { method: req.method, path: req.url.pathname, headers: req.headers };
    this.log.push(entry);
    const route = routes.find((r) => r.method === req.method && r.pattern.test(req.url.pathname));
    if (!route) return write(res, { status: 404, body: { detail: `no route for ${req.method} ${req.url.pathname}` } });
    const fault = route.callType ? faults?.next(route.callType) : undefined;
    entry.fault = fault?.kind;
    switch (fault?.kind) {
      case 'rate_limit':
        return write(res, { status: 429, body: { detail: `Request was throttled. Your rate limit resets in ~${fault.retryAfterSeconds}s.` }, headers: { 'retry-after': String(fault.retryAfterSeconds) } });
      case 'server_error':
        return write(res, { status: fault.status, body: { detail: 'Internal server error' } });
      case 'expired':
        return write(res, { status: 403, body: { detail: 'Request has expired' } });
      case 'reset':
        return void res.socket?.destroy();
      case 'hostile':
        return write(res, fault.answer(req));
      case 'timeout':
        this.held.add(res);
        res.on('close', () => this.held.delete(res));
        return;
    }
    let answer: SimAnswer;
    try {
      answer = await route.handle({ ...req, params: route.pattern.exec(req.url.pathname)!.slice(1) });
    } catch (err) {
      answer = err instanceof SimInputError ? { status: 422, body: { detail: err.message } } : { status: 500, body: { detail: `simulator error: ${(err as Error).message}` } };
    }
    if (fault?.kind === 'lost_answer') return void res.socket?.destroy();
    if (fault?.kind === 'malformed' && !(answer.body instanceof Uint8Array)) {
      const text = JSON.stringify(answer.body ?? {});
      return write(res, { ...answer, body: Buffer.from(text.slice(0, Math.max(1, Math.floor(text.length / 2)))), headers: { 'content-type': 'application/json', ...answer.headers } });
    }
    write(res, answer);
  }
}

export function write(res: ServerResponse, answer: SimAnswer): void {
  const binary = answer.body instanceof Uint8Array;
  const payload = answer.body === undefined ? Buffer.alloc(0) : binary ? Buffer.from(answer.body as Uint8Array) : Buffer.from(JSON.stringify(answer.body));
  res.writeHead(answer.status, {
    ...(answer.body !== undefined && !binary ? { 'content-type': 'application/json' } : {}),
    'content-length': String(payload.length),
    ...answer.headers,
  });
  res.end(payload);
}

/** Parses a JSON request body, answering 400/422 like the real APIs when it is not JSON. */
export function jsonBody(req: SimRequest): Record<string, unknown> {
  try {
    const value = JSON.parse(req.body.toString('utf8'));
    if (value && typeof value === 'object') return value as Record<string, unknown>;
  } catch {
    // fall through
  }
  throw new SimInputError('request body is not a JSON object');
}

export class SimInputError extends Error {
  override name = 'SimInputError';
}
