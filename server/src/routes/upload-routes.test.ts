import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { crc32, deflateSync } from 'node:zlib';
import sharp from 'sharp';
import { startTestServer, type TestServer } from '../../test-support/server/test-server';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer({ env: { BRANDLOCK_MAX_UPLOAD_BYTES: '200000', BRANDLOCK_MAX_UPLOAD_PIXELS: '4000000' } });
});
afterAll(() => t.close());

const put = (body: NonNullable<RequestInit['body']>, type = 'image/png', headers: Record<string, string> = {}) =>
  t.request('/v1/uploads', { method: 'PUT', body, headers: { 'content-type': type, ...headers }, ...(body instanceof ReadableStream ? { duplex: 'half' } : {}) } as RequestInit);

function pngChunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body) >>> 0);
  return Buffer.concat([len, body, crc]);
}

/** A PNG whose header claims 50000 x 50000 pixels (2.5 gigapixels) in a few hundred bytes. */
function pngBomb(): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(50_000, 0);
  ihdr.writeUInt32BE(50_000, 4);
  ihdr[8] = 8;
  ihdr[9] = 2;
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), pngChunk('IHDR', ihdr), pngChunk('IDAT', deflateSync(Buffer.alloc(50_000))), pngChunk('IEND', Buffer.alloc(0))]);
}

describe('PUT /v1/uploads', () => {
  it('stores an image under its sha256 with the sniffed type, once', async () => {
    const png = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#c0603f' } }).png().toBuffer();
    const res = await put(new Uint8Array(png), 'text/plain');
    expect(res.status).toBe(201);
    const body = await res.json();
    const sha = createHash('sha256').update(png).digest('hex');
    expect(body).toMatchObject({ ref: `sha256:${sha}`, sha256: sha, contentType: 'image/png', width: 64, height: 48, bytes: png.length, created: true });
    const again = await put(new Uint8Array(png));
    expect(again.status).toBe(200);
    expect((await again.json()).created).toBe(false);

    const asset = await t.request(`/v1/assets/${sha}`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('content-type')).toBe('image/png');
    expect(asset.headers.get('x-content-type-options')).toBe('nosniff');
    expect(Buffer.from(await asset.arrayBuffer()).equals(png)).toBe(true);
    expect((await t.request(`/v1/assets/${sha}`, { headers: { 'if-none-match': `"${sha}"` } })).status).toBe(304);
  });

  it('answers 413 over the byte limit, whether or not the client declares a length', async () => {
    const big = new Uint8Array(250_000);
    const declared = await put(big);
    expect(declared.status).toBe(413);
    expect((await declared.json()).error.code).toBe('payload_too_large');
    const stream = new ReadableStream<Uint8Array>({
      start(c) {
        for (let i = 0; i < 10; i++) c.enqueue(new Uint8Array(30_000));
        c.close();
      },
    });
    expect((await put(stream)).status).toBe(413);
  });

  it('refuses decompression bombs by their header before decoding them', async () => {
    const bomb = pngBomb();
    expect(bomb.length).toBeLessThan(1000);
    const res = await put(new Uint8Array(bomb));
    expect(res.status).toBe(413);
    expect((await res.json()).error.message).toMatch(/2500\.0 MP, above the 4 MP limit/);
    const tooMany = await sharp({ create: { width: 2500, height: 2000, channels: 3, background: '#ffffff' } }).png().toBuffer();
    expect((await put(new Uint8Array(tooMany))).status).toBe(413);
  });

  it('answers 415 for formats brandlock does not read (SVG, text) and 422 for truncated images', async () => {
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script></svg>');
    expect((await put(new Uint8Array(svg), 'image/svg+xml')).status).toBe(415);
    expect((await put(new TextEncoder().encode('hello, not an image'), 'image/jpeg')).status).toBe(415);
    const jpeg = await sharp({ create: { width: 300, height: 300, channels: 3, background: '#808080', noise: { type: 'gaussian', mean: 128, sigma: 40 } } }).jpeg().toBuffer();
    const truncated = await put(new Uint8Array(jpeg.subarray(0, Math.floor(jpeg.length / 2))), 'image/jpeg');
    expect(truncated.status).toBe(422);
    expect((await truncated.json()).error.code).toBe('invalid_image');
  });

  it('answers 413 for a header-only PNG declaring 65535 x 65535, which libvips calls corrupt', async () => {
    const ihdr = Buffer.alloc(13);
    ihdr.writeUInt32BE(65_535, 0);
    ihdr.writeUInt32BE(65_535, 4);
    ihdr[8] = 8;
    ihdr[9] = 6;
    const headerOnly = Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), pngChunk('IHDR', ihdr), pngChunk('IEND', Buffer.alloc(0))]);
    const res = await put(new Uint8Array(headerOnly));
    expect(res.status).toBe(413);
    expect((await res.json()).error).toMatchObject({ code: 'payload_too_large', message: expect.stringContaining('65535x65535') });
  });

  it('answers 415 for SVG however it starts (XML prolog, DOCTYPE with entities, BOM, comment), without parsing it', async () => {
    const svgs = [
      '<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>',
      '<?xml version="1.0"?>\n<!DOCTYPE svg [<!ENTITY x SYSTEM "http://127.0.0.1:9/x">]>\n<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">&x;</svg>',
      '\ufeff<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"/>',
      '<!-- logo --><svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>',
    ];
    for (const svg of svgs) {
      const res = await put(new TextEncoder().encode(svg), 'image/svg+xml');
      expect(res.status, svg).toBe(415);
      expect((await res.json()).error.code).toBe('unsupported_media_type');
    }
  });

  it('serves assets only by a well-formed hash it has stored', async () => {
    expect((await t.request('/v1/assets/..%2F..%2Fetc%2Fpasswd')).status).toBe(400);
    expect((await t.request(`/v1/assets/${'f'.repeat(64)}`)).status).toBe(404);
  });
});
