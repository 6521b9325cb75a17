/**
 * The simulators' result host: a second loopback server (its own origin, like v3.fal.media or
 * replicate.delivery beside the API host) serving stored outputs. URLs are either plain (the file
 * lives until removed) or signed with an expiry (Runway-style: reading the task again signs a fresh
 * URL). Downloads go through the fault plan as `download` calls, where `expired` answers 403/404.
 */
import { createHmac, randomBytes, randomUUID } from 'node:crypto';
import type { FaultPlan } from './fault-plan';
import { SimServer } from './sim-http';

interface StoredFile {
  bytes: Uint8Array;
  contentType: string;
  name: string;
  removed: boolean;
}

export class SimCdn {
  private readonly files = new Map<string, StoredFile>();
  private readonly key = randomBytes(32);
  downloads = 0;

  private constructor(readonly server: SimServer) {}

  static async start(faults?: FaultPlan): Promise<SimCdn> {
    let cdn: SimCdn | undefined;
    const server = await SimServer.start(
      [
        {
          method: 'GET',
          pattern: /^\/files\/([\w-]+)\/([\w.-]+)$/,
          callType: 'download',
          handle: (req) => cdn!.serve(req.params[0], req.url.searchParams),
        },
      ],
      faults,
    );
    cdn = new SimCdn(server);
    return cdn;
  }

  get origin(): string {
    return this.server.url;
  }

  /** Stores bytes; returns the file id. */
  put(bytes: Uint8Array, contentType: string, name: string): string {
    const id = randomUUID();
    this.files.set(id, { bytes, contentType, name, removed: false });
    return id;
  }

  /** A URL for a stored file; with `ttlMs` it is signed and stops working after that. */
  url(id: string, ttlMs?: number): string {
    const file = this.files.get(id);
    if (!file) throw new Error(`no stored file ${id}`);
    const base = `${this.origin}/files/${id}/${file.name}`;
    if (ttlMs === undefined) return base;
    const expires = String(Date.now() + ttlMs);
    return `${base}?expires=${expires}&sig=${this.sign(id, expires)}`;
  }

  /** Deletes a file's bytes, as Replicate does after an hour. */
  remove(id: string): void {
    const file = this.files.get(id);
    if (file) file.removed = true;
  }

  async close(): Promise<void> {
    await this.server.close();
  }

  private serve(id: string, query: URLSearchParams) {
    const file = this.files.get(id);
    if (!file || file.removed) return { status: 404, body: { detail: 'file not found' } };
    const expires = query.get('expires');
    if (expires !== null) {
      if (query.get('sig') !== this.sign(id, expires)) return { status: 403, body: { detail: 'signature does not match' } };
      if (Number(expires) < Date.now()) return { status: 403, body: { detail: 'Request has expired' } };
    }
    this.downloads++;
    return { status: 200, body: file.bytes, headers: { 'content-type': file.contentType } };
  }

  private sign(id: string, expires: string): string {
    return createHmac('sha256', this.key).update(`${id}:${expires}`).digest('hex').slice(0, 32);
  }
}
