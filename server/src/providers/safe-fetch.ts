/**
 * Downloads a provider's result only from that provider's allowed origins. Redirects are followed by
 * hand and every hop is checked again; credentials go only to the origin they belong to; the size is
 * capped while streaming; the content type must be one the job expects and the first bytes must
 * look like it. A result URL that has expired (401/403/404/410) fails with code `output_expired`
 * so the adapter can ask the provider for a fresh one.
 */
import { callWithRetry, type RetryPolicy } from './http-retry';
import { isUrlAllowed, type HostRule } from '../config/host-allowlist';
import { ProviderCallError, type ProviderName } from './provider';

export interface SafeFetchOptions {
  provider: ProviderName;
  /** The provider's `*_ALLOWED_HOSTS` rules. */
  allowed: readonly HostRule[];
  /** Content types accepted, by prefix ("image/", "video/mp4"). */
  accept: readonly string[];
  maxBytes: number;
  policy: RetryPolicy;
  /** Headers sent only to `credentialsOrigin` (e.g. ComfyUI behind a token proxy, Replicate files). */
  credentials?: { origin: string; headers: Record<string, string> };
  maxRedirects?: number;
  signal?: AbortSignal;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  fetch?: typeof fetch;
}

export interface FetchedOutput {
  bytes: Uint8Array;
  contentType: string;
}

const EXPIRED = new Set([401, 403, 404, 410]);

export async function fetchAllowedOutput(rawUrl: string, options: SafeFetchOptions): Promise<FetchedOutput> {
  const { provider } = options;
  const start = checkUrl(rawUrl, options);
  const label = `GET ${start.origin}${start.pathname}`;
  return callWithRetry({
    provider,
    label,
    kind: 'read',
    policy: options.policy,
    signal: options.signal,
    sleep: options.sleep,
    send: (signal) => followRedirects(start, options, signal),
    read: async (res) => {
      if (EXPIRED.has(res.status)) {
        await res.body?.cancel();
        throw new ProviderCallError(provider, { code: 'output_expired', message: `${label}: result URL answered ${res.status} (expired or removed)`, retryable: false });
      }
      if (!res.ok) {
        await res.body?.cancel();
        throw new ProviderCallError(provider, { code: `http_${res.status}`, message: `${label}: result download answered ${res.status}`, retryable: false });
      }
      const contentType = (res.headers.get('content-type') ?? '').split(';')[0].trim().toLowerCase();
      if (!options.accept.some((prefix) => contentType.startsWith(prefix))) {
        await res.body?.cancel();
        throw new ProviderCallError(provider, {
          code: 'unexpected_content_type',
          message: `${label}: result is "${contentType || 'without a content type'}"; expected ${options.accept.join(' or ')}`,
          retryable: false,
        });
      }
      const bytes = await readCapped(res, options.maxBytes, label, provider);
      if (!magicMatches(contentType, bytes)) {
        throw new ProviderCallError(provider, {
          code: 'unexpected_content_type',
          message: `${label}: result says ${contentType} but its bytes are not one`,
          retryable: false,
        });
      }
      return { bytes, contentType };
    },
  });
}

function checkUrl(raw: string, options: SafeFetchOptions, from?: URL): URL {
  let url: URL;
  try {
    url = new URL(raw, from);
  } catch {
    throw refused(options.provider, `result URL "${raw.slice(0, 200)}" is not a URL`);
  }
  if (!isUrlAllowed(url.toString(), options.allowed)) {
    throw refused(
      options.provider,
      `result URL ${from ? 'redirects to' : 'points to'} ${url.origin}, which is not an allowed host for ${options.provider} (${options.provider.toUpperCase()}_ALLOWED_HOSTS)`,
    );
  }
  return url;
}

async function followRedirects(start: URL, options: SafeFetchOptions, signal: AbortSignal): Promise<Response> {
  let url = start;
  for (let hop = 0; ; hop++) {
    const headers: Record<string, string> = {};
    if (options.credentials && url.origin === options.credentials.origin) Object.assign(headers, options.credentials.headers);
    const res = await (options.fetch ?? fetch)(url, { redirect: 'manual', headers, signal });
    if (res.status < 300 || res.status >= 400 || res.status === 304) return res;
    await res.body?.cancel();
    const location = res.headers.get('location');
    if (!location) return res;
    if (hop >= (options.maxRedirects ?? 3)) throw refused(options.provider, `result URL redirected more than ${options.maxRedirects ?? 3} times`);
    url = checkUrl(location, options, url);
  }
}

async function readCapped(res: Response, max: number, label: string, provider: ProviderName): Promise<Uint8Array> {
  const tooLarge = () =>
    new ProviderCallError(provider, { code: 'too_large', message: `${label}: result is over the ${max}-byte limit`, retryable: false });
  if (Number(res.headers.get('content-length') ?? 0) > max) {
    await res.body?.cancel();
    throw tooLarge();
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of (res.body ?? []) as AsyncIterable<Uint8Array>) {
    size += chunk.byteLength;
    if (size > max) throw tooLarge();
    chunks.push(chunk);
  }
  return new Uint8Array(Buffer.concat(chunks));
}

const SIGNATURES: [string, (b: Uint8Array) => boolean][] = [
  ['image/png', (b) => b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47],
  ['image/jpeg', (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff],
  ['image/webp', (b) => ascii(b, 0, 4) === 'RIFF' && ascii(b, 8, 12) === 'WEBP'],
  ['image/gif', (b) => ascii(b, 0, 4) === 'GIF8'],
  ['image/avif', (b) => ascii(b, 4, 8) === 'ftyp'],
  ['video/mp4', (b) => ascii(b, 4, 8) === 'ftyp'],
  ['video/webm', (b) => b[0] === 0x1a && b[1] === 0x45 && b[2] === 0xdf && b[3] === 0xa3],
];

/** Known types must carry their magic bytes; other accepted types pass on their header alone. */
function magicMatches(contentType: string, bytes: Uint8Array): boolean {
  const known = SIGNATURES.find(([type]) => type === contentType);
  return known ? bytes.length >= 12 && known[1](bytes) : bytes.length > 0;
}

function ascii(b: Uint8Array, from: number, to: number): string {
  return String.fromCharCode(...b.subarray(from, to));
}

function refused(provider: ProviderName, message: string): ProviderCallError {
  return new ProviderCallError(provider, { code: 'url_not_allowed', message, retryable: false });
}
