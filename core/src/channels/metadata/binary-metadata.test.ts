import { describe, expect, it } from 'vitest';
import { crc32 } from './crc32';
import { setPngXmp } from './set-png-xmp';
import { buildIptcApp13, buildIptcIim } from './build-iptc-iim';
import { insertJpegSegment } from './insert-jpeg-segment';
import { encodeUtf8 } from './encode-utf8';

const ascii = (s: string) => new TextEncoder().encode(s);

function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const v = new DataView(out.buffer);
  v.setUint32(0, data.length);
  out.set(ascii(type), 4);
  out.set(data, 8);
  v.setUint32(8 + data.length, crc32(out, 4, 8 + data.length));
  return out;
}

function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const p of parts) {
    out.set(p, offset);
    offset += p.length;
  }
  return out;
}

/** Chunk types in order, with their CRCs checked. */
function chunks(png: Uint8Array): { type: string; data: Uint8Array }[] {
  const v = new DataView(png.buffer, png.byteOffset);
  const out = [];
  for (let at = 8; at < png.length; ) {
    const len = v.getUint32(at);
    expect(v.getUint32(at + 8 + len)).toBe(crc32(png, at + 4, at + 8 + len));
    out.push({ type: new TextDecoder().decode(png.subarray(at + 4, at + 8)), data: png.subarray(at + 8, at + 8 + len) });
    at += 12 + len;
  }
  return out;
}

describe('crc32', () => {
  it('matches the PNG reference value', () => {
    expect(crc32(ascii('IEND'))).toBe(0xae426082);
  });
});

describe('setPngXmp', () => {
  const png = concat(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', new Uint8Array(13)), chunk('zTXt', ascii('XML:com.adobe.xmp\0\0xx')), chunk('IDAT', new Uint8Array([1, 2, 3])), chunk('IEND', new Uint8Array()));

  it('replaces a compressed XMP chunk with one uncompressed iTXt before the image data', () => {
    const out = setPngXmp(png, '<x:xmpmeta>é</x:xmpmeta>');
    const list = chunks(out);
    expect(list.map((c) => c.type)).toEqual(['IHDR', 'iTXt', 'IDAT', 'IEND']);
    expect(new TextDecoder().decode(list[1].data)).toBe('XML:com.adobe.xmp\0\0\0\0\0<x:xmpmeta>é</x:xmpmeta>');
  });

  it('refuses bytes that are not a PNG', () => {
    expect(() => setPngXmp(ascii('GIF89a....'), 'x')).toThrow(/not a PNG/);
  });
});

describe('IPTC in JPEG', () => {
  it('declares UTF-8 and cuts long values on a character boundary', () => {
    const iim = buildIptcIim({ title: 'é'.repeat(40), description: 'd', credit: 'Northfold', keywords: ['NF-1001'] });
    expect([...iim.subarray(0, 8)]).toEqual([0x1c, 1, 90, 0, 3, 0x1b, 0x25, 0x47]);
    const at = iim.findIndex((b, i) => b === 0x1c && iim[i + 1] === 2 && iim[i + 2] === 5);
    const len = (iim[at + 3] << 8) | iim[at + 4];
    expect(len).toBe(64);
    expect(new TextDecoder('utf-8', { fatal: true }).decode(iim.subarray(at + 5, at + 5 + len))).toBe('é'.repeat(32));
  });

  it('goes after the existing APPn segments and replaces an older Photoshop APP13', () => {
    const seg = (marker: number, body: string) => concat(new Uint8Array([0xff, marker, 0, body.length + 2]), ascii(body));
    const jpeg = concat(new Uint8Array([0xff, 0xd8]), seg(0xe0, 'JFIF\0'), seg(0xed, 'Photoshop 3.0\0old'), seg(0xe1, 'Exif\0\0'), seg(0xdb, 'tables'), new Uint8Array([0xff, 0xd9]));
    const app13 = buildIptcApp13({ title: 't', description: 'd', credit: 'c', keywords: [] });
    const out = insertJpegSegment(jpeg, app13);
    const markers: number[] = [];
    for (let at = 2; out[at] === 0xff && out[at + 1] !== 0xd9; at += 2 + ((out[at + 2] << 8) | out[at + 3])) markers.push(out[at + 1]);
    expect(markers).toEqual([0xe0, 0xe1, 0xed, 0xdb]);
    expect(new TextDecoder().decode(out)).not.toContain('old');
  });
});

describe('encodeUtf8', () => {
  it('matches TextEncoder, including astral characters and lone surrogates', () => {
    for (const s of ['', 'abc', 'é', '€', '👕 Crème', 'a\ud800b', '\udfff']) expect([...encodeUtf8(s)]).toEqual([...new TextEncoder().encode(s)]);
  });
});
