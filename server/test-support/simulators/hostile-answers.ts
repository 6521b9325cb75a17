/**
 * What hostile or careless providers answer, as an attacker's probe saw them: error texts that quote
 * the credentials the request carried, in part or whole, plain or encoded, in JSON or not, at any
 * status (a non-JSON 2xx too). Scripted into a simulator as a `hostile` fault, so tests see a leak
 * the way a real provider would cause it.
 */
import type { SimAnswer, SimRequest } from './sim-http';

/** The credential a request carried: the Authorization value without its scheme (Basic decoded). */
export function credentialOf(req: SimRequest): string {
  const header = String(req.headers.authorization ?? '');
  const m = /^(\w+)\s+(.*)$/.exec(header);
  if (!m) return header;
  return m[1].toLowerCase() === 'basic' ? Buffer.from(m[2], 'base64').toString('utf8') : m[2];
}

const json = (status: number, body: unknown): SimAnswer => ({ status, body });
/** A JSON text written by hand (so escapes such as \u0063 reach the client as sent). */
const rawJson = (status: number, text: string): SimAnswer => ({ status, body: Buffer.from(text), headers: { 'content-type': 'application/json' } });
const text = (status: number, body: string): SimAnswer => ({ status, body: Buffer.from(body), headers: { 'content-type': 'text/plain' } });

/** Every character as a JSON \u escape, as some serialisers write non-ASCII-safe output. */
export const unicodeEscaped = (s: string) => [...s].map((c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`).join('');

/** The four answers the attacker's hostile fakes gave. */
export const HOSTILE_ANSWERS = {
  /** fal: 401 naming only the secret half of `id:secret`, and the id. */
  falSecretHalf: (req: SimRequest) => {
    const [id, ...rest] = credentialOf(req).split(':');
    return json(401, { detail: `key secret ${rest.join(':')} does not belong to key id ${id}` });
  },
  /** Replicate: 422 quoting the whole Authorization header and the token. */
  replicateHeader: (req: SimRequest) => json(422, { detail: `you sent "${String(req.headers.authorization)}" (token ${credentialOf(req)})` }),
  /** ComfyUI: 400 with the token plain and JSON-escaped. */
  comfyEscaped: (req: SimRequest) => rawJson(400, `{"error": "bad token ${credentialOf(req)} / ${unicodeEscaped(credentialOf(req))}"}`),
  /** Runway: 200 with a body that is not JSON, the key starting at character 60. */
  runwayNonJson: (req: SimRequest) => text(200, `<${'z'.repeat(59)}${credentialOf(req)}>`),
} as const;

export type EchoShape = 'json-detail' | 'json-error' | 'raw-json' | 'text';

/**
 * An answer at `status` that quotes `leak(credential)` (or of another value) in the given shape, with
 * `pad` characters before it, for property tests.
 */
export function echoAnswer(o: { status: number; shape: EchoShape; pad: number; leak: (credential: string) => string }): (req: SimRequest) => SimAnswer {
  return (req) => {
    const quoted = `${'x'.repeat(o.pad)} ${o.leak(credentialOf(req))}`;
    switch (o.shape) {
      case 'json-detail':
        return json(o.status, { detail: quoted });
      case 'json-error':
        return json(o.status, { error: quoted, status: 'failed' });
      case 'raw-json':
        return rawJson(o.status, `{"detail": "${quoted.replace(/["\\]/g, (c) => `\\${c}`)}"}`);
      case 'text':
        return text(o.status, quoted);
    }
  };
}
