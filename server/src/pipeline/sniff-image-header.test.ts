// The byte sniffer in front of libvips: every format brandlock reads is recognised from real encoder
// output, and what it does not read (SVG, XML, HTML, PDF, text) is not.
import { describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { sniffImageHeader } from './sniff-image-header';

describe('sniffImageHeader', () => {
  it('recognises what sharp writes, with the declared size for PNG and GIF', async () => {
    const base = sharp({ create: { width: 40, height: 30, channels: 3, background: '#336699' } });
    expect(sniffImageHeader(await base.clone().png().toBuffer())).toEqual({ format: 'png', width: 40, height: 30 });
    expect(sniffImageHeader(await base.clone().gif().toBuffer())).toEqual({ format: 'gif', width: 40, height: 30 });
    expect(sniffImageHeader(await base.clone().jpeg().toBuffer())).toEqual({ format: 'jpeg' });
    expect(sniffImageHeader(await base.clone().webp().toBuffer())).toEqual({ format: 'webp' });
    expect(sniffImageHeader(await base.clone().tiff().toBuffer())).toEqual({ format: 'tiff' });
    expect(sniffImageHeader(await base.clone().avif({ effort: 0 }).toBuffer())).toEqual({ format: 'heif' });
  });

  it('recognises nothing else', () => {
    for (const text of ['<?xml version="1.0"?><svg/>', '<svg xmlns="http://www.w3.org/2000/svg"/>', '<!doctype html><p>hi</p>', '%PDF-1.7\n%âãÏÓ', 'P6\n10 10\n255\n', 'hello, not an image', '']) {
      expect(sniffImageHeader(new TextEncoder().encode(text)), text).toBeNull();
    }
    const mp4 = new Uint8Array([0, 0, 0, 24, ...new TextEncoder().encode('ftypisom'), 0, 0, 2, 0]);
    expect(sniffImageHeader(mp4)).toBeNull();
  });
});
