// The resolution a channel spec's dpi asks for, written by core's splicers for files encoded without
// libvips (the Figma plugin offline), as libvips reads it back: a JPEG's JFIF density (set in the
// header the encoder wrote, or in one added when it wrote none) and a PNG's pHYs (replacing any).
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { concatBytes } from '@brandlock/core';
import { embedJpegMetadata, embedPngMetadata, srgbIccProfile } from '@brandlock/core/file-metadata';

const image = () => sharp({ create: { width: 16, height: 12, channels: 3, background: '#c0603f' } });

describe('density', () => {
  it('sets a JPEG\'s JFIF density, with or without a profile added, and keeps its pixels', async () => {
    const bare = new Uint8Array(await image().jpeg({ quality: 90 }).toBuffer());
    expect((await sharp(bare).metadata()).density).toBe(72);
    for (const meta of [{ dpi: 300 }, { dpi: 300, icc: srgbIccProfile() }]) {
      const out = concatBytes(embedJpegMetadata(bare, meta).parts);
      expect((await sharp(out).metadata()).density).toBe(300);
      expect((await sharp(out).raw().toBuffer()).equals(await sharp(bare).raw().toBuffer())).toBe(true);
    }
  });

  it("sets the density in a JPEG's own JFIF header (as Chromium writes one), leaving one header", async () => {
    const bare = new Uint8Array(await image().jpeg().toBuffer());
    // libvips writes no JFIF header: the first splice adds one (as at 96 dpi), the second sets it.
    expect(bare[3]).not.toBe(0xe0);
    const jfif = concatBytes(embedJpegMetadata(bare, { dpi: 96 }).parts);
    expect(jfif[3]).toBe(0xe0);
    expect((await sharp(jfif).metadata()).density).toBe(96);
    const out = concatBytes(embedJpegMetadata(jfif, { dpi: 300 }).parts);
    expect(out.length).toBe(jfif.length);
    expect((await sharp(out).metadata()).density).toBe(300);
  });

  it("writes a PNG's pHYs, replacing one already there", async () => {
    const plain = new Uint8Array(await image().png().toBuffer());
    const at96 = concatBytes(embedPngMetadata(plain, { dpi: 96 }).parts);
    expect((await sharp(at96).metadata()).density).toBe(96);
    const out = concatBytes(embedPngMetadata(at96, { dpi: 300, icc: srgbIccProfile() }).parts);
    expect((await sharp(out).metadata()).density).toBe(300);
    expect(Buffer.from(out).toString('latin1').split('pHYs').length - 1).toBe(1);
    expect((await sharp(out).raw().toBuffer()).equals(await sharp(plain).raw().toBuffer())).toBe(true);
  });
});
